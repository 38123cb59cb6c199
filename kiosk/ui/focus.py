"""Keypad navigation: a focus that moves over every actionable widget of the scene in reading order.

A small keypad or keyboard (arrows, select, back) reaches every control: "next" goes to the next
widget to the right or below, scrolling a list on when the focus reaches its last visible row;
"previous" goes back; "select" taps the focused widget. The focus is kept by label and position, so
it survives the scene being built again.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from kiosk.ui.scroll import ScrollView
from kiosk.ui.widgets import Widget

ROW_TOLERANCE = 12  # px: widgets whose tops differ by less are on one line of reading order


@dataclass(frozen=True)
class Target:
    """An actionable widget and where it is on screen (clipped by its scroll views)."""

    widget: Widget
    rect: pygame.Rect

    @property
    def order(self) -> tuple[int, int]:
        """Reading order: top to bottom, then left to right."""
        return (self.rect.top // ROW_TOLERANCE, self.rect.left)


def targets(root: Widget, size: tuple[int, int]) -> list[Target]:
    """Every visible, enabled widget a tap acts on, in reading order."""
    found = [Target(widget, rect) for widget, rect in root.accessible(pygame.Rect((0, 0), size))
             if widget.tappable and rect.width > 0 and rect.height > 0 and widget.parent is not None]
    return sorted(found, key=lambda target: target.order)


def _scroll_view_of(widget: Widget) -> ScrollView | None:
    node = widget.parent
    while node is not None:
        if isinstance(node, ScrollView):
            return node
        node = node.parent
    return None


class Focus:
    """Which widget the keypad is on, for one screen."""

    def __init__(self) -> None:
        self.widget: Widget | None = None
        self._label = ""
        self._place: tuple[int, int] = (0, 0)

    @property
    def rect(self) -> pygame.Rect | None:
        """Where the focused widget is on screen (None without a focus)."""
        return self.widget.visible_rect() if self.widget is not None else None

    def clear(self) -> None:
        """No focus (a touch, or a new scene)."""
        self.widget = None

    def current(self, root: Widget, size: tuple[int, int]) -> Widget | None:
        """The focused widget in the tree shown now: after the scene was built again, the new widget
        with the old one's label and place."""
        if self.widget is None:
            return None
        found = targets(root, size)
        index = self._current(found)
        self.widget = found[index].widget if index >= 0 else None
        return self.widget

    def _current(self, found: list[Target]) -> int:
        """The index of the focused widget among the targets (-1: none); after a rebuild, by its label."""
        for index, target in enumerate(found):
            if target.widget is self.widget:
                return index
        for index, target in enumerate(found):
            if self.widget is not None and target.widget.label == self._label and target.order >= self._place:
                return index
        return -1

    def _set(self, target: Target) -> Widget:
        self.widget = target.widget
        self._label = target.widget.label
        view = _scroll_view_of(target.widget)
        if view is not None:  # bring it wholly into view
            full, shown = target.widget.screen_rect(), view.visible_rect()
            if full.bottom > shown.bottom:
                view.scroll_to(view.scroll + full.bottom - shown.bottom + 8)
            elif full.top < shown.top:
                view.scroll_to(view.scroll - (shown.top - full.top) - 8)
        self._place = (target.widget.visible_rect().top // ROW_TOLERANCE, target.widget.visible_rect().left)
        return target.widget

    def move(self, root: Widget, size: tuple[int, int], step: int) -> Widget | None:
        """To the next (+1) or previous (-1) widget; past the last visible row of a list, the list scrolls
        on; past the end, back to the start."""
        found = targets(root, size)
        if not found:
            self.widget = None
            return None
        index = self._current(found)
        if index < 0:
            return self._set(found[0] if step > 0 else found[-1])
        nxt = index + step
        view = _scroll_view_of(found[index].widget)
        leaving = not 0 <= nxt < len(found) or _scroll_view_of(found[nxt].widget) is not view
        if view is not None and leaving:
            moved = self._scroll_on(view, root, size, found[index], step)
            if moved is not None:
                return moved
        return self._set(found[nxt % len(found)])

    def _scroll_on(self, view: ScrollView, root: Widget, size: tuple[int, int], current: Target,
                   step: int) -> Widget | None:
        """The focus is at the edge of a list that goes on: scroll it and take the next widget in it."""
        before = view.scroll
        view.scroll_to(view.scroll + step * view.rect.height * 0.5)
        if view.scroll == before:
            return None
        place = current.widget.screen_rect()  # where it went with the scroll (perhaps out of view)
        inside = [t for t in targets(root, size)
                  if _scroll_view_of(t.widget) is view and t.widget is not current.widget]

        def after(target: Target) -> bool:
            rect = target.widget.screen_rect()
            return (rect.top, rect.left) > (place.top, place.left)

        if step > 0:
            ahead = [t for t in inside if after(t)]
            return self._set(ahead[0]) if ahead else None
        behind = [t for t in inside if not after(t)]
        return self._set(behind[-1]) if behind else None
