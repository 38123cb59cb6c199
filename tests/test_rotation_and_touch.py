"""A panel mounted turned: the picture is turned with `rotation`, and a finger or a click at the place
where a button shows on the glass presses that button, at every rotation; touch screens belong to their
display. Real SDL events go through the app's loop (SDL's dummy video driver)."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config


def _pilot(folder: Path, rotation: int) -> Pilot:
    text = re.sub(r'^(role = "terminal")$', f"\\1\nrotation = {rotation}", DEFAULT_CONFIG.read_text(), count=1,
                  flags=re.M)
    return Pilot(load_config(write_config(folder, text)), "terminal")


def _on_glass(point: tuple[int, int], size: tuple[int, int], rotation: int) -> tuple[int, int]:
    """Where a point of the upright picture shows on the panel once the picture is turned clockwise."""
    x, y = point
    width, height = size
    return {0: (x, y), 90: (height - 1 - y, x), 180: (width - 1 - x, height - 1 - y), 270: (y, width - 1 - x)}[rotation]


def _click(at: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=at, button=1, touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=at, button=1, touch=False))


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.quick_first(1)  # every turn in CI
def test_a_click_on_the_glass_presses_the_button_shown_there(tmp_path: Path, rotation: int) -> None:
    pilot = _pilot(tmp_path, rotation)
    try:
        output = pilot.app.outputs[0]
        assert output.window.size == ((1920, 1080) if rotation in (90, 270) else (1080, 1920)), "the panel's shape"
        pilot.tap(x=540, y=960)
        target = pilot.app.display().screen.find("Tentes")
        assert target is not None
        _click(_on_glass(target.center, (1080, 1920), rotation))
        pilot.app.step(block=False)
        assert pilot.details().get("category") == "tents"
    finally:
        pilot.close()


def test_the_picture_on_the_glass_is_the_display_turned(tmp_path: Path) -> None:
    pilot = _pilot(tmp_path, 90)
    try:
        pilot.tap(x=540, y=960)
        output = pilot.app.outputs[0]
        output.present()
        upright = output.surface
        glass = output.window_surface
        for point in ((10, 10), (540, 300), (1000, 1900), (200, 1500)):
            assert glass.get_at(_on_glass(point, (1080, 1920), 90)) == upright.get_at(point)
    finally:
        pilot.close()


def test_a_finger_on_another_displays_touch_screen_does_not_press_here(tmp_path: Path) -> None:
    pilot = _pilot(tmp_path, 0)
    try:
        terminal = pilot.app.outputs[0]
        terminal.claimed, terminal.all_claimed = frozenset({7}), frozenset({7, 8})  # 8: the window's glass
        for touch, expected in ((8, "attract"), (7, "home")):
            for kind in (pygame.FINGERDOWN, pygame.FINGERUP):
                pygame.event.post(pygame.event.Event(kind, x=0.5, y=0.5, dx=0.0, dy=0.0, finger_id=1, touch_id=touch,
                                                     pressure=1.0))
            pilot.app.step(block=False)
            assert pilot.scene == expected
    finally:
        pilot.close()
