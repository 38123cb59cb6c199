"""Started where there is no screen to show on, the kiosk says what is missing and stops, instead of
running on SDL's offscreen driver and showing nothing (--headless is the way to run without one)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kiosk.automation import request
from tests.conftest import REPO, write_config
from tests.kiosk_process import KIOSK, kiosk_output, wait_until_listening

WITHOUT_SCREEN = {key: value for key, value in os.environ.items()
                  if key not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}


def start(config: Path, *arguments: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KIOSK, "--config", str(config), "--display", "terminal",
                           *arguments], cwd=REPO, env={**WITHOUT_SCREEN, **env}, capture_output=True, text=True,
                          timeout=30)


@pytest.mark.slow  # kiosk processes, seconds: CI runs it (the others stay quick)
def test_without_a_display_server_it_says_so_and_stops(tmp_path: Path) -> None:
    for arguments in (("--windowed",), ()):
        ended = start(write_config(tmp_path), *arguments)
        assert ended.returncode != 0, "it ran, showing nothing"
        assert "neither DISPLAY (X11) nor WAYLAND_DISPLAY (Wayland) is set" in ended.stderr
        assert "--headless" in ended.stderr
        assert "XDG_RUNTIME_DIR" not in ended.stderr, "SDL's puzzling error came first"
        assert "started" not in ended.stderr


def test_a_display_server_that_does_not_answer_is_named(tmp_path: Path) -> None:
    ended = start(write_config(tmp_path), "--windowed", DISPLAY=":987")
    assert ended.returncode != 0
    assert "could not open the display server (DISPLAY=:987)" in ended.stderr


def test_a_video_driver_that_cannot_start_is_named(tmp_path: Path) -> None:
    ended = start(write_config(tmp_path), "--windowed", DISPLAY=":987", SDL_VIDEODRIVER="x11")
    assert ended.returncode != 0
    assert "SDL's x11 video driver could not start" in ended.stderr and "Traceback" not in ended.stderr


def test_headless_needs_no_display_server(tmp_path: Path) -> None:
    sock = tmp_path / "kiosk.sock"
    with kiosk_output(sock) as out:
        process = subprocess.Popen([*KIOSK, "--config", str(write_config(tmp_path)), "--headless",
                                    "--display", "terminal", "--automation", str(sock)], cwd=REPO, env=WITHOUT_SCREEN,
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_listening(sock, process)
        assert request(sock, {"cmd": "state"})["displays"]["terminal"]["scene"] == "attract"
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
