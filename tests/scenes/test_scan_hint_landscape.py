"""A landscape terminal's home says that a product can be scanned (designer's review, issue 22): at 1920x1080
the scan hint had given way to the ideas and the events' button; it now stands beside the greeting, with the
departments, the ideas and the events still whole under it."""

from __future__ import annotations

from pathlib import Path

from tests.layout_check import layout_problems, widgets_without_ink
from tests.scenes.helpers import session


def test_the_landscape_home_shows_the_scan_hint_with_everything_else(tmp_path: Path) -> None:
    with session(tmp_path, "terminal", (1920, 1080), "fr") as pilot:
        pilot.advance(0.1)
        assert pilot.scene == "home"
        ctx = pilot.app.display().ctx
        t = ctx.t
        widgets = pilot.request("tree")["displays"][pilot.display_name]["widgets"]
        shown = {w["label"]: w for w in widgets if not w.get("clipped")}
        said = [t("Scan a barcode"), t("Hold any product to the scanner to see its details, reviews and stock."),
                t("What are you looking for today?"), t("Workshops, group runs and events"),
                t("Search for a product"), *(c.name["fr"] for c in ctx.shop.catalog.categories)]
        assert [words for words in said if words not in shown] == []
        hint = shown[t("Scan a barcode")]["bounds"]
        assert hint[1] + hint[3] <= shown[t("Search for a product")]["bounds"][1], "the hint above the search"
        assert layout_problems(widgets, ctx.theme.size("touch_target")) == []
        assert widgets_without_ink([shown[words] for words in said], pilot.picture()) == []
