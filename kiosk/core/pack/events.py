"""Store events from the pack (`events.json`): workshops, group runs, signings, each with its places.

An event is one-off (`starts`: "2026-12-05T14:00", the store's local time) or weekly (`every`: "sat" and
`time`: "09:30", its next date counted from today); `capacity` is how many can come, `taken` how many
places are already given elsewhere (the website, the till). Sign-ups at the kiosk go through the outbox
to `POST /events/{id}/signups`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kiosk.core.models import Localized
from kiosk.core.pack.reader import PackReader

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KINDS = ("workshop", "group_run", "signing", "other")


@dataclass(frozen=True)
class StoreEvent:
    """One event of the store (its times are the store's local wall-clock times)."""

    id: str
    kind: str
    title: Localized
    text: Localized
    place: Localized
    capacity: int
    taken: int = 0
    starts: str = ""  # one-off: "2026-12-05T14:00"
    every: str = ""  # weekly: "sat", with `time`
    time: str = ""
    duration_min: int = 60

    def next_start(self, now: datetime) -> datetime | None:
        """When it next starts, seen from `now` (local, naive): None for a one-off that has begun."""
        if self.starts:
            start = datetime.fromisoformat(self.starts)
            return start if start > now else None
        at = time.fromisoformat(self.time)
        days = (WEEKDAYS.index(self.every) - now.weekday()) % 7
        start = datetime.combine(now.date() + timedelta(days=days), at)
        return start if start > now else start + timedelta(days=7)

    def places_left(self, signed_up_here: int) -> int:
        """Places still free, once those given elsewhere and at this kiosk are counted."""
        return max(0, self.capacity - self.taken - signed_up_here)


def upcoming(events: list[StoreEvent], now: datetime, days: int = 30) -> list[tuple[StoreEvent, datetime]]:
    """The events that start within `days` of `now`, soonest first, each with its next start."""
    found = []
    for event in events:
        start = event.next_start(now)
        if start is not None and start - now <= timedelta(days=days):
            found.append((event, start))
    return sorted(found, key=lambda pair: pair[1])


def occurrence(start: datetime) -> str:
    """The day of one occurrence, as sign-ups name it ("2026-11-21")."""
    return date.isoformat(start.date())


def read_events(reader: PackReader, languages: tuple[str, ...]) -> list[StoreEvent]:
    """`events.json`, each row checked: its id, texts, capacity, and one-off or weekly times."""
    file = "events.json"
    data = reader.load_json(file, required=False) or []
    events: list[StoreEvent] = []
    seen: set[str] = set()
    for index, item in enumerate(data):
        key = f"[{index + 1}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            reader.problem(file, key, "needs an id, a title, a capacity and its time")
            continue
        if item["id"] in seen:
            reader.problem(file, f"{key}.id", f"{item['id']!r} is used twice")
            continue
        seen.add(item["id"])
        capacity, taken = item.get("capacity"), item.get("taken", 0)
        if not (isinstance(capacity, int) and 0 < capacity <= 10_000 and isinstance(taken, int) and taken >= 0):
            reader.problem(file, f"{key}.capacity", "must be a whole number of places (1 to 10000), taken 0 or more")
            continue
        when = _when(item)
        if when is None:
            reader.problem(file, key, 'needs "starts" ("2026-12-05T14:00") or "every" ("sat") with "time" ("09:30")')
            continue
        kind = item.get("kind", "other")
        if kind not in KINDS:
            reader.problem(file, f"{key}.kind", f"must be one of {', '.join(KINDS)}")
            continue
        duration = item.get("duration_min", 60)
        title = reader.localized(file, f"{key}.title", item.get("title"), languages, None)
        text = reader.localized(file, f"{key}.text", item.get("text", {}), (), None)
        place = reader.localized(file, f"{key}.place", item.get("place", {}), (), None)
        events.append(StoreEvent(item["id"], kind, title, text, place, capacity, taken, *when,
                                 duration_min=duration if isinstance(duration, int) and duration > 0 else 60))
    return events


def _when(item: dict[str, object]) -> tuple[str, str, str] | None:
    starts, every, at = item.get("starts"), item.get("every"), item.get("time")
    try:
        if isinstance(starts, str) and not every:
            datetime.fromisoformat(starts)
            return starts, "", ""
        if isinstance(every, str) and every in WEEKDAYS and isinstance(at, str) and not starts:
            time.fromisoformat(at)
            return "", every, at
    except ValueError:
        return None
    return None
