"""A department's name on the terminal's home keeps a gap from its tile's edge, as it does from its picture
(designer's review, issue 22: "Stirnlampen" ended 7 px from its tile's edge on the accessible 1080x1920 terminal,
half a gap, while a wide gap stood between it and its picture)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.models import pick
from tests.scenes.helpers import EACH_SHAPE, EACH_SHAPE_IDS, bounds, inked, session

TERMINALS = [(case, name) for case, name in zip(EACH_SHAPE, EACH_SHAPE_IDS, strict=True) if case[0] == "terminal"]


@pytest.mark.quick_first(2)
@pytest.mark.parametrize("display, size, language, accessible", [case for case, _ in TERMINALS],
                         ids=[name for _, name in TERMINALS])
def test_each_department_name_keeps_a_gap_from_its_tiles_edge(
        tmp_path: Path, display: str, size: tuple[int, int], language: str, accessible: bool) -> None:
    with session(tmp_path, display, size, language, accessible=accessible) as pilot:
        ctx = pilot.app.display().ctx
        ink, gap = ctx.theme.color("text")[:3], ctx.theme.size("gap")
        picture = pilot.picture()
        names = {pick(category.name, ctx.lang) for category in ctx.shop.catalog.categories}
        in_the_tree = {w["label"] for w in pilot.request("tree")["displays"][pilot.display_name]["widgets"]}
        shown = 0
        for name in sorted(names & in_the_tree):  # (those scrolled out of sight leave the tree)
            tile = bounds(pilot, name).clip(picture.get_rect())
            if tile.height < 2 * gap:  # (scrolled almost out of sight)
                continue
            shown += 1
            right = max((x for x in range(tile.centerx, tile.right)
                         for y in range(tile.top, tile.bottom) if inked(picture, x, y, ink)), default=tile.centerx)
            assert tile.right - 1 - right >= gap, \
                f"'{name}' ends {tile.right - 1 - right} px from its tile's edge (a gap is {gap} px)"
        assert shown, "no department's tile in sight"
