"""A search's results after Enter in accessible mode (designer's review, issue 22): the matrix did not walk them,
and on a landscape screen their department chips and first row of cards stood above the reach zone, with
nothing above it saying what was searched. Now what was searched, how many products it finds and the first one's
picture stand above the reach zone, the cards within it (one whole, the next starting) and the chips and "Sort and
filter" in the column beside them; on a portrait screen the strip above says the same, not the mode's slogan."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.catalog.database import BrowseFilter
from tests.layout_check import display_reach, layout_problems, reach_problems, result_grid_problems, widgets_without_ink
from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES

# the landscape terminal first: the quick loop's case
ORDER = sorted(SHAPES, key=lambda shape: shape[1][1] > shape[1][0])


@pytest.mark.quick_first(1)  # every shape in CI
@pytest.mark.parametrize("display, size", ORDER, ids=[f"{d}-{w}x{h}" for d, (w, h) in ORDER])
def test_the_results_of_a_search_are_within_reach_and_say_what_was_searched(tmp_path: Path, display: str,
                                                                          size: tuple[int, int]) -> None:
    with session(tmp_path, display, size, "de", accessible=True) as pilot:
        ctx = pilot.app.display().ctx
        ctx.show(ctx.routes.search())
        pilot.type("tent")
        pilot.key("enter")
        assert pilot.scene == "search_results"
        pilot.advance(0.1)
        display_ = pilot.app.display()
        widgets = pilot.request("tree")["displays"][display_.name]["widgets"]
        picture = pilot.picture()
        full = display_.screen.full.get_size()
        count = ctx.shop.catalog.count(None, BrowseFilter(), "tent")
        said = [ctx.t("Results for “{query}”", query="tent"), ctx.t.plural("{count} product", "{count} products",
                                                                           count)]
        top = round(full[1] * (1 - display_reach(display_)))
        above = display_.screen.banner_lines or [w["label"] for w in widgets if w["role"] in ("text", "heading")
                                                 and w["bounds"][1] + w["bounds"][3] <= top]
        assert above[:2] == said, f"above the reach zone: {above}"
        assert reach_problems(widgets, full, display_reach(display_)) == []
        assert result_grid_problems(widgets, count) == []
        assert layout_problems(widgets, display_.screen.theme.size("touch_target")) == []
        assert widgets_without_ink(widgets, picture) == []
        chips = [w for w in widgets if w["role"] == "button" and w["label"].startswith(ctx.t("All ({count})",
                                                                                             count=count))]
        assert chips and not chips[0]["clipped"], "the departments' chips in sight"
