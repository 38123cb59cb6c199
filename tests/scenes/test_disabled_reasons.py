"""A greyed button says why before anyone taps it (designer's review, issue 22): "Send" with the consent
unticked (the reason beside the box), "Compare (1)" with one product chosen, a form's "Next" with its field empty
show the reason under them, in the shopper's language; a tap still says it too, and the reason goes once it is
met."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.cart_lines import put_in_cart
from tests.scenes.helpers import started
from tests.test_layout_matrix import SHAPES


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    """The screen's widgets, as the tree lists them."""
    return list(pilot.request("tree")["displays"][pilot.display_name]["widgets"])


def said_under(pilot: Pilot, button: str, reason: str) -> bool:
    """Whether the text `reason` shows under the disabled button `button`, across its width."""
    tree = widgets(pilot)
    found = [w for w in tree if w["role"] == "button" and w["label"] == button and not w["enabled"]]
    texts = [w for w in tree if w["role"] == "text" and w["label"] == reason]
    if not found or not texts:
        return False
    bx, by, bw, bh = found[0]["bounds"]
    tx, ty, tw, _ = texts[0]["bounds"]
    return ty >= by + bh and ty - (by + bh) < bh and tx >= bx - 1 and tx + tw <= bx + bw + 1


def start(tmp_path: Path, language: str, size: tuple[int, int] = (1080, 1920), display: str = "terminal") -> Pilot:
    pilot = started(tmp_path, display, size, language, mail=True)
    return pilot


@pytest.mark.parametrize("language, tick", [("fr", "Cochez d'abord la case obligatoire"),
                                            ("de", "Kreuzen Sie zuerst das Pflichtfeld an"),
                                            ("es", "Marque primero la casilla obligatoria"),
                                            ("it", "Seleziona prima la casella obbligatoria"),
                                            ("en", "Tick the required box first")])
@pytest.mark.quick_first(1)  # every language in CI
def test_send_says_what_is_missing_before_it_is_tapped(tmp_path: Path, language: str, tick: str) -> None:
    pilot = start(tmp_path, language)
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.tap(t("Send it to me by email"))
        send = t("Send")

        def said(reason: str) -> bool:  # beside the field or the box it asks for (tests/scenes/test_reasons_read.py)
            return any(w["role"] == "text" and w["label"] == reason for w in widgets(pilot))

        assert said(t("Type your email address")), "the address first"
        pilot.type("ada@example.org")
        assert said(tick), f"{tick!r} shown: {widgets(pilot)}"
        x, y, w, h = next(w["bounds"] for w in widgets(pilot) if w["label"] == send)
        pilot.tap(x=x + w // 2, y=y + h // 2)  # a tap on the greyed button still says it
        assert any(w["role"] == "status" and w["label"] == tick for w in widgets(pilot))
        pilot.tap(t("I agree to receive this email (required)"))
        assert not any(w["role"] == "text" and w["label"] == tick for w in widgets(pilot)), "gone once it is met"
        assert [w["enabled"] for w in widgets(pilot) if w["label"] == send] == [True]
    finally:
        pilot.close()


@pytest.mark.parametrize("size, language", [((1080, 1920), "fr"), ((3840, 2160), "de")])
@pytest.mark.quick_first(1)  # the 4K window in German in CI
def test_compare_with_one_product_says_how_many_more_to_choose(tmp_path: Path, size: tuple[int, int],
                                                              language: str) -> None:
    pilot = start(tmp_path, language, size, "window" if size[0] > 3000 else "terminal")
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.session.add_to_compare("RUN-112")
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        more = t.plural("Choose {count} more product", "Choose {count} more products", 1)
        assert more == {"fr": "Encore 1 produit à choisir", "de": "Noch 1 Produkt wählen"}[language]
        assert said_under(pilot, t("Compare ({count})", count=1), more), widgets(pilot)
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.advance(0.1)
        assert said_under(pilot, t("Compare ({count})", count=1), more), "on the product page too"
    finally:
        pilot.close()


def test_the_checkout_and_the_review_say_what_their_next_step_needs(tmp_path: Path) -> None:
    pilot = start(tmp_path, "de")
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        assert said_under(pilot, t("Next"), "Geben Sie Ihre E-Mail-Adresse ein")
        pilot.tap(t("By phone"))
        assert said_under(pilot, t("Next"), "Geben Sie Ihre Telefonnummer ein")
        ctx.show(ctx.routes.review("RUN-115"))
        assert said_under(pilot, t("Next"), "Wählen Sie zuerst die Sterne")
        pilot.tap(t("{count} stars", count=4))
        assert said_under(pilot, t("Next"), "Mindestens 10 Zeichen")
    finally:
        pilot.close()


@pytest.mark.parametrize("shape", SHAPES, ids=[f"{d}-{w}x{h}" for d, (w, h) in SHAPES])
@pytest.mark.parametrize("language, accessible", [("de", True), ("fr", False)], ids=["de-a11y", "fr-normal"])
def test_a_greyed_send_says_why_in_every_form(tmp_path: Path, shape: tuple[str, tuple[int, int]], language: str,
                                              accessible: bool) -> None:
    """"Senden" greyed with no reason in the compact email form (designer's review): the reason stands under
    "Send", or beside the box it asks for, in every form the room chooses."""
    display, size = shape
    pilot = start(tmp_path, language, size, display)
    try:
        if accessible:
            pilot.app.display().set_accessible(True)
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.share(["RUN-115"]))
        pilot.advance(0.1)
        pilot.tap(t("Send it to me by email"))
        pilot.type("ada@example.org")
        pilot.advance(0.1)
        tree = widgets(pilot)
        send = next(w for w in tree if w["role"] == "button" and w["label"] == t("Send"))
        assert not send["enabled"]
        target = pilot.app.display().screen.theme.size("touch_target")
        near = [pygame.Rect(send["bounds"]), *(pygame.Rect(w["bounds"]) for w in tree
                                               if w["label"] == t("I agree to receive this email (required)"))]
        reasons = [pygame.Rect(w["bounds"]) for w in tree
                   if w["role"] == "text" and w["label"] == t("Tick the required box first")]
        assert any(0 <= reason.top - control.bottom <= target // 2 and reason.left < control.right and
                   control.left < reason.right for reason in reasons for control in near), \
            f"'Send' greyed without its reason under it or under the box: {send}, {reasons}"
    finally:
        pilot.close()
