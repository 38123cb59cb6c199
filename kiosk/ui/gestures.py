"""Tell a tap from a drag, and measure how fast a finger left the glass. No pygame here: times and points in."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

Point = tuple[int, int]


@dataclass(frozen=True)
class Tap:
    """A touch that went down and up in about the same place."""

    pos: Point


@dataclass(frozen=True)
class DragMove:
    """The finger moved while dragging."""

    pos: Point
    delta: tuple[int, int]


@dataclass(frozen=True)
class DragEnd:
    """The finger left after dragging; velocity in px/s."""

    start: Point
    end: Point
    velocity: tuple[float, float]

    @property
    def swipe(self) -> str:
        """left, right, up or down for a quick, mostly straight stroke; "" otherwise."""
        vx, vy = self.velocity
        dx, dy = self.end[0] - self.start[0], self.end[1] - self.start[1]
        if abs(dx) > 2 * abs(dy) and abs(vx) > 500:
            return "left" if dx < 0 else "right"
        if abs(dy) > 2 * abs(dx) and abs(vy) > 500:
            return "up" if dy < 0 else "down"
        return ""



class GestureTracker:
    """Follows one finger (or the mouse) from down to up.

    `slop` is how far a finger may wander and still tap (bigger through shop-window glass);
    `long_press` is how long a touch may last and still count as a tap.
    """

    def __init__(self, slop: int, long_press: float = 1.2) -> None:
        self.slop = slop
        self.long_press = long_press
        self.down_at: Point | None = None
        self.down_time = 0.0
        self.last: Point = (0, 0)
        self.dragging = False
        self._samples: deque[tuple[float, Point]] = deque(maxlen=8)

    @property
    def active(self) -> bool:
        """Whether a finger is on the glass."""
        return self.down_at is not None

    def down(self, pos: Point, now: float) -> None:
        """A finger touched at `pos`."""
        self.down_at = pos
        self.down_time = now
        self.last = pos
        self.dragging = False
        self._samples.clear()
        self._samples.append((now, pos))

    def move(self, pos: Point, now: float) -> DragMove | None:
        """The finger moved; a DragMove once it went farther than the slop."""
        if self.down_at is None:
            return None
        self._samples.append((now, pos))
        if not self.dragging:
            dx, dy = pos[0] - self.down_at[0], pos[1] - self.down_at[1]
            if dx * dx + dy * dy <= self.slop * self.slop:
                return None
            self.dragging = True
            self.last = self.down_at
        delta = (pos[0] - self.last[0], pos[1] - self.last[1])
        self.last = pos
        return DragMove(pos, delta)

    def up(self, pos: Point, now: float) -> Tap | DragEnd | None:
        """The finger left: a Tap, the end of a drag, or nothing (held too long)."""
        if self.down_at is None:
            return None
        start = self.down_at
        self.move(pos, now)
        self.down_at = None
        if self.dragging:
            return DragEnd(start, pos, self._velocity(now))
        if now - self.down_time > self.long_press:
            return None
        return Tap(start)

    def cancel(self) -> None:
        """Forget the current touch."""
        self.down_at = None
        self.dragging = False

    def _velocity(self, now: float) -> tuple[float, float]:
        recent = [(t, p) for t, p in self._samples if now - t <= 0.1]
        if len(recent) < 2:
            return (0.0, 0.0)
        (t0, p0), (t1, p1) = recent[0], recent[-1]
        span = max(t1 - t0, 1e-3)
        return ((p1[0] - p0[0]) / span, (p1[1] - p0[1]) / span)
