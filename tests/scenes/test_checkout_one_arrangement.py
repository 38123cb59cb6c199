"""The checkout's first step in one arrangement on every shape (designer's review, issue 22): the choice of
email or phone, the field across the form's column, what the address is for, the offers' box, and "Next" under
them. "Next" stood beside the field on the tablet once typed in and at 1920x1080, where the field was so
narrow that its hint showed at half the size of what is typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame
import pytest

from kiosk.testing.pilot import Pilot
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
