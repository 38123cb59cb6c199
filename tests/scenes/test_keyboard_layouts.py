"""The on-screen keyboard keeps each language's rows at every size (issue 22): AZERTY, QWERTZ and QWERTY
with the language's letters, on the five shapes, normal and accessible, in the tree and in the pixels;
an email field has @ and . on its first page; the form above the keys stays whole in every language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from kiosk.ui.keyboard import SMALLEST_KEY
from tests.cart_lines import put_in_cart
from tests.layout_check import keyboard_problems, widgets_without_ink
from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES

# Each language's rows of letters as its shoppers' own keyboards have them, left to right.
LETTER_ROWS = {
    "fr": ("azertyuiopè", "qsdfghjklmù", "wxcvbnéç"),
    "de": ("qwertzuiopü", "asdfghjklöä", "yxcvbnm"),
    "en": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
    "es": ("qwertyuiopáé", "asdfghjklñíó", "zxcvbnmú"),
    "it": ("qwertyuiopèé", "asdfghjklòàù", "zxcvbnmì"),
}


def keyboard_rows(widgets: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The keys of the keyboard on screen, row by row (top down), each row left to right."""
    boards = [pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "keyboard"]
    assert len(boards) == 1, "one keyboard on screen"
    keys = [w for w in widgets if w["role"] == "button" and boards[0].contains(pygame.Rect(w["bounds"]))]
    rows: dict[int, list[dict[str, Any]]] = {}
    for key in keys:
        rows.setdefault(key["bounds"][1], []).append(key)
    return [sorted(rows[y], key=lambda key: key["bounds"][0]) for y in sorted(rows)]


def letters_problems(widgets: list[dict[str, Any]], language: str, target: int) -> list[str]:
    """Each row of the language's letters whole on one row of keys, in its order; keys not under the
    smallest a key may be."""
    rows = ["".join(key["label"] for key in row if len(key["label"]) == 1) for row in keyboard_rows(widgets)]
    problems = [f"the row {letters!r} is not one row of keys: {rows}" for letters in LETTER_ROWS[language]
                if not any(letters in row for row in rows)]
    least = round(target * SMALLEST_KEY)
    problems += [f"key {key['label']!r} is {key['bounds'][2]}x{key['bounds'][3]}, under {least} px"
                 for row in keyboard_rows(widgets) for key in row if min(key["bounds"][2:]) < least]
    return problems


def typing_screens(pilot: Pilot) -> dict[str, list[dict[str, Any]]]:
    """The review's text keyboard and the checkout's email keyboard as the tree shows them, each checked
    for ink in the picture on screen."""
    ctx = pilot.app.display().ctx
    seen = {}
    for name, route in (("review", lambda: ctx.routes.review("RUN-115")), ("checkout", ctx.routes.checkout)):
        ctx.show(route())
        pilot.advance(0.1)
        if name == "review":  # the stars come first: the keyboard once the shopper goes to the field
            field = next(w for w in pilot.request("tree")["displays"][pilot.display_name]["widgets"]
                         if w["role"] == "textbox")
            pilot.tap(x=field["bounds"][0] + field["bounds"][2] // 2, y=field["bounds"][1] + field["bounds"][3] // 2)
        elif not [w for w in pilot.request("tree")["displays"][pilot.display_name]["widgets"]
                  if w["role"] == "keyboard"]:  # the accessible tablet asks email or phone first, without keys
            pilot.tap(ctx.t("By email"))
        display = pilot.app.display()
        widgets = pilot.request("tree")["displays"][display.name]["widgets"]
        ink = widgets_without_ink([w for w in widgets if w["role"] == "button"], display.screen.full.copy())
        assert not ink, f"{name}: {ink}"
        seen[name] = widgets
        ctx.back()
        pilot.advance(0.1)
    return seen


# the 4K windows in the slow tier (their pictures take seconds); the terminal's three shapes in the quick one
SHAPE_PARAMS = [pytest.param(display, size, id=f"{display}-{size[0]}x{size[1]}",
                             marks=[pytest.mark.slow] if display == "window" else []) for display, size in SHAPES]


@pytest.mark.parametrize("display, size", SHAPE_PARAMS)
@pytest.mark.parametrize("accessible", [False, True], ids=["normal", "a11y"])
@pytest.mark.quick_first(1)  # every shape and mode in CI
def test_each_language_keeps_its_rows_of_letters_at_every_size(tmp_path: Path, display: str,
                                                                size: tuple[int, int], accessible: bool) -> None:
    with session(tmp_path, display, size, "fr") as pilot:
        shown = pilot.app.display()
        if accessible:
            shown.set_accessible(True)
        put_in_cart(shown.ctx, "RUN-112")
        problems = []
        for language in LETTER_ROWS:
            shown.ctx.set_language(language)
            target = shown.screen.theme.size("touch_target")
            for name, widgets in typing_screens(pilot).items():
                problems += [f"{language} {name}: {p}" for p in
                             letters_problems(widgets, language, target) + keyboard_problems(widgets)]
                if name == "checkout":  # an email address: @ and . on the first page, beside the letters
                    labels = {key["label"] for row in keyboard_rows(widgets) for key in row}
                    problems += [f"{language} checkout: no {sign!r} key" for sign in ("@", ".") if sign not in labels]
        assert problems == []
