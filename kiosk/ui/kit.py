"""Widgets and their layout boxes made in one call: what a scene writes to declare its screen.

Each maker adds the widget to its parent and returns the box that sizes it, so a scene reads as its
structure (`column(kit.words(...), row(kit.button(...), ...))`) with no coordinates in it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pygame

from kiosk.ui.layout import Box, Size, button, fit, fixed, layout, leaf, square, text
from kiosk.ui.scroll import ScrollView
from kiosk.ui.text import TextCache
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import Button, Label, Panel, Picture, Stars, Widget


class Kit:
    """Makes labels, buttons, pictures and panels with their boxes, for one theme."""

    def __init__(self, theme: Theme, cache: TextCache) -> None:
        self.theme = theme
        self.cache = cache

    def words(self, parent: Widget, said: str, *, size: str = "text", sizes: Sequence[str] = (), max_lines: int = 0,
              width: Size | None = None, reserve: bool = False, **style: Any) -> Box:
        """Text that wraps to its width, steps down through `sizes`, and keeps to `max_lines`; with
        `reserve`, as tall as `max_lines` lines even when shorter (cards of a list stay one height)."""
        style.setdefault("valign", "top")
        label = parent.add(Label((0, 0, 0, 0), said, size=size, wrap=True, **style))
        box = text(label, self.cache, self.theme, sizes=sizes, max_lines=max_lines, width=width)
        if reserve:
            box.height = fit(min=max_lines * self.cache.line_height(self.theme.size(size), label.bold))
        return box

    def button(self, parent: Widget, label: str, action: Callable[[], None] | None, *, width: Size | None = None,
               height: Size | None = None, **style: Any) -> Box:
        """A button as wide as its text (or `width`), at least the touch target."""
        made = parent.add(Button((0, 0, 0, 0), label, action, **style))
        return button(made, self.cache, self.theme, width=width, height=height)

    def picture(self, parent: Widget, path: Path | str, largest: int, label: str = "") -> Box:
        """A square picture, at most `largest` pixels."""
        return square(parent.add(Picture((0, 0, 0, 0), path, label=label)), largest)

    def stars(self, parent: Widget, rating: float, label: str, height: int) -> Box:
        """Five stars for a rating."""
        made = parent.add(Stars((0, 0, 0, 0), rating, label))
        return leaf(made, width=fixed(Stars.width_for(height)), height=fixed(height))

    def panel(self, parent: Widget, color: str = "surface", **style: Any) -> Panel:
        """A box to hold a group (a card, a bar); give it to a container's `widget=`."""
        return parent.add(Panel((0, 0, 0, 0), color, **style))

    def rule(self, parent: Widget) -> Box:
        """A thin divider line across its container."""
        made = parent.add(Panel((0, 0, 0, 0), "divider", radius=False))
        return leaf(made, height=fixed(max(1, self.theme.size("gap") // 10)))

    @staticmethod
    def fill(page: ScrollView, content: Box) -> None:
        """Lay `content` out at its full height in a scroll view (scrolled when taller than the view)."""
        width = page.rect.width
        page.content_height = content.natural(width)[1]
        layout(content, pygame.Rect(0, 0, width, page.content_height))

    @staticmethod
    def at_bottom(content: Box, area: pygame.Rect) -> pygame.Rect:
        """Lay `content` out at its natural height at the bottom of `area`; returns where it went."""
        height = min(area.height, content.natural(area.width)[1])
        placed = pygame.Rect(area.x, area.bottom - height, area.width, height)
        layout(content, placed)
        return placed

    @staticmethod
    def at_top(content: Box, area: pygame.Rect) -> pygame.Rect:
        """Lay `content` out at its natural height at the top of `area`; returns where it went."""
        height = min(area.height, content.natural(area.width)[1])
        placed = pygame.Rect(area.x, area.y, area.width, height)
        layout(content, placed)
        return placed
