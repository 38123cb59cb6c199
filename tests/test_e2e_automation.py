"""The kiosk as its own process, driven from outside through the automation socket."""

from __future__ import annotations

import json
import socket
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from kiosk.automation.server import request
from tests.conftest import write_config
from tests.kiosk_process import start_kiosk


@pytest.fixture
def kiosk(tmp_path: Path) -> Iterator[Path]:
    """`python run_kiosk.py --headless --automation SOCK` running; yields the socket path."""
    sock = tmp_path / "kiosk.sock"
    process = start_kiosk(write_config(tmp_path), sock, output=subprocess.DEVNULL)
    yield sock
    process.terminate()
    assert process.wait(timeout=10) == 0, "the kiosk must stop cleanly on SIGTERM"
    assert not sock.exists(), "the socket file is removed on exit"


def ask(sock: Path, **message: object) -> dict[str, object]:
    reply = request(sock, message)
    assert reply["ok"], reply
    return reply


def scene(sock: Path) -> str:
    displays = ask(sock, cmd="state")["displays"]
    assert isinstance(displays, dict)
    return str(displays["terminal"]["scene"])


@pytest.mark.e2e
def test_a_shopper_walk_from_outside(kiosk: Path, tmp_path: Path) -> None:
    assert stat.S_IMODE(kiosk.stat().st_mode) == 0o600
    assert scene(kiosk) == "attract"
    ask(kiosk, cmd="tap", x=540, y=960)
    assert scene(kiosk) == "home"
    ask(kiosk, cmd="tap", label="Rechercher un produit")
    ask(kiosk, cmd="type", text="alto")
    tree = ask(kiosk, cmd="tree")["displays"]["terminal"]  # type: ignore[index]
    labels = [w["label"] for w in tree["widgets"]]
    assert tree["size"] == [1080, 1920] and tree["scene"] == "search"
    assert {"Vélo de route Alto 520", "Vélo de route Alto 900 Carbone"} <= set(labels)
    ask(kiosk, cmd="tap", label="Vélo de route Alto 520")
    ask(kiosk, cmd="tap", label="Dans le comparateur")
    ask(kiosk, cmd="scan", data="2001000001026")
    ask(kiosk, cmd="tap", label="Dans le comparateur")
    ask(kiosk, cmd="tap", label="Comparer (2)")
    state = ask(kiosk, cmd="state")
    assert state["displays"]["terminal"]["scene"] == "compare"  # type: ignore[index]
    assert state["session"] == {"language": "fr", "identified": False, "compare": ["BIK-101", "BIK-102"], "cart": [],
                                "accessible": False}
    shot = tmp_path / "compare.png"
    ask(kiosk, cmd="screenshot", path=str(shot))
    picture = pygame.image.load(str(shot))
    assert picture.get_size() == (1080, 1920)
    assert picture.get_at((3, 3))[:3] == (0x1F, 0x4E, 0x46)  # the header bar is drawn


@pytest.mark.e2e
@pytest.mark.slow  # a kiosk process, seconds: CI runs it (the shopper walk stays quick)
def test_bad_requests_get_clear_errors_and_the_kiosk_goes_on(kiosk: Path) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.connect(str(kiosk))
        client.sendall(b"this is not json\n" + json.dumps({"cmd": "fly"}).encode() + b"\n"
                       + json.dumps({"cmd": "tap", "label": "Nope"}).encode() + b"\n")
        reader = client.makefile("r", encoding="utf-8")
        replies = [json.loads(reader.readline()) for _ in range(3)]
    assert [r["ok"] for r in replies] == [False, False, False]
    assert "JSON" in replies[0]["error"] and "fly" in replies[1]["error"] and "Nope" in replies[2]["error"]
    assert request(kiosk, {"cmd": "screenshot", "path": "relative.png"})["ok"] is False
    assert request(kiosk, {"cmd": "state", "display": "pavement"})["error"] == "no display named 'pavement'"
    assert scene(kiosk) == "attract"
