"""Two displays on a real Wayland compositor with two outputs (sway's headless backend, as in a store PC
with two screens): each display opens full screen on the output its config names, is laid out for it,
and what the output shows (grim) is the display's picture, turned as configured. sway refuses to run
as root: it runs as `nobody`, and the kiosk (root here) talks to it through its sockets.

Presses are tested under X11 (tests/test_screens_on_x11.py): sway's headless backend has no pointer
device, so no client receives pointer events, and Debian 12 packages no virtual-pointer tool."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.automation.server import request
from kiosk.services.screen_power import WaylandPower
from tests.conftest import DEFAULT_CONFIG, REPO, write_config
from tests.kiosk_process import wait_until_listening

ON_CI = bool(os.environ.get("CI"))
CAN_RUN = os.geteuid() == 0 and shutil.which("sway") and shutil.which("grim")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CAN_RUN and not ON_CI, reason="needs sway, grim and root (sway runs as nobody)")]

SWAY_CONFIG = """xwayland disable
default_border none
output HEADLESS-1 resolution 1280x720 position 0 0
output HEADLESS-2 resolution 720x1280 position 1280 0
"""


@pytest.fixture
def sway(tmp_path: Path) -> Iterator[dict[str, str]]:
    """sway with two headless outputs, run by nobody; yields the environment its clients need."""
    assert CAN_RUN, "CI runs as root with sway and grim installed (.ci/run)"
    runtime = Path(f"/tmp/kiosk-sway-{os.getpid()}")
    runtime.mkdir(mode=0o700)
    shutil.chown(runtime, "nobody")
    config = runtime / "sway.conf"
    config.write_text(SWAY_CONFIG)
    shutil.chown(config, "nobody")
    environment = {"XDG_RUNTIME_DIR": str(runtime), "HOME": str(runtime), "WLR_BACKENDS": "headless",
                   "WLR_HEADLESS_OUTPUTS": "2", "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1"}
    server = subprocess.Popen(["runuser", "-u", "nobody", "--", "env", *(f"{k}={v}" for k, v in environment.items()),
                               "sway", "--config", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while not (list(runtime.glob("sway-ipc.*.sock")) and list(runtime.glob("wayland-*[0-9]"))):
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("sway did not start: " + (server.stderr.read().decode()[-2000:]
                                                               if server.stderr else ""))
            time.sleep(0.05)
        wayland = next(p.name for p in runtime.glob("wayland-*[0-9]"))
        yield {"XDG_RUNTIME_DIR": str(runtime), "WAYLAND_DISPLAY": wayland,
               "SWAYSOCK": str(next(runtime.glob("sway-ipc.*.sock")))}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(runtime, ignore_errors=True)


def _request(sock: Path, **fields: Any) -> dict[str, Any]:
    """One automation request (kiosk/automation/server.py's client), which must succeed."""
    answer = request(sock, fields)
    assert answer.get("ok"), answer
    return answer


def _difference(a: pygame.Surface, b: pygame.Surface) -> float:
    """Mean difference per channel (0-255) of two pictures, compared at a small size."""
    small_a = pygame.transform.smoothscale(a, (90, 90))
    small_b = pygame.transform.smoothscale(b, (90, 90))
    total = sum(abs(small_a.get_at((x, y))[c] - small_b.get_at((x, y))[c]) for x in range(90) for y in range(90)
                for c in range(3))
    return total / (90 * 90 * 3)


def test_two_displays_on_their_own_outputs_turned_as_configured(tmp_path: Path, sway: dict[str, str]) -> None:
    text = DEFAULT_CONFIG.read_text().replace('method = "auto"', 'method = "none"')
    text = re.sub(r'^(role = "terminal")$', '\\1\noutput = "HEADLESS-2"\nrotation = 90', text, count=1, flags=re.M)
    text = re.sub(r'^(role = "window")$', '\\1\noutput = "HEADLESS-1"', text, count=1, flags=re.M)
    config = write_config(tmp_path, text)
    sock = tmp_path / "kiosk.sock"
    process = subprocess.Popen([sys.executable, "run_kiosk.py", "--automation", str(sock), "--config", str(config)],
                               cwd=REPO, env={**os.environ, **sway, "SDL_VIDEODRIVER": "wayland"},
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        wait_until_listening(sock, process)
        screens = _request(sock, cmd="state")["screens"]
        assert screens["window"]["position"] == [0, 0] and screens["window"]["size"] == [1280, 720]
        assert screens["terminal"]["position"] == [1280, 0], "the terminal is on HEADLESS-2"
        assert screens["terminal"]["window"] == [720, 1280] and screens["terminal"]["size"] == [1280, 720], \
            "a portrait panel turned a quarter: laid out landscape"
        for display, output, turn in (("window", "HEADLESS-1", 0), ("terminal", "HEADLESS-2", 90)):
            upright = tmp_path / f"{display}.png"
            _request(sock, cmd="screenshot", display=display, path=str(upright))
            expected = pygame.transform.rotate(pygame.image.load(str(upright)), -turn)
            shown = tmp_path / f"{output}.png"
            deadline = time.monotonic() + 10
            while True:  # the compositor shows a new frame on its next refresh
                subprocess.run(["grim", "-o", output, str(shown)], env={**os.environ, **sway}, check=True,
                               timeout=20)
                on_glass = pygame.image.load(str(shown))
                difference = _difference(on_glass, expected) if on_glass.get_size() == expected.get_size() else 255
                if difference < 4.0 or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
            assert on_glass.get_size() == expected.get_size()
            assert difference < 4.0, f"{output} shows {display}, turned {turn}°"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_compositor_takes_the_switch_of_a_screen(sway: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """sway 1.7 (Debian 12) has `output NAME dpms`, 1.8 and later `power`: the method speaks the one that
    is there. Its headless backend takes the switch but has no panel to turn off, so what it does to a
    real screen is not seen here."""
    for name, value in sway.items():
        monkeypatch.setenv(name, value)
    power = WaylandPower("HEADLESS-2")
    assert power.usable()
    power.set(False)  # raises PowerError if sway refused the command
    power.set(True)
