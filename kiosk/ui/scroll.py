"""A scroll view with kinetic scrolling: drag to move, let go to glide, touch to stop."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

import pygame

from kiosk.ui.widgets import Painter, Point, Root, Widget

# Velocity decays like exp(-t / TIME_CONSTANT): the glide phones use (about 0.33 s).
TIME_CONSTANT = 0.33
MIN_SPEED = 15.0  # px/s at which gliding stops


class ScrollView(Widget):
    """Shows part of a taller content; children are laid out in content coordinates."""

    role = "list"
    clips = True

    def __init__(self, rect: pygame.Rect | tuple[int, int, int, int], content_height: int, *,
                 label: str = "", color: str = "") -> None:
        super().__init__(rect, label=label)
        self.content_height = content_height
        self.scroll = 0.0
        self.velocity = 0.0
        self.color = color
        self._row_builder: Callable[[int], list[Widget]] | None = None
        self._row_count = 0
        self._row_pitch = 1
        self._built_rows: set[int] = set()
        self.on_drag: Callable[[], None] | None = None  # told when a finger starts moving the content

    def set_rows(self, count: int, pitch: int, build: Callable[[int], list[Widget]], top: int = 0) -> None:
        """Content made of `count` rows, `pitch` pixels apart from `top`; a row's widgets are built by
        `build(index)` only when the row comes near the viewport (long lists cost what is shown)."""
        self._row_builder, self._row_count, self._row_pitch = build, count, max(1, pitch)
        self._rows_top = top
        self._built_rows = set()
        self.content_height = top + count * pitch

    def dispose(self) -> None:
        """Also forget how to build rows (the builder belongs to the scene)."""
        self._row_builder = None
        self.on_drag = None
        super().dispose()

    def _materialize(self, painter: Painter | None = None) -> None:
        """Build the rows in view; with a painter, also build (and warm) one row ahead per frame."""
        if self._row_builder is None:
            return
        first = max(0, int((self.scroll - self._rows_top) // self._row_pitch))
        last = min(self._row_count - 1, int((self.scroll + self.rect.height - self._rows_top) // self._row_pitch))
        for index in range(first, last + 1):
            self._build_row(index, painter)
        if painter is None:
            return
        ahead = max(1, self.rect.height // self._row_pitch)
        below = range(last + 1, min(self._row_count, last + 1 + ahead))
        above = range(first - 1, first - 1 - ahead, -1)
        for index in (*below, *above):
            if 0 <= index < self._row_count and index not in self._built_rows:
                self._build_row(index, painter)
                break

    def _build_row(self, index: int, painter: Painter | None) -> None:
        if index in self._built_rows or self._row_builder is None:
            return
        self._built_rows.add(index)
        for widget in self._row_builder(index):
            self.add(widget)
            if painter is not None:
                widget.prepare(painter)

    def hit(self, pos: Point, origin: Point = (0, 0)) -> Widget | None:
        """The tappable widget at `pos`, building the rows in view first."""
        self._materialize()
        return super().hit(pos, origin)

    def accessible(self, viewport: pygame.Rect, origin: Point = (0, 0)) -> Iterator[tuple[Widget, pygame.Rect]]:
        """The visible widgets, building the rows in view first."""
        self._materialize()
        yield from super().accessible(viewport, origin)

    @property
    def max_scroll(self) -> float:
        """How far down the content can be moved."""
        return float(max(0, self.content_height - self.rect.height))

    def child_offset(self) -> Point:
        """Children move up as the view scrolls down."""
        return (self.rect.x, self.rect.y - round(self.scroll))

    def scroll_to(self, value: float) -> None:
        """Jump to a position (clamped) and redraw if it moved."""
        value = max(0.0, min(self.max_scroll, value))
        moved = round(self.scroll) - round(value)
        self.scroll = value
        if moved:
            root = self.root()
            if isinstance(root, Root):
                root.shift(self.visible_rect(), moved)

    def settle_top(self) -> None:
        """Scroll back to the top of whatever the view's top edge cuts through: the status zone just above
        it must not look laid over half a button."""
        top = round(self.scroll)
        cut = [widget.rect.top for widget in self._content() if widget.rect.top < top < widget.rect.bottom]
        if cut:
            self.scroll_to(min(cut))

    def _content(self) -> Iterator[Widget]:
        """The widgets this view scrolls (not those of a scroll view inside it, which scroll on their own)."""
        pending = list(self.children)
        while pending:
            widget = pending.pop()
            yield widget
            if not isinstance(widget, ScrollView):
                pending += widget.children

    def drag(self, dy: float) -> None:
        """The finger moved by `dy` pixels."""
        self.velocity = 0.0
        if self.on_drag is not None and self.max_scroll > 0:
            self.on_drag()
        self.scroll_to(self.scroll - dy)

    def fling(self, finger_velocity: float) -> None:
        """The finger left at `finger_velocity` px/s (downwards positive)."""
        self.velocity = -finger_velocity if abs(finger_velocity) > MIN_SPEED * 4 else 0.0

    def stop(self) -> None:
        """A touch stops the glide."""
        self.velocity = 0.0

    def animate(self, dt: float) -> bool:
        """Glide for `dt` seconds; True while still moving."""
        moving = super().animate(dt)
        if self.velocity == 0.0:
            return moving
        decay = math.exp(-dt / TIME_CONSTANT)
        # distance of an exponentially decaying velocity over dt
        self.scroll_to(self.scroll + self.velocity * TIME_CONSTANT * (1 - decay))
        self.velocity *= decay
        if abs(self.velocity) < MIN_SPEED or self.scroll <= 0.0 or self.scroll >= self.max_scroll:
            self.velocity = 0.0
        return True

    def draw(self, painter: Painter, origin: Point) -> None:
        """Draw the visible part of the content, clipped to the view."""
        if not self.visible:
            return
        rect = self.rect.move(origin)
        clip = rect.clip(painter.clip)
        if clip.width <= 0 or clip.height <= 0:
            return
        self._materialize(painter)
        old_clip, old_painter_clip = painter.surface.get_clip(), painter.clip
        painter.surface.set_clip(clip)
        painter.clip = clip
        if self.color:
            painter.surface.fill(painter.theme.color(self.color), clip)
        inner = (origin[0] + self.rect.x, origin[1] + self.rect.y - round(self.scroll))
        for child in self.children:
            child.draw(painter, inner)
        if self.max_scroll > 0:
            self._paint_bar(painter, rect)
        painter.surface.set_clip(old_clip)
        painter.clip = old_painter_clip

    def _paint_bar(self, painter: Painter, rect: pygame.Rect) -> None:
        width = max(4, painter.theme.px(8))
        length = max(width * 4, rect.height * rect.height // max(1, self.content_height))
        top = rect.y + round((rect.height - length) * (self.scroll / self.max_scroll))
        bar = pygame.Rect(rect.right - width - painter.theme.px(6), top, width, length)
        pygame.draw.rect(painter.surface, painter.theme.color("divider"), bar, border_radius=width // 2)

