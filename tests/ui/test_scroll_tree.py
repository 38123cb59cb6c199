"""What a scroll view lists in the accessibility tree follows the rule of every widget (a labelled group is not
listed, its children are), with the viewport its children get its own: its part over the fold."""

from __future__ import annotations

import pygame

from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Button


def test_a_scroll_view_lists_itself_and_its_children_as_any_widget_does() -> None:
    """Before: the scroll view's own copy of `accessible` listed a labelled view whose role is "group"."""
    view = ScrollView((0, 100, 400, 300), 600, label="Choices")
    view.add(Button((20, 0, 200, 96), "First", None))
    view.add(Button((20, 500, 200, 96), "Far below", None))
    listed = [(widget.label, tuple(rect)) for widget, rect in view.accessible(pygame.Rect(0, 0, 400, 800))]
    assert listed == [("Choices", (0, 100, 400, 300)), ("First", (20, 100, 200, 96))]
    view.role = "group"
    assert [widget.label for widget, _ in view.accessible(pygame.Rect(0, 0, 400, 800))] == ["First"]
