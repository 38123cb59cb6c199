"""What can be tapped but is not chosen is edged in the grey of an option, at 3:1 on the page at least, as the sizes
and filters not chosen are: an unticked "In the comparison" box, a review's star not chosen and the language dialog's
"Cancel", a product's pictures not shown, the comparison's "Differences only" switch while off (designer's review,
issue 22: they kept the beige divider's edge, 1.3:1 on the light theme's paper, and read as printed words or pictures
rather than as something to tap); and a disabled button no stronger than them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.core.language.i18n import Translator
from kiosk.scenes.routes import Routes
from kiosk.ui.contrast import contrast
from kiosk.ui.scene import Scene
from tests.scenes.helpers import EACH_SHAPE, EACH_SHAPE_IDS, bounds, comparing, rgb, session

# what is edged: its words, the screen it is on, the words that name it in the tree
QUIET: list[tuple[str, Callable[[Routes], Scene], Callable[[Translator], str]]] = [
    ("the unticked 'In the comparison' box", lambda routes: routes.product("RUN-115"),
     lambda t: t("In the comparison")),
    ("the review's fifth star, not chosen", lambda routes: routes.review("RUN-115"),
     lambda t: t("{count} stars", count=5)),
    ("the language dialog's 'Cancel'", lambda routes: routes.language_picker(), lambda t: t("Cancel")),
]


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("what, screen, label", QUIET, ids=["compare-box", "review-star", "language-cancel"])
@pytest.mark.parametrize("display, size, language, accessible", EACH_SHAPE, ids=EACH_SHAPE_IDS)
def test_what_is_not_chosen_is_edged_as_an_option(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool, what: str,
        screen: Callable[[Routes], Scene], label: Callable[[Translator], str]) -> None:
    with session(tmp_path, display, size, language, accessible=accessible, screen=screen) as pilot:
        rect = bounds(pilot, label(pilot.app.display().ctx.t))
        picture = pilot.picture()
        edged = contrast(rgb(picture, rect.left + 1, rect.centery), rgb(picture, rect.left - 3, rect.centery))
        assert edged >= 3.0, f"{what} is edged at {edged:.1f}:1 on what is around it"


# (accessible mode on a portrait screen shows the product's pictures one at a time, without thumbnails)
WITH_THUMBNAILS = [case for case in EACH_SHAPE if not (case[3] and case[1][0] < case[1][1])]


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", WITH_THUMBNAILS,
                         ids=[name for case, name in zip(EACH_SHAPE, EACH_SHAPE_IDS, strict=True)
                              if case in WITH_THUMBNAILS])
def test_a_picture_not_shown_is_edged_as_an_option_and_the_shown_one_thick(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    with session(tmp_path, display, size, language, accessible=accessible,
                 screen=lambda routes: routes.product("RUN-115")) as pilot:
        ctx = pilot.app.display().ctx
        first, second = (ctx.t("Picture {number} of {count}: {name}", number=number, count="§", name="§")
                         .split("§")[0] for number in (1, 2))
        shown = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        picture = pilot.picture()
        other = bounds(pilot, next(w["label"] for w in shown if w["label"].startswith(second)))
        edged = contrast(rgb(picture, other.left + 1, other.centery), rgb(picture, other.left - 3, other.centery))
        assert edged >= 3.0, f"the second picture's thumbnail, not shown, is edged at {edged:.1f}:1"
        chosen = bounds(pilot, next(w["label"] for w in shown if w["label"].startswith(first)))
        primary = ctx.theme.color("primary")[:3]
        thick = sum(rgb(picture, chosen.left + dx, chosen.centery) == primary for dx in range(chosen.width // 4))
        assert thick >= ctx.theme.px(6), f"the shown picture's thumbnail is edged {thick} px thick"


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", EACH_SHAPE, ids=EACH_SHAPE_IDS)
def test_the_switch_off_is_edged_as_an_option(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    with session(tmp_path, display, size, language, accessible=accessible) as pilot:
        comparing(pilot, ("RUN-115", "RUN-112"))
        theme = pilot.app.display().ctx.theme
        chip = bounds(pilot, pilot.app.display().ctx.t("Differences only"))
        picture = pilot.picture()
        surface = rgb(picture, chip.left + theme.px(3) + 2, chip.centery)  # (inside the chip's own edge)
        x = chip.left + theme.px(3) + 2
        while rgb(picture, x, chip.centery) == surface and x < chip.centerx:
            x += 1
        edged = contrast(rgb(picture, x, chip.centery), surface)
        assert edged >= 3.0, f"the switch's track, off, stands at {edged:.1f}:1 on its chip"


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", EACH_SHAPE, ids=EACH_SHAPE_IDS)
def test_a_disabled_button_is_edged_no_stronger_than_an_option(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    """The review form's "Next", disabled until there are words, is made out (3:1) but is no stronger than the
    stars that can be tapped beside it (its edge was darker than theirs: designer's review)."""
    with session(tmp_path, display, size, language, accessible=accessible,
                 screen=lambda routes: routes.review("RUN-115")) as pilot:
        t = pilot.app.display().ctx.t
        picture = pilot.picture()

        def edge(label: str) -> float:
            rect = bounds(pilot, label)
            return contrast(rgb(picture, rect.left + 1, rect.centery), rgb(picture, rect.left - 3, rect.centery))

        star, disabled = edge(t("{count} stars", count=5)), edge(t("Next"))
        assert 3.0 <= disabled <= star + 0.05, f"'Next', disabled, is edged at {disabled:.1f}:1; a star at {star:.1f}:1"
