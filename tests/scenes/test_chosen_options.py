"""A chosen option reads as chosen, not as the main button (designer's review, issue 22): in the accessible
checkout "Per E-Mail" (chosen) and "Weiter" were the same solid yellow. Now the option chosen is edged in the
primary colour and ticked, on a light tint of that colour (edged only, it read as a focus ring: designer's review),
a radio button that speech says is chosen; the main
button is the one filled with the accent colour. The same on the collect-or-delivery choice and on an
event's sign-up, on every shape, in both modes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.core.shopper.cart import Cart
from kiosk.testing.pilot import Pilot
from kiosk.ui.contrast import chosen_tint
from kiosk.ui.widgets import Choice, Widget
from tests.cart_lines import put_in_cart
from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES

IDS = [f"{display}-{w}x{h}" for display, (w, h) in SHAPES]


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    return list(pilot.request("tree")["displays"][pilot.display_name]["widgets"])


def one(pilot: Pilot, label: str) -> dict[str, Any]:
    found = [w for w in widgets(pilot) if w["label"] == label]
    assert found, f"{label!r} not shown: {[w['label'] for w in widgets(pilot)]}"
    return found[0]


def fill(picture: pygame.Surface, bounds: list[int]) -> tuple[int, int, int]:
    """The colour most of a control's inside is (its ground, between its edge and its words)."""
    inner = pygame.Rect(bounds).inflate(-bounds[2] // 8, -bounds[3] // 3)
    counts = Counter(picture.get_at((x, y))[:3] for x in range(inner.left, inner.right, 2)
                     for y in range(inner.top, inner.bottom, 2))
    colour = counts.most_common(1)[0][0]
    return colour[0], colour[1], colour[2]


def chosen_widget(pilot: Pilot, label: str) -> Widget:
    screen = pilot.app.display().screen

    def walk(widget: Widget) -> list[Widget]:
        return [widget, *(found for child in widget.children if child.visible for found in walk(child))]

    return next(w for w in walk(screen.stack.top.tree(screen.size)) if isinstance(w, Choice) and w.label == label)


def check_choice(pilot: Pilot, folder: Path, chosen: str, other: str, main: str) -> None:
    """`chosen` and `other` are radio buttons, `chosen` checked, ticked and said so, not filled like `main`."""
    display = pilot.app.display()
    theme = display.screen.theme
    picked, left, button = one(pilot, chosen), one(pilot, other), one(pilot, main)
    assert (picked["role"], picked.get("checked"), left["role"], left.get("checked")) == \
        ("radio", True, "radio", False), f"{picked}, {left}"
    assert button["role"] == "button" and button["enabled"], button
    picture = pilot.picture()
    accent = theme.color("accent")[:3]
    assert fill(picture, button["bounds"]) == accent, "the main button is the one filled in the accent colour"
    tint = chosen_tint(theme)[:3]
    assert fill(picture, picked["bounds"]) == tint != accent and fill(picture, left["bounds"]) != accent, \
        f"the chosen option on a light tint of the primary colour, not the main button's fill: {picked['bounds']}"
    x, y, w, _ = picked["bounds"]
    edge = [picture.get_at((x + w // 2, y + d))[:3] for d in range(1, max(3, theme.px(6)))]
    assert theme.color("primary")[:3] in edge, f"the chosen option edged in the primary colour: {edge}"
    assert chosen_widget(pilot, chosen).shown.startswith("✓"), "and ticked"
    assert display.spoken(chosen_widget(pilot, chosen)) == \
        display.ctx.t("{label}: {state}", label=chosen, state=display.ctx.t("chosen"))


# (the accessible tablet asks email or phone on its own, before the field: nothing chosen shows beside "Next")
CASES = [(shape, language, accessible) for language, accessible in (("fr", False), ("de", True)) for shape in SHAPES
         if not (accessible and shape[1] == (800, 1280))]


@pytest.mark.parametrize("shape, language, accessible", CASES,
                         ids=[f"{'de-a11y' if a else 'fr-normal'}-{d}-{w}x{h}" for (d, (w, h)), _, a in CASES])
def test_the_checkout_s_chosen_options_are_not_filled_like_its_main_button(
        tmp_path: Path, shape: tuple[str, tuple[int, int]], language: str, accessible: bool) -> None:
    display, size = shape
    with session(tmp_path, display, size, language, accessible=accessible,
                 cart=("RUN-112",), screen=lambda routes: routes.checkout()) as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        pilot.type("ada@example.org")
        pilot.advance(0.1)
        check_choice(pilot, tmp_path, t("By email"), t("By phone"), t("Next"))
        pilot.tap(t("By phone"))
        pilot.type("0612345678")
        pilot.advance(0.1)
        check_choice(pilot, tmp_path, t("By phone"), t("By email"), t("Next"))


def test_buy_now_s_collect_or_delivery_is_a_choice_too(tmp_path: Path) -> None:
    with session(tmp_path, "window", (3840, 2160), "de", accessible=True) as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        bought = Cart()
        put_in_cart(ctx, "RUN-112", cart=bought)
        ctx.show(ctx.routes.buy_now(bought))
        pilot.advance(0.1)
        pilot.type("ada@example.org")
        pilot.tap(t("Next"))
        assert pilot.details()["step"] == "review"
        pilot.advance(0.1)
        check_choice(pilot, tmp_path, t("Collect at the store"), t("Delivery"), t("Confirm order"))
