"""Every title said once (designer's review of accessible mode, issue 22): on a portrait screen the strip over
the reach zone said "Mitarbeiter-PIN" with its dots, and the PIN pad under it said them again; the language
dialog's title stood in the strip and in the dialog; the accessible tablet's checkout asked "Wie erreichen wir
Sie?" over its answers and again in the header. Now the strip says a dialog's title and the dialog does not (the
PIN's dots by its keys only); where there is no strip (landscape) the dialog says it; the tablet's header names
the screen ("Ihre Bestellung"), the question stands over its answers only."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.cart_lines import put_in_cart
from tests.scenes.helpers import started
from tests.test_layout_matrix import SHAPES

CASES = [(shape, language) for shape in SHAPES for language in ("de", "fr")]
DOTS = "● ○ ○ ○"


def said(pilot: Pilot, text: str) -> int:
    """How many times `text` shows: in the strip over the reach zone and as words of the screen's tree (a list's
    name is not shown)."""
    pilot.advance(0.1)
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    strip = pilot.app.display().screen.banner_lines
    return strip.count(text) + sum(w["label"] == text and w["role"] != "list" for w in widgets)


def inked(pilot: Pilot, folder: Path, text: str) -> bool:
    """Whether the widget of the tree that says `text` shows ink on the screen (its words drawn)."""
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    bounds = pygame.Rect(next(w["bounds"] for w in widgets if w["label"] == text))
    picture = pygame.image.load(str(pilot.screenshot(folder / "shown.png")))
    colours = {tuple(picture.get_at((x, y))) for x in range(bounds.left, bounds.right, 3)
               for y in range(bounds.top, bounds.bottom, 3)}
    return len(colours) > 2


@pytest.mark.parametrize("shape, language", CASES, ids=[f"{d}-{w}x{h}-{lang}" for (d, (w, h)), lang in CASES])
def test_a_dialogs_title_is_said_once_in_accessible_mode(tmp_path: Path, shape: tuple[str, tuple[int, int]],
                                                         language: str) -> None:
    display, size = shape
    pilot = started(tmp_path, display, size, language, accessible=True)
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        strip = bool(pilot.app.display().screen.offset)
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        ctx.show(ctx.routes.language_picker())
        assert said(pilot, t("Choose your language")) == 1, "the language dialog's title once"
        if not strip:
            assert inked(pilot, tmp_path, t("Choose your language")), "drawn in the dialog"
        pilot.key("back")
        pilot.app.display().staff.open_pin_pad()
        pilot.tap("2")
        assert said(pilot, t("Staff PIN")) == 1, "the PIN pad's title once"
        assert said(pilot, DOTS) == 1 and inked(pilot, tmp_path, DOTS), "its dots once, drawn by its keys"
        if strip:
            assert pilot.app.display().screen.banner_lines == [t("Staff PIN")], "the strip says what is asked"
    finally:
        pilot.close()


@pytest.mark.parametrize("language", ["de", "fr"])
def test_the_accessible_tablets_checkout_asks_its_question_once(tmp_path: Path, language: str) -> None:
    pilot = started(tmp_path, "terminal", (800, 1280), language, accessible=True)
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        put_in_cart(ctx, "RUN-112")
        ctx.show(ctx.routes.checkout())
        assert t("By email") in pilot.labels() and t("By phone") in pilot.labels(), "the choice on its own"
        assert said(pilot, t("How can we reach you?")) == 1, "the question once"
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        question = next(w for w in widgets if w["label"] == t("How can we reach you?"))
        answer = next(w for w in widgets if w["label"] == t("By email"))
        assert question["bounds"][1] < answer["bounds"][1], "the question over its answers"
        assert t("Your order") in pilot.labels() and inked(pilot, tmp_path, t("Your order")), "the header's name"
    finally:
        pilot.close()
