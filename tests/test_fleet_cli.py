"""Head office's command line (kiosk-fleet) against a real Mosquitto and two real kiosks (headless): the
fleet from the retained status, a command to a device and to a whole store with correlated replies, a
screenshot, a device gone offline, and a content version published for a store."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.fleet_cli import main as fleet_main
from tests.conftest import REPO, write_config
from tests.kiosk_process import KIOSK
from tests.mqtt import MOSQUITTO, Broker, Observer
from tests.test_fleet import fleet_config_text

pytestmark = [pytest.mark.skipif(MOSQUITTO is None, reason=".ci/run installs Debian's mosquitto"), pytest.mark.slow]


@pytest.fixture
def two_kiosks(tmp_path: Path, broker: Broker) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Kiosk `terminal` of store lyon-01 and kiosk `window` of store lyon-01, as their own processes."""
    processes = []
    observer = Observer(broker.port, "kiosk/+/+/status")
    for device in ("terminal", "window"):
        folder = tmp_path / device
        folder.mkdir()
        text = fleet_config_text(broker.port).replace('device = "terminal"', f'device = "{device}"')
        processes.append(subprocess.Popen([*KIOSK, "--headless", "--display", device,
                                           "--config", str(write_config(folder, text))], cwd=REPO,
                                          env={**os.environ, "SDL_VIDEODRIVER": "dummy"},
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        observer.wait_for_all({device: lambda topic, body, d=device: topic.endswith(f"/{d}/status") and
                               body["state"] == "online" for device in ("terminal", "window")}, timeout=20)
        yield processes
    finally:
        observer.close()
        for process in processes:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=10)


def _fleet(broker: Broker, capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, object]:
    code = fleet_main(["--host", "127.0.0.1", "--port", str(broker.port), "--json", "--wait", "1.5", *arguments])
    return code, json.loads(capsys.readouterr().out)


def test_the_fleet_is_listed_commanded_and_shown(tmp_path: Path, broker: Broker,
                                                 two_kiosks: list[subprocess.Popen[bytes]],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    time.sleep(1.5)  # a telemetry sample each (telemetry_s = 1)
    code, listed = _fleet(broker, capsys, "list")
    assert code == 0 and isinstance(listed, list)
    rows = {(row["store"], row["device"]): row for row in listed}
    assert set(rows) == {("lyon-01", "terminal"), ("lyon-01", "window")}
    assert all(row["state"] == "online" and row["content"] == "2026.11.1" for row in rows.values())

    code, replies = _fleet(broker, capsys, "send", "lyon-01", "ping")
    assert code == 0 and isinstance(replies, list) and len(replies) == 2
    assert all(reply["ok"] and reply["pong"] for reply in replies), "each device of the store answered"

    code, shot = _fleet(broker, capsys, "screenshot", "lyon-01/terminal", str(tmp_path / "terminal.png"))
    assert code == 0 and isinstance(shot, dict) and shot["ok"]
    assert (tmp_path / "terminal.png").read_bytes().startswith(base64.b64decode("iVBORw0KGgo="))

    code, bad = _fleet(broker, capsys, "send", "lyon-01/terminal", "dance")
    assert code == 1 and isinstance(bad, list) and "unknown command" in bad[0]["error"]

    two_kiosks[1].kill()  # the window's PC loses power: its last will says offline
    two_kiosks[1].wait(timeout=10)
    deadline = time.monotonic() + 15
    while True:
        _, listed = _fleet(broker, capsys, "list")
        assert isinstance(listed, list)
        states = {row["device"]: row["state"] for row in listed}
        if states.get("window") == "offline" or time.monotonic() > deadline:
            break
    assert states == {"terminal": "online", "window": "offline"}

    code, published = _fleet(broker, capsys, "publish-content", "lyon-01,paris-02", "2026.12.1",
                             "--url", "https://packs.example/2026.12.1.tar")
    assert code == 0 and published == {"published": "2026.12.1", "stores": ["lyon-01", "paris-02"]}
    observer = Observer(broker.port, "kiosk/lyon-01/content")
    try:
        body, _ = observer.wait_for(lambda topic, body: True)
        assert body == {"version": "2026.12.1", "url": "https://packs.example/2026.12.1.tar"}, "retained"
    finally:
        observer.close()
