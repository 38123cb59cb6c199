"""A countdown the shopper sees from afar: a bar that empties as the seconds run out."""

from __future__ import annotations

import pygame

from kiosk.ui.widgets import Painter, Widget


class CountdownBar(Widget):
    """A rounded track in `track` and, over it, what is left of the time in `fill`, from the left."""

    role = "progressbar"

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], left: float, *, label: str = "",
                 fill: str = "accent", track: str = "divider") -> None:
        super().__init__(rect, label=label)
        self.left = min(1.0, max(0.0, left))
        self.fill = fill
        self.track = track

    def set_left(self, left: float, label: str) -> None:
        """What is left of the time (0 to 1), and how it is said; redrawn when it changed."""
        left = min(1.0, max(0.0, left))
        if left != self.left or label != self.label:
            self.left, self.label = left, label
            self.invalidate()

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """The track, then the part of it still left."""
        radius = rect.height // 2
        pygame.draw.rect(painter.surface, painter.theme.color(self.track), rect, border_radius=radius)
        width = round(rect.width * self.left)
        if width > 0:
            pygame.draw.rect(painter.surface, painter.theme.color(self.fill),
                             pygame.Rect(rect.x, rect.y, max(width, rect.height), rect.height), border_radius=radius)
