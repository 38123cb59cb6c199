"""Staff's PIN pad has one arrangement on every shape, in both modes: its title, the dots under it, the keys close
under them (designer's review, issue 22: the pad put its title beside the dots on the portrait screens and the 4K
window, over them on the tablet, with an empty band of 60 px and more over the keys, and its keys beside the words
on a landscape screen in accessible mode). A wrong PIN says so in the dots' place: the keys never move."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.scenes.helpers import started
from tests.test_layout_matrix import SHAPES

CASES = [(display, size, language, accessible) for display, size in SHAPES
         for language, accessible in (("fr", False), ("de", True), ("de", False), ("fr", True))]


def tree(pilot: Pilot) -> list[dict[str, Any]]:
    """What the screen's tree lists now."""
    pilot.advance(0.1)
    return pilot.request("tree")["displays"][pilot.display_name]["widgets"]  # type: ignore[no-any-return]


def empty_rows(picture: pygame.Surface, columns: range, top: int, bottom: int) -> int:
    """The longest run of rows between `top` and `bottom` of one flat colour across `columns` (the pad's box)."""
    longest = run = 0
    for y in range(top, bottom):
        colours = {tuple(picture.get_at((x, y)))[:3] for x in columns}
        run = run + 1 if len(colours) == 1 else 0
        longest = max(longest, run)
    return longest


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{lang}-{'a11y' if a else 'normal'}" for d, (w, h), lang, a in CASES])
def test_the_pin_pad_says_its_title_over_its_dots_and_its_keys_close_under_them(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    pilot = started(tmp_path, display, size, language, accessible=accessible)
    try:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        pilot.app.display().staff.open_pin_pad()
        pilot.tap("2")
        gap = ctx.theme.size("gap")
        shown = tree(pilot)
        title = pygame.Rect(next(w["bounds"] for w in shown if w["label"] == ctx.t("Staff PIN")))
        dots = pygame.Rect(next(w["bounds"] for w in shown if w["label"] == "● ○ ○ ○"))
        keys = {w["label"]: pygame.Rect(w["bounds"]) for w in shown if w["role"] == "button"}
        pad = keys["1"].unionall([keys[label] for label in ("3", "0", "⌫")])
        assert title.bottom <= dots.top and abs(title.centerx - dots.centerx) <= 2, \
            f"the title {list(title)} over the dots {list(dots)}"
        assert dots.bottom <= pad.top <= dots.bottom + gap, f"the keys {list(pad)} a gap under the dots {list(dots)}"
        assert pad.left <= dots.centerx <= pad.right, f"the keys {list(pad)} under the dots {list(dots)}"
        # in the pixels: from the title's top to the keys, no band of the box's colour taller than two gaps
        picture = pilot.picture()
        inside = range(pad.left, pad.right, 2)
        band = empty_rows(picture, inside, dots.top, pad.top)
        assert band <= 2 * gap, f"an empty band of {band} px between the dots and the keys (a gap is {gap})"
        # a wrong PIN says so where the dots were, and the keys stay where they are
        for digit in "999":
            pilot.tap(digit)
        after = tree(pilot)
        wrong = [w for w in after if w["label"] == ctx.t("Wrong PIN")]
        assert wrong and pygame.Rect(wrong[0]["bounds"]).colliderect(dots), f"'Wrong PIN' in the dots' place: {wrong}"
        moved = {w["label"]: w["bounds"] for w in after if w["role"] == "button"}
        assert all(moved[label] == list(rect) for label, rect in keys.items()), "the keys did not move"
    finally:
        pilot.close()
