"""Time, injected: the app asks a clock, so tests move time forward without sleeping."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Where the app gets the time from."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; never goes back."""

    def now(self) -> datetime:
        """The current date and time, timezone-aware (UTC)."""


class SystemClock:
    """The real time."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start."""
        return time.monotonic()

    def now(self) -> datetime:
        """The current UTC time."""
        return datetime.now(UTC)


class ShiftedClock:
    """The real time's pace from a chosen start (`--now`): a desk shows the night or a holiday, and a test
    of the kiosk's own process does not depend on the hour it runs at."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("the start needs its time zone (like 2026-11-20T11:00+01:00)")
        self._start = start.astimezone(UTC)
        self._started = time.monotonic()

    def monotonic(self) -> float:
        """Seconds from an arbitrary start."""
        return time.monotonic()

    def now(self) -> datetime:
        """The start plus the real seconds since."""
        return self._start + timedelta(seconds=time.monotonic() - self._started)


class ManualClock:
    """A clock that only moves when told to: for tests and the pilot."""

    def __init__(self, start: datetime | None = None) -> None:
        self._elapsed = 0.0
        self._start = start or datetime(2026, 11, 20, 10, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        """Seconds advanced so far (plus a fixed offset)."""
        return 1000.0 + self._elapsed

    def now(self) -> datetime:
        """The start date plus the seconds advanced."""
        return self._start + timedelta(seconds=self._elapsed)

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        if seconds < 0:
            raise ValueError("time does not go back")
        self._elapsed += seconds
