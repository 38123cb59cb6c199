"""The attract loop at every shape: a slide's words are laid out above its call to action (the shop
window's open/closed band), never under it; no two texts overlap."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pygame
import pytest

from kiosk.config import load_config
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config

SHAPES = [("window", (3840, 2160)), ("window", (2160, 3840)), ("terminal", (1080, 1920)), ("terminal", (1920, 1080)),
          ("terminal", (800, 1280))]


def pilot_for(folder: Path, display: str, size: tuple[int, int]) -> Pilot:
    text = DEFAULT_CONFIG.read_text()
    if display == "window":
        text = text.replace("size = [3840, 2160]", f"size = [{size[0]}, {size[1]}]")
    else:
        text = re.sub(r"^size = \[1080, 1920\]", f"size = [{size[0]}, {size[1]}]", text, count=1, flags=re.M)
    return Pilot(load_config(write_config(folder, text.replace('default_language = "fr"', 'default_language = "de"'))),
                 display)


# the 4K windows take two seconds each: CI runs them, the quick loop the terminal's shapes
@pytest.mark.parametrize("display, size", [pytest.param(d, s, marks=[pytest.mark.slow] if d == "window" else [])
                                           for d, s in SHAPES], ids=[f"{d}-{w}x{h}" for d, (w, h) in SHAPES])
@pytest.mark.quick_first(1)  # every shape in CI
def test_every_slide_keeps_its_words_clear_of_the_call_to_action(tmp_path: Path, display: str,
                                                                  size: tuple[int, int]) -> None:
    pilot = pilot_for(tmp_path, display, size)
    try:
        seen_product = False
        for _ in range(pilot.details()["slides"]):
            widgets = pilot.request("tree")["displays"][display]["widgets"]
            texts = [w for w in widgets if w["role"] in ("text", "heading") and w["label"]]
            seen_product = seen_product or any(w["role"] == "image" for w in widgets)
            for first, second in itertools.combinations(texts, 2):
                assert not pygame.Rect(first["bounds"]).colliderect(pygame.Rect(second["bounds"])), \
                    f"{first['label']!r} overlaps {second['label']!r}"
            pilot.advance(12, step=0.5)
        assert seen_product, "the playlist has product slides to check"
    finally:
        pilot.close()
