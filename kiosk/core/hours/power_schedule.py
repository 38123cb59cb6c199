"""When a screen should be lit: the store's opening hours with a grace period on each side, quiet hours
for lit advertising, and what staff or head office asked for.

Times are wall-clock times of the store's time zone, compared as the clocks show them, so that the
nights the clocks change keep the rule as written (01:00-06:00 stays "from one to six by the clock").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from kiosk.core.hours.opening_hours import OpeningHours

# French law: lit advertising, shop-window screens included, is dark from 1:00 to 6:00 unless the shop is
# open (décret 2022-1294, art. R581-35 of the environment code).
FRENCH_QUIET_HOURS = (time(1, 0), time(6, 0))


@dataclass(frozen=True)
class PowerRule:
    """How one display follows the hours."""

    mode: str  # "hours": off outside opening hours (and grace); "lit": on outside them too
    grace_before: timedelta
    grace_after: timedelta
    quiet: tuple[time, time] | None  # dark between these wall-clock times unless the shop is open


@dataclass(frozen=True)
class Wanted:
    """Whether the screen should be lit, and the reason (said to staff and in telemetry)."""

    on: bool
    reason: str  # "open", "opening soon", "just closed", "after hours", "quiet hours", "closed"


def quiet_hours(written: tuple[str, ...], country: str, role: str) -> tuple[time, time] | None:
    """The quiet hours of a display: as written in [power] quiet_hours (two "HH:MM"), none for an empty
    list, or by default the French rule for a shop window in France (a terminal inside is no
    advertising). ValueError for anything else."""
    if written == ("default",):
        return FRENCH_QUIET_HOURS if country.upper() == "FR" and role == "window" else None
    if not written:
        return None
    if len(written) != 2:
        raise ValueError('quiet_hours must be two times like ["01:00", "06:00"], [] or ["default"]')
    start, end = (time.fromisoformat(text) for text in written)
    return (start, end) if role == "window" else None


def in_quiet_hours(quiet: tuple[time, time] | None, at: datetime) -> bool:
    """Whether the wall clock at `at` (an aware datetime in the store's zone) is in the quiet hours."""
    if quiet is None:
        return False
    start, end = quiet
    clock = at.time()
    return start <= clock < end if start <= end else clock >= start or clock < end


def wanted(hours: OpeningHours, rule: PowerRule, now: datetime, shop_open: bool | None = None) -> Wanted:
    """Whether a screen following `rule` should be lit at `now`. `shop_open` is the shop's state when
    staff forced it open or closed; None: its hours say."""
    local = now.astimezone(hours.zone)
    is_open = hours.is_open(now) if shop_open is None else shop_open
    if is_open:
        return Wanted(True, "open")
    if in_quiet_hours(rule.quiet, local):
        return Wanted(False, "quiet hours")
    if rule.mode == "lit":
        return Wanted(True, "after hours")
    if shop_open is None:
        opening = hours.next_opening(now)
        if opening is not None and opening - now <= rule.grace_before:
            return Wanted(True, "opening soon")
        if rule.grace_after and hours.is_open(now - rule.grace_after):
            return Wanted(True, "just closed")
    return Wanted(False, "closed")
