"""A line of its own that says more follows, in the look of a scroll view's cue (`kiosk.ui.scroll.paint_cue`)."""

from __future__ import annotations

import pygame

from kiosk.ui.layout import Box, text
from kiosk.ui.scroll import cue_width, paint_cue
from kiosk.ui.text import TextCache
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import Label, Painter


class MoreCue(Label):
    """A line of its own that says what more follows below (`up`: above), beside a sheet's title where its view
    has no room under it for the cue: in the look of a scroll view's cue (`paint_cue`), at the right of its
    box; its words say what is out of sight ("Further down: Brand")."""

    def __init__(self, words: str, *, up: bool = False) -> None:
        super().__init__((0, 0, 0, 0), words, size="small", bold=True, align="right", max_lines=1)
        self.up = up

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """The chevron and the words, at the right of `rect`, the words cut with "…" where they do not fit."""
        theme, cache = painter.theme, painter.text
        size = theme.size(self.size_name)
        chevron = cue_width(theme, cache, "x") - cache.width("x", size, True)
        words = cache.ellipsize(self.text, size, max(0, rect.width - chevron), bold=True)
        width = min(rect.width, cue_width(theme, cache, words))
        line = cache.line_height(size, True)
        paint_cue(painter, pygame.Rect(rect.right - width, rect.centery - line // 2, width, line), words, self.up)


def more_cue(widget: MoreCue, cache: TextCache, theme: Theme) -> Box:
    """`widget`'s box, as wide as its chevron and words (less where the room is narrower)."""
    box = text(widget, cache, theme, max_lines=1)
    plain = box.measure or (lambda available: (0, 0))
    extra = cue_width(theme, cache, "x") - cache.width("x", theme.size(widget.size_name), True)

    def measure(available: int) -> tuple[int, int]:
        width, height = plain(max(0, available - extra))
        return min(available, width + extra), height

    box.measure = measure
    return box

