"""Every title said once (designer's review of accessible mode, issue 22): on a portrait screen the strip over
the reach zone said "Mitarbeiter-PIN" with its dots, and the PIN pad under it said them again; the language
dialog's title stood in the strip and in the dialog; the accessible tablet's checkout asked "Wie erreichen wir
Sie?" over its answers and again in the header. Then the strip said a dialog's title and the dialog did not, and the
PIN pad's title floated far above its pad, the language dialog's title changed with the shape (in the strip, large,
on a portrait screen; in the box on a landscape one) and the French line of the strip stood bolder than the other
languages' (designer's review). Now a dialog says its title in its box on every shape, over what it asks (the PIN's
title with its dots and keys, one group, and the language dialog's with its question in the other languages), and the
strip says what the screen under the dialog said; the tablet's header names the screen ("Ihre Bestellung"), the
question stands over its answers only."""

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
    bounds = pygame.Rect(next(w["bounds"] for w in widgets if w["label"] == text and w["role"] != "list"))
    picture = pygame.image.load(str(pilot.screenshot(folder / "shown.png")))
    colours = {tuple(picture.get_at((x, y))) for x in range(bounds.left, bounds.right, 3)
               for y in range(bounds.top, bounds.bottom, 3)}
    return len(colours) > 2


def apart(one: pygame.Rect, other: pygame.Rect) -> int:
    """How far apart two boxes on the screen are (0 where they touch or overlap)."""
    return max(0, other.left - one.right, one.left - other.right, other.top - one.bottom, one.top - other.bottom)


def bounds(pilot: Pilot, text: str) -> pygame.Rect:
    """Where the widget of the tree that says `text` stands on the screen."""
    widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    return pygame.Rect(next(w["bounds"] for w in widgets if w["label"] == text and w["role"] != "list"))


@pytest.mark.parametrize("shape, language", CASES, ids=[f"{d}-{w}x{h}-{lang}" for (d, (w, h)), lang in CASES])
def test_a_dialogs_title_is_said_once_in_its_box_in_accessible_mode(
        tmp_path: Path, shape: tuple[str, tuple[int, int]], language: str) -> None:
    display, size = shape
    pilot = started(tmp_path, display, size, language, accessible=True)
    try:
        ctx = pilot.app.display().ctx
        t = ctx.t
        screen = pilot.app.display().screen
        ctx.show(ctx.routes.browse("running"))
        pilot.advance(0.1)
        department = screen.banner_lines
        ctx.show(ctx.routes.language_picker())
        title = t("Choose your language")
        assert said(pilot, title) == 1, "the language dialog's title once"
        assert inked(pilot, tmp_path, title), "drawn in the dialog, on every shape"
        assert apart(bounds(pilot, title), bounds(pilot, "English")) < 3 * ctx.theme.size("touch_target"), \
            "the title over the languages"
        if screen.offset:  # the strip: what the screen under the dialog said (the question in the other languages
            # is the dialog's: tests/scenes/test_language_question_together.py)
            assert screen.banner_lines == department, f"the department in the strip: {screen.banner_lines}"
        pilot.key("back")
        pilot.app.display().staff.open_pin_pad()
        pilot.tap("2")
        assert said(pilot, t("Staff PIN")) == 1, "the PIN pad's title once"
        assert inked(pilot, tmp_path, t("Staff PIN")), "drawn in the pad's box"
        assert said(pilot, DOTS) == 1 and inked(pilot, tmp_path, DOTS), "its dots once, drawn by its keys"
        keys = bounds(pilot, "1").unionall([bounds(pilot, key) for key in ("3", "0")])
        assert apart(bounds(pilot, t("Staff PIN")), keys) < 3 * ctx.theme.size("touch_target"), \
            "the title with its pad, one group"
        assert t("Staff PIN") not in screen.banner_lines, "not said again above"
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
