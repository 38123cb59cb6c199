"""What stands under the product page's "Compare (1)" (designer's review, issue 22): "Encore 1 produit à choisir"
took two lines on the tablet and at 1920x1080, and stood a gap (about 20 px) from the screen's bottom edge. Now it
reads on one line, with the screen's margin under it, as on the bar's sides, on every shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scenes.helpers import session
from tests.test_layout_matrix import SHAPES


@pytest.mark.parametrize("display, size", SHAPES, ids=[f"{d}-{w}x{h}" for d, (w, h) in SHAPES])
@pytest.mark.parametrize("language", ["fr", "de"])
@pytest.mark.quick_first(3)
def test_the_reason_under_compare_reads_on_one_line_clear_of_the_edge(tmp_path: Path, display: str,
                                                                      size: tuple[int, int], language: str) -> None:
    with session(tmp_path, display, size, language, screen=lambda routes: routes.product("RUN-115")) as pilot:
        ctx = pilot.app.display().ctx
        t, theme = ctx.t, ctx.theme
        pilot.tap(t("In the comparison"))
        pilot.advance(5)  # the confirmation gone
        said = t.plural("Choose {count} more product", "Choose {count} more products", 1)
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        reason = next(w for w in widgets if w["role"] == "text" and w["label"] == said)
        _, top, _, height = reason["bounds"]
        line = ctx.screen.text.line_height(theme.size("small"), False)
        assert height < 2 * line, f"{said!r} on {height // line} lines ({height} px, a line is {line})"
        under = size[1] - (top + height)
        assert under >= theme.size("margin"), \
            f"{said!r} {under} px over the screen's bottom edge (the margin is {theme.size('margin')})"
