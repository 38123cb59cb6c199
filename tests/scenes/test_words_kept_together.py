"""Words that belong together stay together on a line (designer's review, issue 22): the window's department
read "Sacs à / dos" and its cards "Vélo de route Alto / 900 Carbone", the tablet's comparison "Trail Ascent /
3". A text breaks on as few lines as before, between the words that belong together only where there is no
other way (kiosk/ui/line_breaks.py); the tree says each line as drawn, and the picture shows those lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.testing.pilot import Pilot
from kiosk.ui.widgets import Button, Label
from tests.layout_check import lines_without_ink, parted_words
from tests.scenes.helpers import session
from tests.test_layout_matrix import RUNNING_SHOES, pilot_for


def several_lines(pilot: Pilot) -> tuple[dict[str, list[str]], list[str]]:
    """Each text and button of several lines on the screen now, and what is wrong with their lines (in the tree
    and in the picture)."""
    pilot.advance(0.1)
    display = pilot.app.display()
    screen = display.screen
    widgets = pilot.request("tree")["displays"][display.name]["widgets"]
    drawn = {w.label: w for w in screen.stack.top.tree(screen.size).walk() if isinstance(w, Label | Button)}

    def measure(node: dict[str, Any], line: str) -> int | None:
        widget = drawn.get(node["label"])
        if widget is None:
            return None
        bold = widget.bold if isinstance(widget, Label) else True
        return screen.text.width(line, screen.theme.size(widget.size_name), bold)

    picture = pilot.picture()
    theme = screen.theme
    outline = (max(2, theme.px(3)) + 2, theme.size("radius") + 2)
    problems = parted_words(widgets) + lines_without_ink(widgets, picture, measure, outline)
    problems += [f"{w['label']!r} shows {w['lines']}" for w in widgets
                 if "lines" in w and " ".join(w["lines"]) != w["label"]]
    return {w["label"]: w["lines"] for w in widgets if "lines" in w}, problems


def test_the_window_keeps_a_department_and_a_product_name_together(tmp_path: Path) -> None:
    with session(tmp_path, "window", (3840, 2160), "fr") as pilot:
        shown, problems = several_lines(pilot)
        # (every department on one line: "Chaussures / de running" took two, the row having no room at the text's
        # size; it says them a size under now)
        assert "Chaussures de running" not in shown, shown
        assert shown.get("Vélo de route Alto 900 Carbone") == ["Vélo de route", "Alto 900 Carbone"], shown
        assert problems == []


def test_the_tablet_comparison_keeps_a_number_with_its_name(tmp_path: Path) -> None:
    pilot = pilot_for(tmp_path, "terminal", (800, 1280), "fr")
    try:
        pilot.tap(x=400, y=420)
        ctx = pilot.app.display().ctx
        for sku in RUNNING_SHOES:
            ctx.session.add_to_compare(sku)
        ctx.show(ctx.routes.compare())
        shown, problems = several_lines(pilot)
        assert shown.get("Trail Ascent 3") == ["Trail", "Ascent 3"], shown
        assert problems == []
    finally:
        pilot.close()
