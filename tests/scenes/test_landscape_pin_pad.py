"""Staff's PIN pad on a landscape screen in accessible mode is a phone's pad: three keys a row, four rows, every
key within reach and of touch size, and its title on one line (designer's review, issue 22: six keys a row, and
"Code du personnel" wrapped)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.layout_check import layout_problems, reach_problems
from tests.scenes.helpers import session


@pytest.mark.parametrize("display, size, language", [("terminal", (1920, 1080), "fr"), ("terminal", (1920, 1080), "de"),
                                                     ("window", (3840, 2160), "fr")])
def test_the_landscape_pin_pad_is_a_phone_s_pad_within_reach(tmp_path: Path, display: str, size: tuple[int, int],
                                                              language: str) -> None:
    with session(tmp_path, display, size, language, accessible=True) as pilot:
        pilot.app.display().staff.open_pin_pad()
        assert pilot.scene == "pin_pad"
        ctx = pilot.app.display().ctx
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        keys = {w["label"]: w["bounds"] for w in widgets if w["role"] == "button"}
        rows = [[keys[label][1] for label in line] for line in (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"),
                                                                (ctx.t("Cancel"), "0", "⌫"))]
        assert all(len(set(line)) == 1 for line in rows) and len({line[0] for line in rows}) == 4, \
            f"three keys a row, four rows: {rows}"
        assert keys["1"][0] < keys["2"][0] < keys["3"][0] and keys["2"][0] == keys["5"][0] == keys["0"][0]
        assert reach_problems(widgets, size, ctx.shop.config.accessibility.reach) == []
        assert layout_problems(widgets, ctx.theme.size("touch_target")) == []
        title = next(w for w in widgets if w["label"] == ctx.t("Staff PIN"))
        line = ctx.screen.text.line_height(ctx.theme.size("title"), True)
        assert title["bounds"][3] < 2 * line, f"the title on one line: {title['bounds']}"
