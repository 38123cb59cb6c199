"""The hidden staff gesture: several quick taps in one corner of the screen."""

from __future__ import annotations

from collections import deque


class CornerTaps:
    """Counts taps in a corner; `tap()` is True when the gesture is complete."""

    def __init__(self, screen: tuple[int, int], corner: str = "top-right", size: int = 120, taps: int = 5,
                 within_s: float = 3.0) -> None:
        width, height = screen
        x = 0 if corner.endswith("left") else width - size
        y = 0 if corner.startswith("top") else height - size
        self.area = (x, y, size, size)
        self.taps = taps
        self.within_s = within_s
        self._times: deque[float] = deque(maxlen=taps)

    def tap(self, pos: tuple[int, int], now: float) -> bool:
        """A finger went down at `pos`; a tap anywhere else starts the count again."""
        x, y, w, h = self.area
        if not (x <= pos[0] < x + w and y <= pos[1] < y + h):
            self._times.clear()
            return False
        self._times.append(now)
        if len(self._times) == self.taps and now - self._times[0] <= self.within_s:
            self._times.clear()
            return True
        return False
