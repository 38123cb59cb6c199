"""The desk demo (README command 1, `run_kiosk.py --windowed`) on a real X server of a desk's size: each
display is laid out at the size the store's screen has and shown scaled down into its window, so it
reads as in the store (nothing cut, nothing laid out again for a small window), and a click on the
scaled picture lands on the button shown there."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.automation.server import request
from kiosk.testing.xvfb import xvfb
from tests.conftest import DEFAULT_CONFIG, REPO, write_config
from tests.kiosk_process import KIOSK, kiosk_output, wait_until_listening
from tests.layout_check import labels_in_other_language, layout_problems, widgets_without_ink

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "import")),
    reason="needs Xvfb, xdotool and ImageMagick's import (CI installs them)")]

DESKS = [(2560, 1440), (1920, 1080)]
STORE_SIZES = {"terminal": [1080, 1920], "window": [3840, 2160]}  # config/default.toml's displays


@pytest.fixture(params=DESKS, ids=[f"{w}x{h}" for w, h in DESKS])
def desk(request: pytest.FixtureRequest) -> Iterator[tuple[str, tuple[int, int]]]:
    """An Xvfb of one screen of a desk's size, on a free display number: (DISPLAY, size)."""
    width, height = request.param
    with xvfb(width, height) as display:
        yield display, (width, height)


def _ask(sock: Path, **fields: Any) -> dict[str, Any]:
    answer = request(sock, fields)
    assert answer.get("ok"), answer
    return answer


def _desk_picture(display: str, folder: Path) -> pygame.Surface:
    """What the X server shows on the whole desk, as a person at the desk sees it."""
    path = folder / "desk.png"
    subprocess.run(["import", "-display", display, "-window", "root", str(path)], check=True, timeout=30)
    return pygame.image.load(str(path))


def _problems(sock: Path, display: str, folder: Path, language: str) -> list[str]:
    """The layout check of both displays' trees, and the ink of their widgets in the desk's picture."""
    screens = _ask(sock, cmd="state")["screens"]
    trees = _ask(sock, cmd="tree")["displays"]
    picture = _desk_picture(display, folder)
    problems = []
    for name, tree in trees.items():
        screen = screens[name]
        assert tree["size"] == STORE_SIZES[name] == screen["size"], f"{name} laid out at {tree['size']}"
        scale = screen["window"][0] / screen["size"][0]
        assert abs(screen["window"][1] / screen["size"][1] - scale) < 0.01, f"{name} stretched unevenly"
        widgets = tree["widgets"]
        problems += [f"{name}: {p}" for p in layout_problems(widgets, 0) + labels_in_other_language(widgets, language)
                     + widgets_without_ink(widgets, picture, scale, tuple(screen["position"]))]
    return problems


def _click(display: str, sock: Path, name: str, label: str) -> None:
    """Click, with the desk's real pointer, the middle of a widget where its window shows it."""
    screen = _ask(sock, cmd="state")["screens"][name]
    widget = next(w for w in _ask(sock, cmd="tree")["displays"][name]["widgets"] if w["label"] == label)
    x, y, w, h = widget["bounds"]
    scale = screen["window"][0] / screen["size"][0]
    at = (screen["position"][0] + round((x + w / 2) * scale), screen["position"][1] + round((y + h / 2) * scale))
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["xdotool", "mousemove", str(at[0]), str(at[1]), "mousedown", "1"], env=env, check=True)
    time.sleep(0.1)
    subprocess.run(["xdotool", "mouseup", "1"], env=env, check=True)


def _wait_for_scene(sock: Path, name: str, scene: str) -> None:
    deadline = time.monotonic() + 15
    while (shown := _ask(sock, cmd="state")["displays"][name]["scene"]) != scene:
        assert time.monotonic() < deadline, f"{name} stayed on {shown}, not {scene}"
        time.sleep(0.2)


def test_the_desk_demo_shows_the_stores_picture_scaled_down(tmp_path: Path,
                                                             desk: tuple[str, tuple[int, int]]) -> None:
    display, (width, height) = desk
    config = write_config(tmp_path, DEFAULT_CONFIG.read_text())
    sock = tmp_path / "kiosk.sock"
    env = {**os.environ, "DISPLAY": display, "SDL_VIDEODRIVER": "x11", "SDL_FRAMEBUFFER_ACCELERATION": "0"}
    with kiosk_output(sock) as out:
        process = subprocess.Popen([*KIOSK, "--windowed", "--automation", str(sock),
                                    "--config", str(config)], cwd=REPO, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        wait_until_listening(sock, process)
        screens = _ask(sock, cmd="state")["screens"]
        for screen in screens.values():
            right, bottom = (screen["position"][i] + screen["window"][i] for i in (0, 1))
            assert right <= width and bottom <= height, f"a window runs off the {width}x{height} desk: {screen}"
        language = _ask(sock, cmd="state")["session"]["language"]
        time.sleep(1.0)  # the windows mapped and drawn at least once
        problems = _problems(sock, display, tmp_path, language)
        assert not problems, "attract:\n" + "\n".join(problems)
        start = "Touchez l'écran pour commencer"  # the demo store speaks French first
        deadline = time.monotonic() + 20
        while _ask(sock, cmd="state")["displays"]["terminal"]["scene"] != "home":
            # a click on the scaled "touch to start" reaches the button (the first, before the X server
            # showed the window, may reach nobody: click again)
            assert time.monotonic() < deadline, "no click reached the terminal"
            _click(display, sock, "terminal", start)
            time.sleep(0.5)
        _click(display, sock, "terminal", "Tentes")
        _wait_for_scene(sock, "terminal", "browse")
        time.sleep(0.5)
        problems = _problems(sock, display, tmp_path, language)
        assert not problems, "browse:\n" + "\n".join(problems)
    finally:
        process.terminate()
        process.wait(timeout=10)
