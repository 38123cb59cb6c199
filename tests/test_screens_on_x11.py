"""The kiosk full screen on a real X server (Xvfb, no window manager), as on a store PC without a
desktop: the display is laid out for the screen there is, turned for a panel mounted turned, and a
real pointer press (xdotool, through the X server) at the place a button shows presses that button."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.automation.server import request
from kiosk.testing.xvfb import xvfb
from tests.conftest import DEFAULT_CONFIG, REPO, write_config
from tests.kiosk_process import KIOSK, kiosk_output, wait_until_listening

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                                                   reason="needs Xvfb and xdotool (CI installs them)")]


@pytest.fixture
def x_server() -> Iterator[str]:
    """An Xvfb of one 1920x1080 screen on a free display number."""
    with xvfb(1920, 1080) as display:
        yield display


def _request(sock: Path, **fields: Any) -> dict[str, Any]:
    """One automation request (kiosk/automation/server.py's client), which must succeed."""
    answer = request(sock, fields)
    assert answer.get("ok"), answer
    return answer


def _kiosk(folder: Path, display: str, rotation: int) -> tuple[subprocess.Popen[bytes], Path]:
    text = re.sub(r'^(role = "terminal")$', f"\\1\nrotation = {rotation}", DEFAULT_CONFIG.read_text(), count=1,
                  flags=re.M).replace('method = "auto"', 'method = "none"')  # lit whatever the time of the run
    config = write_config(folder, text)
    sock = folder / "kiosk.sock"
    env = {**os.environ, "DISPLAY": display, "SDL_VIDEODRIVER": "x11", "SDL_FRAMEBUFFER_ACCELERATION": "0"}
    with kiosk_output(sock) as out:
        process = subprocess.Popen([*KIOSK, "--display", "terminal", "--automation", str(sock),
                                    "--config", str(config)], cwd=REPO, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    wait_until_listening(sock, process)
    return process, sock


def _press(display: str, x: int, y: int) -> None:
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "mousedown", "1"], env=env, check=True)
    time.sleep(0.1)
    subprocess.run(["xdotool", "mouseup", "1"], env=env, check=True)


def _wait_for(sock: Path, scene: str) -> dict[str, Any]:
    deadline = time.monotonic() + 10
    while True:
        state = _request(sock, cmd="state")
        if state["displays"]["terminal"]["scene"] == scene:
            return state
        assert time.monotonic() < deadline, f"still on {state['displays']['terminal']['scene']}, not {scene}"
        time.sleep(0.1)


@pytest.mark.parametrize("rotation", [0, 90])
def test_full_screen_is_laid_out_for_the_screen_and_a_press_lands_on_its_button(
        tmp_path: Path, x_server: str, rotation: int) -> None:
    process, sock = _kiosk(tmp_path, x_server, rotation)
    try:
        screen = _request(sock, cmd="state")["screens"]["terminal"]
        assert screen["window"] == [1920, 1080], "full screen on the one screen there is"
        # configured 1080x1920: on a landscape screen it is laid out landscape; turned, it is portrait again
        assert screen["size"] == ([1920, 1080] if rotation == 0 else [1080, 1920])
        deadline = time.monotonic() + 20
        while _request(sock, cmd="state")["displays"]["terminal"]["scene"] != "home":
            # anywhere: the attract loop gives way to home (a press before the X server shows the window
            # reaches nobody: press again)
            assert time.monotonic() < deadline, "no press reached the kiosk"
            _press(x_server, 960, 540)
            time.sleep(0.5)
        tree = _request(sock, cmd="tree")["displays"]["terminal"]["widgets"]
        tents = next(w for w in tree if w["label"] == "Tentes" and w["role"] == "button")
        x, y, w, h = tents["bounds"]
        centre = (x + w // 2, y + h // 2)
        height = screen["size"][1]
        on_glass = centre if rotation == 0 else (height - 1 - centre[1], centre[0])
        _press(x_server, *on_glass)
        state = _wait_for(sock, "browse")
        assert state["displays"]["terminal"].get("category") == "tents", "the press opened the department shown there"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_on_a_desk_the_displays_stand_side_by_side_the_terminal_at_the_desks_height(tmp_path: Path,
                                                                                     x_server: str) -> None:
    config = write_config(tmp_path, DEFAULT_CONFIG.read_text())
    sock = tmp_path / "kiosk.sock"
    env = {**os.environ, "DISPLAY": x_server, "SDL_VIDEODRIVER": "x11", "SDL_FRAMEBUFFER_ACCELERATION": "0"}
    with kiosk_output(sock) as out:
        process = subprocess.Popen([*KIOSK, "--windowed", "--automation", str(sock),
                                    "--config", str(config)], cwd=REPO, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        wait_until_listening(sock, process)
        screens = _request(sock, cmd="state")["screens"]
        terminal, window = screens["terminal"], screens["window"]
        assert terminal["size"] == [1080, 1920] and window["size"] == [3840, 2160], "laid out as configured"
        assert terminal["position"][0] + terminal["window"][0] <= window["position"][0], "side by side"
        assert window["position"][0] + window["window"][0] <= 1920, "both on the desk's screen"
        for screen in (terminal, window):
            scale = screen["window"][0] / screen["size"][0]
            assert abs(screen["window"][1] / screen["size"][1] - scale) < 0.01, f"stretched unevenly: {screen}"
        # the terminal is what a newcomer touches: as tall as the desk allows, not shrunk to the window's scale
        assert terminal["window"][1] >= 0.85 * 1080, f"the terminal is small on the desk: {terminal}"
    finally:
        process.terminate()
        process.wait(timeout=10)
