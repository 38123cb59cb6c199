"""The automation socket fed bad input from outside: the kiosk (its own process) never dies or hangs,
every request gets exactly one reply, and the next good request works."""

from __future__ import annotations

import json
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.automation.schema import COMMANDS
from kiosk.automation.server import MAX_LINE
from tests.conftest import write_config
from tests.kiosk_process import start_kiosk


class Connection:
    """One client connection, line by line."""

    def __init__(self, sock: Path) -> None:
        self.client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.client.settimeout(40)
        self.client.connect(str(sock))
        self.reader = self.client.makefile("rb")

    def send_line(self, data: bytes) -> None:
        self.client.sendall(data + b"\n")

    def reply(self) -> dict[str, Any]:
        line = self.reader.readline()
        assert line.endswith(b"\n"), "every request gets a whole reply line"
        reply: dict[str, Any] = json.loads(line)
        return reply

    def ask(self, message: Any) -> dict[str, Any]:
        self.send_line(json.dumps(message).encode())
        return self.reply()

    def close(self) -> None:
        self.reader.close()
        self.client.close()


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, subprocess.Popen[bytes]]]:
    folder = tmp_path_factory.mktemp("kiosk")
    sock = folder / "kiosk.sock"
    process = start_kiosk(write_config(folder), sock, "--display", "terminal", output=subprocess.DEVNULL)
    yield sock, process
    process.terminate()
    assert process.wait(timeout=10) == 0


def alive(sock: Path, process: subprocess.Popen[bytes]) -> None:
    assert process.poll() is None, "the kiosk died"
    connection = Connection(sock)
    try:
        assert connection.ask({"cmd": "state"})["ok"], "the next good request works"
    finally:
        connection.close()


BAD_LINES = [
    (b'{"cmd": "tap", "x": 1e400, "y": 5}', "too large"),
    (b'{"cmd": "tap", "x": Infinity, "y": 5}', "Infinity"),
    (b'{"cmd": "tap", "x": NaN, "y": 5}', "NaN"),
    (b'{"cmd": "tap", "x": ' + b"9" * 5000 + b', "y": 5}', "not a request"),
    (b'{"cmd": "swipe", "from": [10, 10], "to": [500, 500], "ms": 1e12}', "ms"),
    (b'{"cmd": "card", "uid": "04a2b3c4", "ndef": [1]}', "ndef"),
    (b'{"cmd": "card", "uid": "not hex"}', "uid"),
    (b'{"cmd": "tap", "label": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deep"),
    (b'{"cmd": "type", "text": {"a": [[[[[[[]]]]]]]}}', "text"),
    (b'{"cmd": "scan"}', "data"),
    (b'{"cmd": "tap", "x": "12", "y": 5}', "x"),
    (b'{"cmd": "state", "extra": 1}', "extra"),
    (b'[1, 2, 3]', "JSON object"),
    (b'"tap"', "JSON object"),
    (b'{"cmd": ["tap"]}', "cmd"),
    (b'\xff\xfe garbage', "JSON"),
]


@pytest.mark.e2e
def test_each_bad_request_gets_one_clear_error_and_the_kiosk_goes_on(
        kiosk: tuple[Path, subprocess.Popen[bytes]], tmp_path: Path) -> None:
    sock, process = kiosk
    connection = Connection(sock)
    try:
        for line, words in BAD_LINES:
            connection.send_line(line)
            reply = connection.reply()
            assert reply["ok"] is False and words in reply["error"], (line[:60], reply)
        for path, words in ((tmp_path / "no such folder" / "shot.png", "no folder"), (tmp_path, "is a folder"),
                            (Path("relative.png"), "absolute")):
            reply = connection.ask({"cmd": "screenshot", "path": str(path)})
            assert reply["ok"] is False and words in reply["error"], reply
        assert connection.ask({"cmd": "tap", "x": 540, "y": 960})["ok"], "the same connection still works"
        assert connection.ask({"cmd": "state"})["displays"]["terminal"]["scene"] == "home"
    finally:
        connection.close()
    alive(sock, process)


@pytest.mark.e2e
def test_an_over_long_line_is_refused_whole_and_its_tail_never_runs(
        kiosk: tuple[Path, subprocess.Popen[bytes]]) -> None:
    sock, _ = kiosk
    connection = Connection(sock)
    tail = b'{"cmd": "scan", "data": "2001000001019"}'  # would open the road bike's page if it ran
    try:
        connection.send_line(b" " * MAX_LINE + tail)
        reply = connection.reply()
        assert reply["ok"] is False and "at most" in reply["error"]
        assert connection.reader.readline() == b"", "the connection is closed after the refusal"
    finally:
        connection.close()
    connection = Connection(sock)
    try:
        assert connection.ask({"cmd": "state"})["displays"]["terminal"]["scene"] != "product", "the tail did not run"
    finally:
        connection.close()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20)
FIELDS = sorted({name for schema in COMMANDS.values() for name in schema["properties"]} - {"cmd", "path"})


@st.composite
def requests(draw: st.DrawFn) -> Any:
    """Anything: any JSON value, or an object with a real or made-up cmd and any fields of any type."""
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values)
    request: dict[str, Any] = {"cmd": draw(st.sampled_from([*COMMANDS, "fly"]) | json_values)}
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=4, unique=True)):
        request[name] = draw(json_values | st.sampled_from([[540, 960], [0, 0], 540, "Aide", "enter"]))
    return request


@pytest.mark.e2e
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(st.lists(requests(), min_size=1, max_size=5))
@pytest.mark.slow  # a few seconds: CI runs it, the quick loop not
def test_fuzzed_requests_each_get_exactly_one_reply(kiosk: tuple[Path, subprocess.Popen[bytes]],
                                                     batch: list[Any]) -> None:
    sock, process = kiosk
    connection = Connection(sock)
    try:
        for request in batch:  # all sent before any reply is read: replies come back in order, one each
            connection.send_line(json.dumps(request).encode())
        replies = [connection.reply() for _ in batch]
        assert all(isinstance(reply.get("ok"), bool) for reply in replies)
        connection.send_line(b'{"cmd": "state"}')
        assert connection.reply()["ok"], "no reply was left over, and the kiosk still answers"
    finally:
        connection.close()
    assert process.poll() is None
