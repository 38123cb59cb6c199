"""Opening hours: a weekly schedule, dated exceptions, in the store's time zone.

Hours are wall-clock times in the store's zone ("09:30-19:00"), so a store that opens at 09:30 opens
at 09:30 local time on the day the clocks change too. Every answer is an aware datetime; intervals
are compared as instants, so the hour that repeats in autumn or is skipped in spring cannot confuse
"is it open?" or "when does it open next?".

The rule for the hours the clocks change (see `OpeningHours.span_instants`): a range opens the first
time the wall clock shows its opening time and closes the last time it shows its closing time. So a
range that ends in the hour that repeats ("00:00-02:15" on the night the clocks go back) stays open
through both passes of that hour, and one that starts in the hour that is skipped opens when the
clocks jump over it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SPAN = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")
MINUTE = timedelta(minutes=1)
LOOK_AHEAD_DAYS = 400  # a store closed for longer than this has no "next opening" worth showing


@dataclass(frozen=True, order=True)
class Span:
    """Open from `start` to `end` (minutes after local midnight; end may be 1440, midnight after)."""

    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.start // 60:02d}:{self.start % 60:02d}-{self.end // 60:02d}:{self.end % 60:02d}"


def parse_span(text: str) -> Span:
    """"09:30-19:00" as a Span; ValueError saying what is wrong."""
    found = SPAN.match(text.strip())
    if not found:
        raise ValueError(f"{text!r} is not a time range like \"09:30-19:00\"")
    h1, m1, h2, m2 = (int(g) for g in found.groups())
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if h1 > 23 or m1 > 59 or m2 > 59 or end > 24 * 60:
        raise ValueError(f"{text!r} has a time that does not exist (use 00:00 to 24:00)")
    if end <= start:
        raise ValueError(f"{text!r} closes before it opens (split a night across two days)")
    return Span(start, end)


def parse_spans(texts: Iterable[str]) -> tuple[Span, ...]:
    """Several ranges of one day, sorted; ValueError if they overlap."""
    spans = sorted(parse_span(text) for text in texts)
    for before, after in itertools.pairwise(spans):
        if after.start < before.end:
            raise ValueError(f"{before} and {after} overlap")
    return tuple(spans)


@dataclass(frozen=True)
class OpeningHours:
    """When the store is open."""

    zone: ZoneInfo
    weekly: Mapping[int, tuple[Span, ...]]  # 0 = Monday
    exceptions: Mapping[date, tuple[Span, ...]] = field(default_factory=dict)  # () = closed that day

    @classmethod
    def always_open(cls, zone: ZoneInfo) -> OpeningHours:
        """A store with no hours configured: never shown as closed."""
        return cls(zone, {day: (Span(0, 24 * 60),) for day in range(7)})

    def spans_on(self, day: date) -> tuple[Span, ...]:
        """The ranges the store is open on a local calendar day."""
        if day in self.exceptions:
            return self.exceptions[day]
        return self.weekly.get(day.weekday(), ())

    def _instant(self, day: date, minutes: int, *, last: bool = False) -> datetime:
        """A wall-clock time of a local day as a UTC instant. A time the clocks skip (02:30 on the
        night they go forward) reads as the moment they jump: the first instant that is not before it.
        A time the clocks show twice (02:30 on the night they go back) reads as its first pass, or
        its second with `last`."""
        if minutes >= 24 * 60:
            local = datetime.combine(day + timedelta(days=1), time(0), tzinfo=self.zone)
        else:
            local = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=self.zone)
        instant = local.astimezone(UTC)
        if instant.astimezone(self.zone).replace(tzinfo=None) != local.replace(tzinfo=None):  # in a gap
            wall = local.replace(tzinfo=None)
            while (instant - MINUTE).astimezone(self.zone).replace(tzinfo=None) >= wall:
                instant -= MINUTE
        elif last:
            instant = local.replace(fold=1).astimezone(UTC)  # the same as the first pass unless it repeats
        return instant

    def span_instants(self, day: date, span: Span) -> tuple[datetime, datetime]:
        """The instants a range of a local day opens and closes: from the first time the wall clock
        shows its start to the last time it shows its end (the rule for the hours the clocks change)."""
        return self._instant(day, span.start), self._instant(day, span.end, last=True)

    def intervals(self, first: date, days: int) -> Iterator[tuple[datetime, datetime]]:
        """Open intervals as instants, from the local day `first` on, ranges that touch merged."""
        pending: tuple[datetime, datetime] | None = None
        for offset in range(days):
            day = first + timedelta(days=offset)
            for span in self.spans_on(day):
                start, end = self.span_instants(day, span)
                if end <= start:
                    continue  # a range that falls wholly inside a skipped hour
                if pending is not None and start <= pending[1]:
                    pending = (pending[0], max(end, pending[1]))
                    continue
                if pending is not None:
                    yield pending
                pending = (start, end)
        if pending is not None:
            yield pending

    def _around(self, at: datetime) -> Iterator[tuple[datetime, datetime]]:
        local_day = at.astimezone(self.zone).date()
        return self.intervals(local_day - timedelta(days=1), LOOK_AHEAD_DAYS + 1)

    @staticmethod
    def _utc(at: datetime) -> datetime:
        # Python compares two datetimes sharing one tzinfo by wall clock, ignoring the fold; UTC has no fold.
        if at.tzinfo is None:
            raise ValueError("opening hours need an aware datetime")
        return at.astimezone(UTC)

    def is_open(self, at: datetime) -> bool:
        """Whether the store is open at this instant."""
        at = self._utc(at)
        for start, end in self._around(at):
            if start > at:
                return False
            if at < end:
                return True
        return False

    def next_opening(self, at: datetime) -> datetime | None:
        """The next instant after `at` when the store opens (None: not within a year or so)."""
        at = self._utc(at)
        for start, _ in self._around(at):
            if start > at:
                return start.astimezone(self.zone)
        return None

    def closes_at(self, at: datetime) -> datetime | None:
        """When the store closes, if it is open at `at`."""
        at = self._utc(at)
        for start, end in self._around(at):
            if start > at:
                return None
            if at < end:
                return end.astimezone(self.zone)
        return None

    def ready_for_collection(self, at: datetime, preparation: timedelta) -> datetime | None:
        """The first time an order placed at `at` can be collected. Staff prepare it while the store is open:
        `preparation` counts in opening hours only (an order placed at night, or just before opening, is
        prepared after the store opens; one placed just before closing is finished the next opening day).
        Then on the next quarter hour while the store is open, else at its next opening. None when the
        store does not open again within a year or so."""
        at = self._utc(at)
        left = preparation
        done: datetime | None = None
        for start, end in self._around(at):
            if end <= at:
                continue
            begin = max(start, at)
            if begin + left <= end:
                done = begin + left
                break
            left -= end - begin
        if done is None:
            return None
        seconds = done.timestamp()
        ready = datetime.fromtimestamp(-(-seconds // 900) * 900, UTC)  # quarter hours line up in every zone
        if self.is_open(ready):
            return ready.astimezone(self.zone)
        return self.next_opening(ready)  # (the quarter hour falls after closing: ready when the store opens)


NO_CLOSING_TIME = timedelta(hours=23, minutes=59)  # open longer than this without a break: no time to give


@dataclass(frozen=True)
class ShopState:
    """Whether the store is open now, and the moment worth saying: when it closes, or when it opens."""

    open: bool
    closes_at: datetime | None = None  # open, and closing within a day
    opens_at: datetime | None = None  # closed by its hours (not by staff), and opening within a year


def shop_state(hours: OpeningHours, override: bool | None, now: datetime) -> ShopState:
    """The store's state at `now`: its opening hours, unless staff or head office said open (False) or
    closed (True); closed by them, it gives no opening time, since nobody knows when that ends."""
    closes = hours.closes_at(now)
    if override is False or (override is None and closes is not None):
        if closes is None or closes - now > NO_CLOSING_TIME:
            return ShopState(True)
        return ShopState(True, closes_at=closes)
    return ShopState(False, opens_at=hours.next_opening(now) if override is None else None)
