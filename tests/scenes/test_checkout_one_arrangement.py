"""The checkout's first step in one arrangement on every shape (designer's review, issue 22): the choice of
email or phone, the field across the form's column, what the address is for, the offers' box, and "Next" under
them. "Next" stood beside the field on the tablet once typed in and at 1920x1080, where the field was so
narrow that its hint showed at half the size of what is typed; on the 4K window beside the field, the offers' box
under it, or beside the offers' box, the keyboard's bottom row on the screen's edge (designer's review): field, what
it is for, the offers' box and "Next", in that order, on every shape and language, the keys a margin over the edge."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.layout_check import widgets_without_ink
from tests.scenes.helpers import session


def arrangement_problems(pilot: Pilot) -> list[str]:
    """What stands out of the one arrangement: the field, the offers' box and "Next" one under the other,
    as wide as each other."""
    t = pilot.app.display().ctx.t
    widgets: list[dict[str, Any]] = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
    field = next(w for w in widgets if w["role"] == "textbox")["bounds"]
    offers = next(w for w in widgets if w["role"] == "checkbox" and w["label"] == t("Send me the store's offers too"))
    after = next(w for w in widgets if w["role"] == "button" and w["label"] == t("Next"))["bounds"]
    problems = []
    if not field[1] + field[3] <= offers["bounds"][1] <= after[1]:
        problems.append(f"'{t('Next')}' at {after} not under the field {field} and the offers {offers['bounds']}")
    if (after[0], after[2]) != (field[0], field[2]) or (offers["bounds"][0], offers["bounds"][2]) != (field[0],
                                                                                                       field[2]):
        problems.append(f"the field {field}, the offers {offers['bounds']} and '{t('Next')}' {after} not one width")
    return problems


@pytest.mark.parametrize("size", [(1920, 1080), (800, 1280)], ids=["landscape", "tablet"])
@pytest.mark.quick_first(1)  # the landscape terminal; the tablet in CI
def test_the_checkouts_first_step_has_one_arrangement(tmp_path: Path, size: tuple[int, int]) -> None:
    with session(tmp_path, "terminal", size, "fr") as pilot:
        ctx = pilot.app.display().ctx
        t, theme = ctx.t, ctx.theme
        ctx.show(ctx.routes.product("RUN-115"))
        pilot.advance(0.1)
        pilot.tap(ctx.screen.stack.top.variants[0].label(ctx.lang))  # type: ignore[attr-defined]
        pilot.tap(t("Add to cart"))
        ctx.show(ctx.routes.checkout())
        pilot.advance(0.1)
        assert arrangement_problems(pilot) == []
        # the hint in the size of what is typed: as tall in ink as its words drawn in the title's size
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        field = pygame.Rect(next(w for w in widgets if w["role"] == "textbox")["bounds"])
        hint = t("your.name@example.com")
        muted = theme.color("muted")
        area = pilot.picture().subsurface(field.inflate(-2 * theme.px(12), -2 * theme.px(12)))
        inked = pygame.mask.from_threshold(area, muted[:3], (40, 40, 40, 255)).get_bounding_rects()
        drawn = ctx.screen.text.render(hint, theme.size("title"), muted).get_bounding_rect()
        assert inked and abs(max(r.bottom for r in inked) - min(r.top for r in inked) - drawn.height) <= 3, \
            f"the hint '{hint}' smaller than what is typed"
        pilot.type("ada@example.org")
        assert arrangement_problems(pilot) == []


def place(widgets: list[dict[str, Any]], role: str, label: str = "") -> pygame.Rect:
    """Where the first widget of `role` (and `label`) stands, whole in sight."""
    found = [w for w in widgets if w["role"] == role and (not label or w["label"] == label)]
    assert found and not found[0]["clipped"], f"{label or role} whole in sight"
    return pygame.Rect(found[0]["bounds"])


SHAPES = [("terminal", (1920, 1080)), ("window", (3840, 2160)), ("terminal", (1080, 1920)),
          ("terminal", (800, 1280)), ("window", (2160, 3840))]


@pytest.mark.parametrize("display, size, language",
                         [(display, size, language) for display, size in SHAPES for language in ("fr", "de")],
                         ids=[f"{display}-{size[0]}x{size[1]}-{language}" for display, size in SHAPES
                              for language in ("fr", "de")])
@pytest.mark.quick_first(2)  # the 4K window in French; the rest in CI
def test_field_note_offers_and_next_in_that_order_on_every_shape(tmp_path: Path, display: str,
                                                                 size: tuple[int, int], language: str) -> None:
    with session(tmp_path, display, size, language, cart=("RUN-115", "RUN-112"),
                 screen=lambda routes: routes.checkout()) as pilot:
        ctx = pilot.app.display().ctx
        t, theme = ctx.t, ctx.theme
        for typed in ("", "ada@example.org"):
            pilot.type(typed)
            pilot.advance(0.1)
            widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
            steps = [("field", place(widgets, "textbox")),
                     ("note", place(widgets, "text", t("Only to tell you about this order."))),
                     ("offers", place(widgets, "checkbox", t("Send me the store's offers too"))),
                     ("next", place(widgets, "button", t("Next")))]
            out = [f"{upper} {a} over {lower} {b}" for (upper, a), (lower, b) in pairwise(steps)
                   if not a.bottom <= b.top or b.x >= a.right or a.x >= b.right]
            assert out == [], f"not one under the other in order ({typed!r} typed): {out}"
            keys = [pygame.Rect(w["bounds"]) for w in widgets if w["role"] == "button" and w["label"] in
                    ("@", "ß", "é", t("Enter"), t("Next")) and w["bounds"][1] > steps[-1][1].top]
            if display == "window" and size[0] > size[1] and keys:  # the landscape window: the keys a margin
                # over the screen's edge (a terminal's stand near it, within reach, as a portrait one's)
                assert size[1] - max(key.bottom for key in keys) >= theme.size("margin"), \
                    "the keyboard's bottom row on the screen's edge"
            assert widgets_without_ink(widgets, pilot.picture()) == []
