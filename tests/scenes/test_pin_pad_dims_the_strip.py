"""In accessible mode on a portrait screen, the strip above the reach zone says, under the staff PIN pad, what the
screen under the pad said (the department): it is dimmed with that screen, behind the pad, as everything under a
modal is (designer's review, issue 22: the department's name stood at full strength over the dimmed page and
competed with the pad)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.scenes.helpers import started

SHAPES = [("terminal", (1080, 1920)), ("terminal", (800, 1280)), ("window", (2160, 3840))]


def brightest(picture: pygame.Surface, area: pygame.Rect) -> int:
    """The brightest channel of any pixel in `area` (white words: 255)."""
    return max(pygame.image.tobytes(picture.subsurface(area), "RGB"))


@pytest.mark.quick_first(1)
@pytest.mark.parametrize("display, size", SHAPES, ids=[f"{d}-{w}x{h}" for d, (w, h) in SHAPES])
@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_strip_over_the_pin_pad_is_dimmed_with_the_screen_under_it(
        tmp_path: Path, display: str, size: tuple[int, int], language: str) -> None:
    pilot = started(tmp_path, display, size, language, accessible=True)
    try:
        shown = pilot.app.display()
        ctx = shown.ctx
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        strip = pygame.Rect(0, 0, size[0], shown.screen.offset)
        assert strip.height, "a strip above the reach zone"
        lines = shown.screen.banner_lines
        assert brightest(pilot.picture(), strip) == 255, "the department's name in white over the page"
        shown.staff.open_pin_pad()
        pilot.advance(0.1)
        assert shown.screen.banner_lines == lines, "the strip says what it said (the pad its own title)"
        red, green, blue, alpha = ctx.theme.color("overlay")
        dimmed = 255 * (255 - alpha) // 255 + max(red, green, blue) * alpha // 255  # white under the overlay
        picture = pilot.picture()
        words = brightest(picture, strip)
        background = max(tuple(picture.get_at((1, 1)))[:3])
        assert background < words <= dimmed + 2, \
            f"the strip's words at {words} (the page's white under the pad: {dimmed}, the strip's ground {background})"
        pilot.tap(ctx.t("Cancel"))
        pilot.advance(0.1)
        assert pilot.scene != "pin_pad" and brightest(pilot.picture(), strip) == 255, "in white again after it"
    finally:
        pilot.close()
