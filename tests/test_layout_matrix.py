"""The layout check over the matrix of shapes, languages and modes, for the screens laid out by the
layout system so far (the attract loop, the member's welcome, the maintenance menu): nothing overlaps,
nothing is covered, every target is big enough, no text is cut where it had room."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.layout_check import layout_problems

SHAPES = [("terminal", (1080, 1920)), ("terminal", (1920, 1080)), ("terminal", (800, 1280)),
          ("window", (3840, 2160)), ("window", (2160, 3840))]
MATRIX = [(display, size, language, accessible) for display, size in SHAPES for language in ("fr", "de")
          for accessible in (False, True)]


def pilot_for(folder: Path, display: str, size: tuple[int, int], language: str) -> Pilot:
    text = DEFAULT_CONFIG.read_text().replace('default_language = "fr"', f'default_language = "{language}"')
    if display == "window":
        text = text.replace("size = [3840, 2160]", f"size = [{size[0]}, {size[1]}]")
    else:
        text = re.sub(r"^size = \[1080, 1920\]", f"size = [{size[0]}, {size[1]}]", text, count=1, flags=re.M)
    return Pilot(load_config(write_config(folder, text)), display)


def check(pilot: Pilot, where: str) -> None:
    display = pilot.app.display()
    widgets = pilot.request("tree")["displays"][display.name]["widgets"]
    problems = layout_problems(widgets, display.screen.theme.size("touch_target"))
    assert problems == [], f"{where}: " + "; ".join(problems)


@pytest.mark.slow  # twenty screens of every shape: CI runs it, the quick loop not
@pytest.mark.parametrize("display, size, language, accessible", MATRIX,
                         ids=[f"{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}" for d, (w, h), lang, a in MATRIX])
def test_attract_and_maintenance_are_laid_out_on_every_shape(tmp_path: Path, display: str, size: tuple[int, int],
                                                             language: str, accessible: bool) -> None:
    pilot = pilot_for(tmp_path, display, size, language)
    try:
        for slide in range(pilot.details()["slides"]):
            check(pilot, f"attract slide {slide}")
            pilot.advance(12, step=0.5)
        pilot.tap(x=size[0] // 2, y=size[1] // 3)
        if accessible:
            pilot.app.display().set_accessible(True)
        if display == "terminal":  # a member's card: the welcome with their offers
            pilot.scan("LOYALTY-1234")
            assert pilot.scene == "welcome"
            check(pilot, "member welcome")
        pilot.app.display().open_pin_pad()
        for digit in "2580":
            pilot.tap(digit)
        assert pilot.scene == "maintenance"
        check(pilot, "maintenance")
    finally:
        pilot.close()
