"""A confirmation on the product page ("Added to your cart", "Added to the comparison") has a place of its own
that is kept for it (the header's title steps aside for it): the page does not move when it shows, so the
sizes, the name and the price stay where the shopper saw them and nothing slips under the action bar
(designer's review, issue 22: at 1920x1080 accessible, on the 800x1280 tablet and at 3840x2160 the sizes
went under the bar)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES

CASES = [(display, size, accessible) for display, size in SHAPES for accessible in (False, True)]


def page_widgets(pilot: Pilot) -> dict[tuple[str, str], tuple[list[int], bool]]:
    """The screen's texts and buttons by role and label: where each starts and how tall it is (a left-aligned
    title given less width beside a cart button that came does not move), and whether its scroll view cuts it."""
    widgets: list[dict[str, Any]] = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return {(w["role"], w["label"]): ([w["bounds"][0], w["bounds"][1], w["bounds"][3]], w["clipped"])
            for w in widgets if w["role"] in ("text", "button", "radio", "heading") and w["label"]}


@pytest.mark.parametrize("display, size, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{'a11y' if a else 'normal'}" for d, (w, h), a in CASES])
@pytest.mark.quick_first(1)  # every shape and mode in CI
def test_a_confirmation_moves_nothing_on_the_product_page(tmp_path: Path, display: str, size: tuple[int, int],
                                                          accessible: bool) -> None:
    with session(tmp_path, display, size, "de" if accessible else "fr", accessible=accessible,
                 screen=lambda routes: routes.product("RUN-115")) as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        pilot.tap(ctx.screen.stack.top.variants[0].label(ctx.lang))  # type: ignore[attr-defined]
        before = page_widgets(pilot)
        sizes = [v.label(ctx.lang) for v in ctx.screen.stack.top.variants]  # type: ignore[attr-defined]
        assert all(not before[("radio", label)][1] for label in sizes), "every size in the first view"
        for tap, said in ((t("Add to cart"), t("Added to your cart")),
                          (t("In the comparison"), t("{name} added to the comparison", name="Racer Carbon Pro"))):
            pilot.tap(tap)
            pilot.advance(0.1)
            assert pilot.details()["toast"] == said
            after = page_widgets(pilot)
            moved = [f"{label!r}: {before[key][0]} -> {after[key][0]}" for key in before if key in after
                     for label in [key[1]] if after[key] != before[key]]
            status = next(w["bounds"] for w in pilot.request("tree")["displays"][pilot.display_name]["widgets"]
                          if w["role"] == "status")
            gone = [key[1] for key in before if key not in after and key[1] != tap and
                    key[1] != t("Compare ({count})", count=len(ctx.session.compare) - 1) and  # counts one more
                    not pygame.Rect(status).collidepoint(before[key][0][:2])]  # the header's title, which steps aside
            # for the status (in its place: a portrait header's title line)
            assert not moved and not gone, f"after {said!r} the page moved: {moved}, gone: {gone}"
