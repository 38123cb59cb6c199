"""Tell a tap from a drag, measure how fast a finger left the glass, and follow two fingers that pinch.
No pygame here: times and points in."""

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


@dataclass(frozen=True)
class Pinch:
    """Two fingers moved: the gap between them grew `factor` times (below 1: they closed) around `center`,
    which moved by `moved` (the two fingers dragged together)."""

    center: Point
    factor: float
    moved: tuple[int, int]


class Fingers:
    """Every finger on the glass, by its id. The first one is the pointer (GestureTracker follows it); a
    second one makes the touch a pinch until both have left (a third is ignored).

    `down`, `move` and `up` say what the finger's event means: "down", "move" or "up" of the pointer;
    "cancel" when a second finger turns the pointer's touch into a pinch (what the first finger began is
    neither a tap nor a drag); a `Pinch` while two fingers move; None for nothing.
    """

    def __init__(self) -> None:
        self.at: dict[int, Point] = {}
        self.first: int | None = None
        self.pinching = False  # two fingers came down; stays until the last one leaves

    def down(self, finger: int, pos: Point) -> str | None:
        """A finger touched at `pos`."""
        if not self.at:
            self.at[finger], self.first, self.pinching = pos, finger, False
            return "down"
        if len(self.at) == 1 and not self.pinching:
            self.at[finger] = pos
            self.pinching = True
            return "cancel"
        return None

    def move(self, finger: int, pos: Point) -> str | Pinch | None:
        """A finger moved to `pos`."""
        if finger not in self.at:
            return None
        if not self.pinching:
            self.at[finger] = pos
            return "move" if finger == self.first else None
        if len(self.at) < 2:  # one of the two left: the other no longer pinches, nor drags
            self.at[finger] = pos
            return None
        before = list(self.at.values())
        self.at[finger] = pos
        after = list(self.at.values())
        gap_before, gap_after = _gap(before), _gap(after)
        if gap_before < 1:
            return None
        center_before, center_after = _center(before), _center(after)
        return Pinch(center_after, gap_after / gap_before,
                     (center_after[0] - center_before[0], center_after[1] - center_before[1]))

    def up(self, finger: int) -> str | None:
        """A finger left the glass."""
        if self.at.pop(finger, None) is None:
            return None
        if self.pinching:
            if not self.at:
                self.pinching, self.first = False, None
            return None
        self.first = None
        return "up"


def _gap(points: list[Point]) -> float:
    (x0, y0), (x1, y1) = points[0], points[1]
    return float(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)


def _center(points: list[Point]) -> Point:
    (x0, y0), (x1, y1) = points[0], points[1]
    return (x0 + x1) // 2, (y0 + y1) // 2
