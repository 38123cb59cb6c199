"""What can be tapped but is not chosen is edged in the grey of an option, at 3:1 on the page at least, as the sizes
and filters not chosen are: an unticked "In the comparison" box, a review's star not chosen and the language dialog's
"Cancel" (designer's review, issue 22: they kept the beige divider's edge, 1.3:1 on the light theme's paper, and read
as printed words rather than as something to tap)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.core.language.i18n import Translator
from kiosk.scenes.routes import Routes
from kiosk.ui.contrast import contrast
from kiosk.ui.scene import Scene
from tests.scenes.helpers import EACH_SHAPE, EACH_SHAPE_IDS, bounds, rgb, session

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
