"""The shop window's footer, the band at the foot of every attract slide that says open or closed and what a
touch does (designer's review, issue 22: never looked at on the 2160x3840 window). Open, it was the brand's
green under a message slide of the same green: no band at all, its words floating on the slide. Now on every
slide, open or closed, portrait or landscape, the band stands apart from the slide above it, and its words
show ink."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pygame
import pytest

from kiosk.config import load_config
from kiosk.core.hours.clock import ManualClock
from kiosk.scenes.store_status import store_status
from kiosk.testing.pilot import Pilot
from tests.conftest import DEFAULT_CONFIG, write_config
from tests.layout_check import widgets_without_ink

SHAPES = [(2160, 3840), (3840, 2160)]


def window(tmp_path: Path, size: tuple[int, int], language: str, hour: int) -> Pilot:
    """The window's attract on a Saturday in Lyon at `hour` UTC (15: open; 21: closed)."""
    text = DEFAULT_CONFIG.read_text().replace('default_language = "fr"', f'default_language = "{language}"')
    text = text.replace("size = [3840, 2160]", f"size = [{size[0]}, {size[1]}]")
    return Pilot(load_config(write_config(tmp_path, text)), "window",
                 clock=ManualClock(datetime(2026, 11, 21, hour, 0, tzinfo=UTC)))


def band_edge(shown: pygame.Surface, x: int, top: int, reach: int) -> int | None:
    """How far above `top` (a point in the band) the colour at `x` changes from the band's, within `reach`."""
    band = shown.get_at((x, top))
    for up in range(1, reach):
        other = shown.get_at((x, top - up))
        if sum(abs(a - b) for a, b in zip(band[:3], other[:3], strict=True)) >= 60:
            return up
    return None


@pytest.mark.parametrize("size", SHAPES, ids=["portrait", "landscape"])
@pytest.mark.parametrize("language, hour", [("fr", 15), ("de", 15), ("fr", 21)],
                         ids=["fr-open", "de-open", "fr-closed"])
@pytest.mark.quick_first(1)  # the portrait window open in the quick loop, every case in CI
def test_the_band_stands_apart_from_every_slide(tmp_path: Path, size: tuple[int, int], language: str,
                                                hour: int) -> None:
    pilot = window(tmp_path, size, language, hour)
    try:
        headline = store_status(pilot.app.display().ctx).headline  # "Ouvert", "Fermé"
        margin = pilot.app.display().screen.theme.size("margin")
        for slide in range(pilot.details()["slides"]):
            pilot.advance(0.2)
            widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
            shown = pilot.picture()
            texts = [w for w in widgets if w["role"] == "text"]
            first = next(w for w in texts if w["label"] == headline and w["bounds"][1] > size[1] // 2)
            band_words = [w for w in texts if w["bounds"][1] >= first["bounds"][1]]
            assert widgets_without_ink(band_words, shown) == [], f"slide {slide}"
            top = first["bounds"][1]
            edge = band_edge(shown, size[0] - 4, top, 3 * margin)
            assert edge is not None, \
                f"slide {slide} ({pilot.details()['slide']}): the band under it is the slide's own colour"
            pilot.advance(12, step=0.5)
    finally:
        pilot.close()
