"""Time, injected: the app asks a clock, so tests move time forward without sleeping."""

from __future__ import annotations

import time
from datetime import UTC, datetime
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
        from datetime import timedelta

        return self._start + timedelta(seconds=self._elapsed)

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        if seconds < 0:
            raise ValueError("time does not go back")
        self._elapsed += seconds
