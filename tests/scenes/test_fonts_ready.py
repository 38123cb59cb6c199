"""The fonts a shopper's first pages draw in are ready before the first tap: loaded, and their letters drawn
once, while the screen waits (a font loaded and its letters first drawn in a tap's frame made the first product
page's frame 4-7 ms slower than the next ones', the bench navigation's slowest; issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scenes.helpers import started
from tests.test_layout_matrix import pilot_for

CASES = [("terminal", (1080, 1920), "fr", False), ("terminal", (1080, 1920), "de", True),
         ("window", (3840, 2160), "fr", False)]


@pytest.mark.parametrize("display, size, language, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}" for d, (w, h), lang, a in CASES])
def test_the_first_pages_load_no_font_in_a_taps_frame(tmp_path: Path, display: str, size: tuple[int, int],
                                                      language: str, accessible: bool) -> None:
    pilot = started(tmp_path, display, size, language, accessible=accessible)
    try:
        ctx = pilot.app.display().ctx
        pilot.advance(1.0, step=1 / 30)  # the home screen, waiting for a shopper
        theme = pilot.app.display().screen.theme
        ready = theme.fonts_loaded
        assert not theme.warm_up(), "every font is ready once the screen has waited a second"
        department = ctx.shop.catalog.categories[0]
        product = ctx.shop.catalog.browse(department.id, limit=1)[0]
        for page in (ctx.routes.browse(department.id), ctx.routes.product(product.sku)):
            ctx.show(page)
            pilot.app.step(block=False)  # the page's first frame
            assert theme.fonts_loaded == ready, f"{type(page).__name__} loaded a font in its first frame"
    finally:
        pilot.close()


def test_a_kiosk_just_started_has_every_font_ready_after_its_first_still_frame(tmp_path: Path) -> None:
    pilot = pilot_for(tmp_path, "terminal", (1080, 1920), "fr")  # started: its first frame drawn
    try:
        theme = pilot.app.display().screen.theme
        pilot.app.step(block=False)  # one turn of the loop, nothing moving
        assert not theme.warm_up(), "a shopper who taps in the first second finds them ready too"
    finally:
        pilot.close()
