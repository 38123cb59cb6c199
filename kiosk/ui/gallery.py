"""A product's pictures one at a time: swiped or tapped through, zoomed by a pinch or a double tap.

The picture shown is asked of the image cache at the size it shows (zoomed: that size times the zoom),
so every picture is decoded and scaled once, off the loop. Where the shopper is (which picture, how far
zoomed, where) lives in a `GalleryState` that the scene keeps, so a page built again (a colour chosen, a
review sorted) shows the same picture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from kiosk.ui.widgets import Painter, Point, Widget

ZOOM_STEP = 2.5  # a double tap's zoom
MAX_ZOOM = 4.0


@dataclass
class GalleryState:
    """Which picture shows, and how it is zoomed: `zoom` 1 is the whole picture; `focus` is the point of the
    picture (fractions of its width and height) at the middle of the frame."""

    paths: tuple[str, ...]
    index: int = 0
    zoom: float = 1.0
    focus: tuple[float, float] = (0.5, 0.5)

    def show(self, paths: tuple[str, ...]) -> None:
        """Other pictures (another colour chosen): from the first one, not zoomed."""
        if paths != self.paths:
            self.paths, self.index = paths, 0
            self.unzoom()

    def go(self, step: int) -> bool:
        """The next (+1) or previous (-1) picture; False at either end (nothing to go to)."""
        index = self.index + step
        if not 0 <= index < len(self.paths):
            return False
        self.index = index
        self.unzoom()
        return True

    def pick(self, index: int) -> None:
        """Show picture `index` (a thumbnail tapped)."""
        if 0 <= index < len(self.paths):
            self.index = index
            self.unzoom()

    def unzoom(self) -> None:
        """The whole picture again."""
        self.zoom, self.focus = 1.0, (0.5, 0.5)

    def zoom_by(self, factor: float, at: tuple[float, float]) -> None:
        """Zoom by `factor` keeping the point `at` (fractions of the frame) where it is."""
        old = self.zoom
        self.zoom = min(MAX_ZOOM, max(1.0, old * factor))
        if self.zoom == 1.0:
            self.focus = (0.5, 0.5)
            return
        # the picture's point under `at` before the zoom stays under it after
        fx, fy = self.focus
        px = fx + (at[0] - 0.5) / old
        py = fy + (at[1] - 0.5) / old
        self.pan(((px - (at[0] - 0.5) / self.zoom) - fx, (py - (at[1] - 0.5) / self.zoom) - fy))

    def pan(self, by: tuple[float, float]) -> None:
        """Move the zoomed picture's middle by `by` (fractions of the picture), never past its edges."""
        half = 0.5 / self.zoom
        self.focus = (min(1 - half, max(half, self.focus[0] + by[0])), min(1 - half, max(half, self.focus[1] + by[1])))

    @property
    def path(self) -> str:
        """The picture shown ("" when there is none)."""
        return self.paths[self.index] if self.paths else ""


class Gallery(Widget):
    """The picture of a `GalleryState`, fitted in its box, zoomed and panned as the state says. It takes
    sideways swipes (the next picture), a double tap (zoom in at that point, or out) and a pinch; dragged
    while zoomed, it pans. `changed` is called when the picture shown changes (thumbnails follow)."""

    role = "image"

    def __init__(self, state: GalleryState, label: str, changed: Callable[[], None]) -> None:
        super().__init__((0, 0, 0, 0), label=label, on_tap=lambda: None)  # a single tap does nothing: a double zooms
        self.state = state
        self.changed = changed

    def prepare(self, painter: Painter) -> None:
        """Ask for the picture now, at the size it shows."""
        if self.state.path:
            painter.images.get(self.state.path, self._picture_size(), self)

    def _picture_size(self) -> tuple[int, int]:
        zoom = self.state.zoom
        return round(self.rect.width * zoom), round(self.rect.height * zoom)

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """The picture (its zoomed part), a soft placeholder while it is made."""
        if not self.state.path:
            return
        image = painter.images.get(self.state.path, self._picture_size(), self)
        if image is None and self.state.zoom > 1.0:  # the zoomed picture is being made: the whole one meanwhile
            image = painter.images.get(self.state.path, rect.size, self)
            if image is not None:
                painter.surface.blit(image, image.get_rect(center=rect.center))
                return
        if image is None:
            if painter.images.busy:
                pygame.draw.rect(painter.surface, painter.theme.color("surface_alt"), rect,
                                 border_radius=painter.theme.size("radius"))
            return
        if self.state.zoom == 1.0:
            painter.surface.blit(image, image.get_rect(center=rect.center))
            return
        fx, fy = self.state.focus
        area = pygame.Rect(0, 0, rect.width, rect.height)
        area.center = (round(fx * image.get_width()), round(fy * image.get_height()))
        shown = area.clip(image.get_rect())
        clip = painter.surface.get_clip()
        painter.surface.set_clip(rect.clip(clip))
        painter.surface.blit(image, (rect.x + shown.x - area.x, rect.y + shown.y - area.y), shown)
        painter.surface.set_clip(clip)

    # --- gestures (the screen calls these) -----------------------------------------------------
    def swiped(self, direction: str) -> bool:
        """A sideways swipe: the next or previous picture (not while zoomed: then a drag pans)."""
        if self.state.zoom > 1.0 or direction not in ("left", "right"):
            return False
        if self.state.go(1 if direction == "left" else -1):
            self.changed()
        return True

    @property
    def takes_drag(self) -> bool:
        """Whether a drag pans this picture (zoomed) rather than scrolling the page."""
        return self.state.zoom > 1.0

    def dragged(self, delta: tuple[int, int]) -> None:
        """The finger moved the zoomed picture by `delta` pixels."""
        width, height = self._picture_size()
        self.state.pan((-delta[0] / max(1, width), -delta[1] / max(1, height)))
        self.invalidate()

    def double_tapped(self, pos: Point) -> None:
        """Zoom in at the point tapped (`pos` on the screen), or back out to the whole picture."""
        if self.state.zoom > 1.0:
            self.state.unzoom()
        else:
            rect = self.screen_rect()
            self.state.zoom_by(ZOOM_STEP, ((pos[0] - rect.x) / max(1, rect.width),
                                           (pos[1] - rect.y) / max(1, rect.height)))
        self.invalidate()

    def pinched(self, factor: float, pos: Point) -> None:
        """Two fingers spread (factor > 1) or closed on the picture at `pos`."""
        rect = self.screen_rect()
        self.state.zoom_by(factor, ((pos[0] - rect.x) / max(1, rect.width), (pos[1] - rect.y) / max(1, rect.height)))
        self.invalidate()
