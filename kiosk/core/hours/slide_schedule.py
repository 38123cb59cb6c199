"""Which attract slides play now: by display role, weekday, time of day and date range.

As signage players do: slides with no schedule always play; scheduled slides play in their windows;
fallback slides play only when nothing else would; a display with nothing at all shows its own
default (the caller's choice).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from kiosk.core.models import Slide


def _minutes(text: str, default: int) -> int:
    if not text:
        return default
    hours, _, minutes = text.partition(":")
    return int(hours) * 60 + int(minutes)


def plays_at(slide: Slide, local: datetime) -> bool:
    """Whether a scheduled slide's window contains this local time (an unscheduled one always plays)."""
    day = local.date().isoformat()
    if (slide.first_date and day < slide.first_date) or (slide.last_date and day > slide.last_date):
        return False
    if slide.days and local.weekday() not in slide.days:
        return False
    now = local.hour * 60 + local.minute
    start, end = _minutes(slide.start, 0), _minutes(slide.end, 24 * 60)
    if start <= end:
        return start <= now < end
    return now >= start or now < end  # an evening window that runs past midnight


def active_slides(slides: Iterable[Slide], local: datetime, role: str) -> list[Slide]:
    """The slides to play on a display of `role` at the store's local time `local`, in playlist order."""
    for_role = [s for s in slides if not s.roles or role in s.roles]
    playing = [s for s in for_role if not s.fallback and plays_at(s, local)]
    if playing:
        return playing
    return [s for s in for_role if s.fallback and plays_at(s, local)]

