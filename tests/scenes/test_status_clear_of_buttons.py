"""A confirmation in a portrait header keeps clear of the buttons under it (designer's review, issue 22): on
the tablet and the portrait window, "Ajouté à votre panier" showed in a pill as tall as the title's line, whose
foot touched the "Panier (1)" button right under it."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from tests.scenes.helpers import session

CASES = [("terminal", (800, 1280)), ("window", (2160, 3840))]


@pytest.mark.parametrize("display, size", CASES, ids=["tablet", "portrait-window"])
@pytest.mark.quick_first(1)  # the tablet; the portrait window in CI
def test_the_headers_confirmation_keeps_clear_of_the_cart_button(tmp_path: Path, display: str,
                                                                   size: tuple[int, int]) -> None:
    with session(tmp_path, display, size, "fr") as pilot:
        ctx = pilot.app.display().ctx
        t, theme = ctx.t, ctx.theme
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.advance(0.1)
        pilot.tap(ctx.screen.stack.top.variants[0].label(ctx.lang))  # type: ignore[attr-defined]
        pilot.tap(t("Add to cart"))
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        status = next(w for w in widgets if w["role"] == "status" and w["label"] == t("Added to your cart"))
        cart = next(w for w in widgets if w["role"] == "button" and w["label"] == t("Cart ({count})", count=1))
        picture = pilot.picture()
        pill = pygame.Color(theme.color("toast"))
        x, top, width, _ = cart["bounds"]
        assert status["bounds"][1] < top, "the confirmation over the buttons' row"
        # for each column over the cart button where the pill shows: the rows between the pill's foot and the button
        clear = []
        for column in range(x, x + width):
            inked = [y for y in range(status["bounds"][1], top) if pygame.Color(picture.get_at((column, y))) == pill]
            if inked:
                clear.append(top - max(inked) - 1)
        assert clear, "the pill shows over the cart button"
        assert min(clear) >= 2, f"the confirmation's pill {min(clear)} px from 'Panier (1)' under it"
