"""The texts the kiosk keeps rendered: those the last frames drew, and a quarter screenful more (the pages met a
moment ago), not the texts of every page met since (issue 24: the soak's memory)."""

from __future__ import annotations

import pygame

from kiosk.testing.pilot import Pilot

QUARTER_SCREENFUL = 1080 * 1920  # bytes: a quarter of the terminal's screen in 32-bit pixels


def test_pages_met_keep_a_quarter_screenful_of_text_and_the_page_in_front_keeps_all_of_its_own(pilot: Pilot) -> None:
    screen = pilot.app.display().screen
    codes = pilot.app.shop.catalog.gtins(66)
    for page in range(6):
        pilot.scan(codes[page * 11])
        screen.images.wait()
        pilot.advance(0.05)
        assert pilot.scene == "product"
        # half a screenful was kept before: 3.9 MB of the texts of pages left long ago
        assert screen.text.held_bytes <= QUARTER_SCREENFUL, f"page {page}: {screen.text.held_bytes} bytes of text"
    held = screen.text.held_bytes
    shown = pygame.image.tobytes(screen.full, "RGB")
    screen.redraw_all()
    pilot.advance(0.05)
    assert screen.text.held_bytes == held, "the page in front drew its texts again from those kept"
    assert pygame.image.tobytes(screen.full, "RGB") == shown, "and it looks the same"
