"""One look for chosen across the product, in both modes: the chosen language, the chosen filter or sort, the ticked
"In the comparison" stand on a light tint of the primary colour as the chosen size does (tests/scenes/
test_chosen_size_tinted.py), the filters not chosen edged in a grey that reads as a choice, and the ticks before
words (the chosen language's, the button's "✓ Added") drawn as bold as the words (designer's review, issue 22: the
chosen language was filled yellow with the font's thin tick in accessible mode, the chosen filter filled, the ticked
comparison on the page's ground, "✓ Added" with the font's tick)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.scenes.base import LANGUAGE_NAMES
from tests.scenes.helpers import (
    EACH_SHAPE,
    EACH_SHAPE_IDS,
    assert_bold_tick,
    assert_chosen_look,
    bounds,
    session,
    words_of,
)


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", EACH_SHAPE, ids=EACH_SHAPE_IDS)
def test_the_chosen_language_looks_like_the_chosen_size(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    with session(tmp_path, display, size, language, accessible=accessible,
                 screen=lambda routes: routes.browse("running")) as pilot:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.language_picker())
        chosen = bounds(pilot, LANGUAGE_NAMES[language])
        other = bounds(pilot, LANGUAGE_NAMES["en"])
        picture = pilot.picture()
        assert_chosen_look(picture, ctx.theme, chosen, other, "the session's language")
        assert_bold_tick(picture, words_of(pilot, chosen), ctx.theme.color("text")[:3], "the session's language")


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", EACH_SHAPE, ids=EACH_SHAPE_IDS)
def test_the_chosen_sort_is_tinted_as_the_chosen_size_and_the_others_edged_as_choices(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    with session(tmp_path, display, size, language, accessible=accessible,
                 screen=lambda routes: routes.browse("running")) as pilot:
        ctx = pilot.app.display().ctx
        pilot.tap(ctx.t("Sort and filter"))
        chosen, other = bounds(pilot, ctx.t("Most popular")), bounds(pilot, ctx.t("Price: low to high"))
        assert_chosen_look(pilot.picture(), ctx.theme, chosen, other, "the chosen order")


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", EACH_SHAPE, ids=EACH_SHAPE_IDS)
def test_the_ticked_comparison_is_tinted_and_added_is_ticked_boldly(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    with session(tmp_path, display, size, language, accessible=accessible,
                 screen=lambda routes: routes.product("RUN-115")) as pilot:
        ctx = pilot.app.display().ctx
        t = ctx.t
        pilot.tap(t("In the comparison"))
        pilot.advance(2.5)  # (after its "done" moment: the look it keeps)
        ticked = bounds(pilot, t("In the comparison"))
        assert_chosen_look(pilot.picture(), ctx.theme, ticked, None, "the ticked 'In the comparison'")
        pilot.tap("40")
        pilot.tap(t("Add to cart"))
        added = bounds(pilot, t("Add to cart"))
        assert_bold_tick(pilot.picture(), words_of(pilot, added), ctx.theme.color("on_primary")[:3], "'✓ Added'")
