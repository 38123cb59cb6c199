"""A product's pictures one at a time: swiped or tapped through, zoomed by a pinch or a double tap.

The picture shown is asked of the image cache at the size it shows, so it is decoded and scaled once,
off the loop. Zoomed, the cache holds the picture at its own size (at most the size it shows at the
largest zoom) and only the part in the frame is scaled, at the frame's size, again when it moves: a
picture zoomed 4x in the 4K window's 569 px frame was 20.7 MB scaled whole; the frame's part is 1.3 MB,
the 1200 px picture it is scaled from 5.8 MB.
Where the shopper is (which picture, how far zoomed, where) lives in a `GalleryState` that the scene
keeps, so a page built again (a colour chosen, a review sorted) shows the same picture.
"""

from __future__ import annotations

import math
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
        self._zoomed: tuple[tuple[object, ...], pygame.Surface, Point] | None = None  # the part shown, scaled

    @property
    def zoomed_bytes(self) -> int:
        """Pixels of the zoomed part kept (for the memory checks): at most about the frame's."""
        if self._zoomed is None:
            return 0
        part = self._zoomed[1]
        return part.get_width() * part.get_height() * part.get_bytesize()

    def prepare(self, painter: Painter) -> None:
        """Ask for the picture now, at the size it shows."""
        if self.state.path:
            if self.state.zoom > 1.0:
                painter.images.source(self.state.path, self._largest(), self)
            else:
                painter.images.get(self.state.path, self.rect.size, self)

    def _largest(self) -> tuple[int, int]:
        """The most the picture is ever shown at (the largest zoom): its source is never kept larger."""
        return round(self.rect.width * MAX_ZOOM), round(self.rect.height * MAX_ZOOM)

    def _picture_size(self) -> tuple[int, int]:
        zoom = self.state.zoom
        return round(self.rect.width * zoom), round(self.rect.height * zoom)

    def paint(self, painter: Painter, rect: pygame.Rect) -> None:
        """The picture (its zoomed part), a soft placeholder while it is made."""
        if not self.state.path:
            return
        if self.state.zoom > 1.0:
            source = painter.images.source(self.state.path, self._largest(), self)
            if source is not None:
                self._paint_zoomed(painter, rect, source)
                return
            self._zoomed = None
        else:
            self._zoomed = None
        image = painter.images.get(self.state.path, rect.size, self)  # (zoomed: the whole one while it is made)
        if image is None:
            if painter.images.busy:
                pygame.draw.rect(painter.surface, painter.theme.color("surface_alt"), rect,
                                 border_radius=painter.theme.size("radius"))
            return
        painter.surface.blit(image, image.get_rect(center=rect.center))

    def _paint_zoomed(self, painter: Painter, rect: pygame.Rect, source: pygame.Surface) -> None:
        """The part of the zoomed picture in the frame: the source's pixels under it, scaled to the frame.

        In the picture as it would be scaled whole (`width` x `height`), the frame is `area`; the source's
        whole pixels that cover it are scaled by the same factor, and drawn where they would fall."""
        sw, sh = source.get_size()
        fit = min(rect.width * self.state.zoom / sw, rect.height * self.state.zoom / sh)
        width, height = round(sw * fit), round(sh * fit)
        fx, fy = self.state.focus
        area = pygame.Rect(0, 0, rect.width, rect.height)
        area.center = (round(fx * width), round(fy * height))
        shown = area.clip(pygame.Rect(0, 0, width, height))
        if shown.width <= 0 or shown.height <= 0:
            return
        x0, y0 = max(0, math.floor(shown.x / fit)), max(0, math.floor(shown.y / fit))
        x1, y1 = min(sw, math.ceil(shown.right / fit)), min(sh, math.ceil(shown.bottom / fit))
        key = (self.state.path, source.get_size(), x0, y0, x1, y1, width, height)
        if self._zoomed is None or self._zoomed[0] != key:
            size = (max(1, round((x1 - x0) * fit)), max(1, round((y1 - y0) * fit)))
            self._zoomed = None  # the previous part let go before the next is made
            part = pygame.transform.smoothscale(source.subsurface((x0, y0, x1 - x0, y1 - y0)), size)
            self._zoomed = (key, part, (round(x0 * fit), round(y0 * fit)))
        _, part, (px, py) = self._zoomed
        clip = painter.surface.get_clip()
        painter.surface.set_clip(rect.clip(clip))
        painter.surface.blit(part, (rect.x + px - area.x, rect.y + py - area.y))
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
