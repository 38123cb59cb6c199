"""Accessible mode has one highlight colour: the main action ("Add to cart") is filled with the yellow of the
chosen size's edge and of the header, not a cyan of its own (designer's review, issue 22); the header's cart, on that
yellow bar, still stands out from it. (The chosen size is edged in it, not filled: tests/scenes/
test_chosen_size_unmistakable.py.)"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pygame

from kiosk.testing.pilot import Pilot
from tests.test_layout_matrix import pilot_for


def fill(shown: pygame.Surface, bounds: list[int]) -> tuple[int, int, int]:
    """The colour most of a button's left part is painted in (its fill: its words are in the middle)."""
    x, y, w, h = bounds
    seen = Counter(tuple(shown.get_at((x + w // 12 + dx, y + h // 4 + dy)))[:3] for dx in range(0, 8, 2)
                   for dy in range(0, h // 2, 4))
    return seen.most_common(1)[0][0]  # type: ignore[return-value]


def test_the_accessible_main_action_is_in_the_mode_s_one_highlight_colour(tmp_path: Path) -> None:
    pilot: Pilot = pilot_for(tmp_path, "terminal", (1920, 1080), "fr")
    try:
        pilot.tap(x=960, y=360)
        pilot.app.display().set_accessible(True)
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.advance(0.1)
        pilot.tap("39")
        pilot.tap(ctx.t("Add to cart"))
        pilot.advance(4)  # the confirmation over
        widgets = {w["label"]: w["bounds"] for w in pilot.request("tree")["displays"]["terminal"]["widgets"]}
        shown = pilot.picture()
        x, y, _, h = widgets["39"]
        main, chosen = fill(shown, widgets[ctx.t("Add to cart")]), tuple(shown.get_at((x + 2, y + h // 2)))[:3]
        assert main == chosen, f"'Add to cart' in {main}, the chosen size's edge in {chosen}"
        cart = widgets[ctx.t("Cart ({count})", count=1)]
        bar = tuple(shown.get_at((cart[0] - 4, cart[1] + cart[3] // 2)))[:3]
        assert fill(shown, cart) != bar, "the header's cart stands out from its bar"
    finally:
        pilot.close()
