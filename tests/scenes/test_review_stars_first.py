"""The review screen asks for the stars, then words (designer's review, issue 22: it said "stars, then words"
but opened on the text field with the keyboard up, the stars squeezed under it): on every shape and in both
modes the stars come first, whole and within reach, with no keyboard; the keyboard comes up once the shopper
goes to the text field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from kiosk.testing.pilot import Pilot
from tests.layout_check import layout_problems, reach_problems
from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES

CASES = [(display, size, accessible) for display, size in SHAPES for accessible in (False, True)]
IDS = [f"{display}-{w}x{h}-{'a11y' if accessible else 'normal'}" for display, (w, h), accessible in CASES]


@pytest.fixture(params=CASES, ids=IDS)
def reviewing(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Pilot]:
    """A German session on the review screen of a pair of shoes, on one shape, in one mode."""
    display, size, accessible = request.param
    with session(tmp_path, display, size, "de", accessible=accessible,
                 screen=lambda routes: routes.review("RUN-115")) as pilot:
        assert pilot.scene == "review"
        yield pilot


def widgets(pilot: Pilot) -> list[dict[str, object]]:
    """The accessibility tree of the screen in front."""
    return list(pilot.request("tree")["displays"][pilot.display_name]["widgets"])


def test_the_stars_come_first_and_the_keyboard_once_the_shopper_goes_to_the_field(reviewing: Pilot) -> None:
    pilot = reviewing
    ctx = pilot.app.display().ctx
    t = ctx.t
    shown = widgets(pilot)
    star_labels = [t("1 star"), *(t("{count} stars", count=count) for count in range(2, 6))]
    stars = [w for w in shown if w["label"] in star_labels and not w.get("clipped")]
    assert len(stars) == 5, f"the five stars whole in the first view: {[w['label'] for w in stars]}"
    assert not [w for w in shown if w["role"] == "keyboard"], "no keyboard before the shopper goes to the field"
    field = next(w for w in shown if w["role"] == "textbox")
    assert all(pygame.Rect(w["bounds"]).bottom <= pygame.Rect(field["bounds"]).top or  # type: ignore[arg-type]
               pygame.Rect(w["bounds"]).right <= pygame.Rect(field["bounds"]).left  # type: ignore[arg-type]
               for w in stars), "the stars before the field (over it, or beside it on its left)"
    theme = pilot.app.display().screen.theme
    assert layout_problems(shown, theme.size("touch_target")) == []  # type: ignore[arg-type]
    if ctx.session.accessible:
        assert reach_problems(shown, pilot.app.display().screen.full.get_size(),  # type: ignore[arg-type]
                              ctx.shop.config.accessibility.reach) == []
    pilot.tap(t("{count} stars", count=4))
    assert pilot.details()["stars"] == 4 and not pilot.details()["keyboard"]
    field = next(w for w in widgets(pilot) if w["role"] == "textbox")
    x, y, w, h = field["bounds"]  # type: ignore[misc]
    pilot.tap(x=x + w // 2, y=y + h // 2)
    assert pilot.details()["keyboard"], "a tap on the field brings the keyboard"
    assert [w for w in widgets(pilot) if w["role"] == "keyboard"]
    pilot.type("Sehr bequem und leicht")
    pilot.tap(t("Next"))
    assert pilot.details()["step"] == "author"
