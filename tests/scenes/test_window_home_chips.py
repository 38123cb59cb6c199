"""The 4K landscape window's departments in one row, each name on one line where the row has room for it
(designer's review, issue 22): "Sacs / à dos" and "Montres / GPS" took two lines with room to spare at the
row's end."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.models import pick
from tests.layout_check import layout_problems, widgets_without_ink
from tests.scenes.helpers import session


def test_the_window_homes_departments_stay_on_one_line_where_the_row_has_room(tmp_path: Path) -> None:
    with session(tmp_path, "window", (3840, 2160), "fr") as pilot:
        pilot.advance(0.1)
        ctx = pilot.app.display().ctx
        names = [ctx.t("All"), *(pick(c.name, "fr") for c in ctx.shop.catalog.categories)]
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        chips = [w for w in widgets if w["role"] == "button" and w["label"] in names]
        assert [w["label"] for w in chips] == names
        assert len({w["bounds"][1] for w in chips}) == 1, "the departments in one row"
        parted = {w["label"]: w["lines"] for w in chips if "lines" in w}
        assert "Sacs à dos" not in parted and "Montres GPS" not in parted, parted
        # the names on two lines are those the row has no room for: the one-line chips fill it to its end
        assert set(parted) <= {"Chaussures de running", "Lampes frontales"}, parted
        assert layout_problems(widgets, ctx.theme.size("touch_target")) == []
        assert widgets_without_ink(chips, pilot.picture()) == []
