"""Search reads as an action, not as one more department: on the home screens its button leads with a drawn
magnifier, as bold as its words and a space before them, and it is filled in the primary colour, on every shape
(designer's reviews, issue 22: on the shop window the chosen department chip and "Search" beside it were both edged
in the primary colour, and "Alle" looked like an action; a magnifier alone still read as a chip; then, filled on the
landscape window and outlined elsewhere, one action had two styles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ui.widgets import BUTTON_STYLES
from tests.scenes.helpers import (
    EACH_SHAPE,
    EACH_SHAPE_IDS,
    bounds,
    ground,
    inked,
    session,
    stroke,
    tick_and_words,
    words_of,
)

# search in the accessible landscape terminal's reach column: "Produkt suchen" in the title's size and a magnifier
# left 5 px inside its edge (designer's review); its words alone there
WORDS_ALONE = {("terminal", (1920, 1080), True)}


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", EACH_SHAPE, ids=EACH_SHAPE_IDS)
def test_search_leads_with_a_magnifier_apart_from_its_words(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    with session(tmp_path, display, size, language, accessible=accessible) as pilot:
        ctx = pilot.app.display().ctx
        search = bounds(pilot, ctx.t("Search for a product"))
        ink = ctx.theme.color(BUTTON_STYLES["primary"][1])[:3]
        picture = pilot.picture()
        assert ground(picture, words_of(pilot, search)) == ctx.theme.color("primary")[:3], "search is not filled"
        icon, words = tick_and_words(picture, words_of(pilot, search), ink)
        if (display, size, accessible) in WORDS_ALONE:
            inside = min(icon.left - search.left, search.right - (words.right if words.width else icon.right))
            assert inside >= ctx.theme.size("gap") * 3 // 4, f"search's words {inside} px inside its edge"
            return
        inked_rows = [y for y in range(icon.top, icon.bottom)
                      if any(inked(picture, x, y, ink) for x in range(icon.left, icon.right))]
        tall = inked_rows[-1] + 1 - inked_rows[0] if inked_rows else 0
        assert tall and icon.width >= 0.8 * tall, \
            f"search's first mark is {icon.width}x{tall} px: a letter, no magnifier before its words"
        assert words.left - icon.right >= 0.25 * tall, \
            f"search's first mark stands {words.left - icon.right} px from its words: a letter of them"
        assert stroke(picture, icon, ink) >= 0.9 * stroke(picture, words, ink), \
            f"the magnifier's stroke {stroke(picture, icon, ink):.1f} px, the words' {stroke(picture, words, ink):.1f}"
