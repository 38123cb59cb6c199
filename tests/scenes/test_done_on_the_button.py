"""The tapped button says what it did: "Add to cart" shows "✓ Ajouté" in its own place and size for a moment
(the header's confirmation, 1,500 px away on a portrait terminal, stays for speech), then its own words
again, on every shape and in both modes (designer's review, issue 22); the comparison's tick is not filled as the
cart's "✓ Ajouté" (designer's review of session 33), and its confirmation is the tick itself, in the ticked look it
keeps (edged in the success colour for that moment, it was white in one screenshot and yellow in the next, green and
teal in normal mode: designer's reviews of session 37)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.contrast import chosen_tint
from kiosk.ui.done_mark import DONE_SECONDS
from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES

CASES = [(display, size, accessible) for display, size in SHAPES for accessible in (False, True)]


def widgets(pilot: Pilot) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return found


def at(pilot: Pilot, bounds: list[int], same_height: bool = True) -> dict[str, Any]:
    """The button (or tick) at exactly these bounds (or where they start, as wide: a new label on more lines)."""
    return next(w for w in widgets(pilot) if w["role"] in ("button", "checkbox") and
                w["bounds"][:4 if same_height else 3] == bounds[:4 if same_height else 3])


def pixels(pilot: Pilot, folder: Path, bounds: list[int], name: str) -> pygame.Surface:
    """The button's pixels as the screen shows them."""
    picture = pilot.picture()
    return picture.subsurface(pygame.Rect(bounds)).copy()


def share_of(surface: pygame.Surface, color: tuple[int, ...]) -> float:
    """How much of `surface` is `color`."""
    return float(pygame.mask.from_threshold(surface, color[:3], (8, 8, 8, 255)).count()) / (
        surface.get_width() * surface.get_height())


@pytest.mark.parametrize("display, size, accessible", CASES,
                         ids=[f"{d}-{w}x{h}-{'a11y' if a else 'normal'}" for d, (w, h), a in CASES])
@pytest.mark.quick_first(2)  # both modes on the portrait terminal; every shape in CI
def test_the_tapped_button_says_what_it_did_then_its_own_words_again(
        tmp_path: Path, display: str, size: tuple[int, int], accessible: bool) -> None:
    with session(tmp_path, display, size, "de" if accessible else "fr", accessible=accessible) as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        success = ctx.theme.color("best")
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.advance(0.1)
        pilot.tap(ctx.screen.stack.top.variants[0].label(ctx.lang))  # type: ignore[attr-defined]
        pilot.advance(0.1)
        cart = next(w for w in widgets(pilot) if w["label"] == t("Add to cart"))
        before = pixels(pilot, tmp_path, cart["bounds"], "before")
        assert share_of(before, success) < 0.05, "the button is not in the success colour before the tap"

        pilot.tap(t("Add to cart"))
        pilot.advance(0.1)
        shown = at(pilot, cart["bounds"])  # in the same place and size: nothing moved
        assert shown["label"] == t("Add to cart") and shown.get("done") == "✓ " + t("Added")
        assert pilot.details()["toast"] == t("Added to your cart"), "the header's confirmation stays, for speech"
        assert share_of(pixels(pilot, tmp_path, cart["bounds"], "added"), success) > 0.5, \
            "the button shows its confirmation in the success colour"

        pilot.advance(DONE_SECONDS + 0.2)  # the injected clock
        assert "done" not in at(pilot, cart["bounds"])
        after = pixels(pilot, tmp_path, cart["bounds"], "after")
        assert pygame.image.tobytes(after, "RGB") == pygame.image.tobytes(before, "RGB"), \
            "the button is drawn as before the tap"

        compare = next(w for w in widgets(pilot) if w["label"] == t("In the comparison"))
        pilot.tap(t("In the comparison"))
        pilot.advance(0.1)
        # the comparison's tick, ticked with the same words, says what was done
        shown = at(pilot, compare["bounds"], same_height=False)
        assert shown["label"] == t("In the comparison") and shown["checked"] and shown.get("done") == \
            t("In the comparison")
        # not the cart's look (not filled), and the ticked look it keeps: one look for one state
        said = pixels(pilot, tmp_path, shown["bounds"], "compared")
        assert share_of(said, chosen_tint(ctx.theme)) > 0.4, "the comparison's confirmation is not filled"
        pilot.advance(DONE_SECONDS + 0.2)
        assert "done" not in at(pilot, shown["bounds"], same_height=False)
        kept = pixels(pilot, tmp_path, shown["bounds"], "compared later")
        assert pygame.image.tobytes(said, "RGB") == pygame.image.tobytes(kept, "RGB"), \
            "the ticked box looks the same as it says it was done and after"


def test_a_cards_compare_tick_says_added_then_compare_again(tmp_path: Path) -> None:
    with session(tmp_path, "terminal", (1080, 1920), "de") as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        ctx.show(ctx.routes.search())
        pilot.type("Racer")
        pilot.advance(0.5)
        tick = next(w for w in widgets(pilot) if w["label"] == t("Compare {name}", name="Racer Carbon Pro"))
        pilot.tap(tick["label"])
        pilot.advance(0.1)
        shown = at(pilot, tick["bounds"])
        assert shown["checked"] and shown.get("done") == t("In the comparison")
        pilot.advance(DONE_SECONDS + 0.2)
        assert "done" not in at(pilot, tick["bounds"])
