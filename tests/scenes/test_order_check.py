"""The order's last look on a landscape screen (issue 22): what is ordered beside how and where, every
line of it in sight above "Confirm order" (on the 4K window its last line was under the button)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.cart_lines import put_in_cart
from tests.layout_check import layout_problems, reach_problems, widgets_without_ink
from tests.scenes.helpers import session

SHAPES = [("terminal", (1920, 1080)), ("window", (3840, 2160))]
CASES = [(display, size, accessible) for display, size in SHAPES for accessible in (False, True)]


def at_the_order_check(pilot: Pilot) -> None:
    """Two pairs of shoes in the cart, the checkout's address typed, collected in store: its last step."""
    ctx = pilot.app.display().ctx
    for sku in ("RUN-112", "RUN-113"):
        put_in_cart(ctx, sku)
    ctx.show(ctx.routes.checkout())
    pilot.advance(0.1)
    pilot.type("ada@example.org")
    checkout = ctx.screen.stack.top
    checkout.next_step()  # type: ignore[attr-defined]
    checkout._choose(True)  # type: ignore[attr-defined]
    pilot.advance(0.1)


@pytest.mark.parametrize(("display_name", "size", "accessible"), CASES,
                         ids=[f"{d}-{w}x{h}-{'a11y' if a else 'normal'}" for d, (w, h), a in CASES])
@pytest.mark.quick_first(1)  # every shape and mode in CI
def test_the_order_check_shows_every_line_above_its_confirm_button(tmp_path: Path, display_name: str,
                                                                   size: tuple[int, int], accessible: bool) -> None:
    with session(tmp_path, display_name, size, "fr") as pilot:
        display = pilot.app.display()
        display.set_accessible(accessible)
        at_the_order_check(pilot)
        assert pilot.details()["step"] == "review"
        shown = pilot.request("tree")["displays"][display.name]["widgets"]
        confirm = pygame.Rect(next(w["bounds"] for w in shown if w["label"] == "Confirmer la commande"))
        texts = [w for w in shown if w["role"] in ("text", "heading") and w["label"].strip()]
        assert [w["label"] for w in texts if w["clipped"]] == [], "every line of the order in sight, none cut"
        assert [w["label"] for w in texts if pygame.Rect(w["bounds"]).colliderect(confirm)] == []
        said = " ".join(w["label"] for w in texts)
        assert "Paiement" in said and "ada@example.org" in said and "Total" in said
        assert layout_problems(shown, display.screen.theme.size("touch_target")) == []
        picture = pilot.picture()
        assert widgets_without_ink(shown, picture) == []
        if accessible:
            assert reach_problems([w for w in shown if w["label"] in ("Confirmer la commande", "Modifier")],
                                  size, display.shop.config.accessibility.reach) == []


PORTRAITS = [("terminal", (1080, 1920)), ("terminal", (800, 1280)), ("window", (2160, 3840))]


@pytest.mark.parametrize(("display_name", "size", "language"),
                         [(display, size, language) for display, size in PORTRAITS for language in ("fr", "de")],
                         ids=[f"{d}-{w}x{h}-{lang}" for d, (w, h) in PORTRAITS for lang in ("fr", "de")])
@pytest.mark.quick_first(1)  # the portrait terminal in French; the rest in CI
def test_confirm_order_follows_the_order_on_a_portrait_screen(tmp_path: Path, display_name: str,
                                                              size: tuple[int, int], language: str) -> None:
    """Docked at the screen's foot, "Confirm order" stood under a third of the portrait window left empty after
    how the order is paid (designer's review): where the order fits above it, it follows the order."""
    with session(tmp_path, display_name, size, language) as pilot:
        display = pilot.app.display()
        ctx = display.ctx
        t, theme = ctx.t, ctx.theme
        at_the_order_check(pilot)
        shown = pilot.request("tree")["displays"][display.name]["widgets"]
        paid = next(w for w in shown if w["label"] == t("You pay when you collect it, or with a link on your phone "
                                                        "if we show you one."))
        confirm = next(w for w in shown if w["role"] == "button" and w["label"] == t("Confirm order"))
        assert not paid["clipped"] and not confirm["clipped"]
        under = confirm["bounds"][1] - (paid["bounds"][1] + paid["bounds"][3])
        assert 0 <= under <= 2 * theme.size("gap") + theme.size("margin"), \
            f"{under} px between how the order is paid and '{t('Confirm order')}'"
        assert layout_problems(shown, theme.size("touch_target")) == []
        assert widgets_without_ink(shown, pilot.picture()) == []


@pytest.mark.parametrize(("display_name", "size", "language"),
                         [(display, size, language) for display, size in PORTRAITS for language in ("fr", "de")],
                         ids=[f"{d}-{w}x{h}-{lang}" for d, (w, h) in PORTRAITS for lang in ("fr", "de")])
def test_the_order_check_uses_the_portrait_screen(tmp_path: Path, display_name: str, size: tuple[int, int],
                                                  language: str) -> None:
    """Under "Change" 40 % of the portrait window (37 % of the portrait terminal in German) stood empty (designer's
    review): the lines' pictures are larger and the order with its buttons stands in the middle of the room under
    the steps, no band of the screen under the header left empty for more than a sixth of its height."""
    with session(tmp_path, display_name, size, language) as pilot:
        display = pilot.app.display()
        at_the_order_check(pilot)
        shown = pilot.request("tree")["displays"][display.name]["widgets"]
        view = pygame.Rect(next(w["bounds"] for w in shown if w["role"] == "list"))
        picture, ground = pilot.picture(), display.screen.theme.color("background")[:3]
        empty = [all(picture.get_at((x, y))[:3] == ground for x in range(view.left, view.right, 4))
                 for y in range(view.top, view.bottom)]
        bands, run = [], 0
        for blank in empty:
            run = run + 1 if blank else 0
            bands.append(run)
        assert max(bands) < size[1] // 6, f"{max(bands)} px of {size[1]} empty in one band (under the foot: " \
                                          f"{bands[-1]})"
        texts = [w for w in shown if w["role"] in ("text", "heading")]
        assert [w["label"] for w in texts if w["clipped"] or w.get("cut")] == []
