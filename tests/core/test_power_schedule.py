"""When screens are lit: opening hours with grace, the French 1:00-6:00 rule for shop windows, and the
nights the clocks change."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from kiosk.core.hours.opening_hours import OpeningHours, parse_span, parse_spans
from kiosk.core.hours.power_schedule import FRENCH_QUIET_HOURS, PowerRule, quiet_hours, wanted

PARIS = ZoneInfo("Europe/Paris")
DAYTIME = OpeningHours(PARIS, {day: (parse_span("09:30-19:00"),) for day in range(7)})
LATE = OpeningHours(PARIS, {day: parse_spans(["00:00-02:00", "18:00-24:00"]) for day in range(7)})
GRACE = timedelta(minutes=15)
HOURS = PowerRule("hours", GRACE, GRACE, None)
WINDOW_LIT = PowerRule("lit", GRACE, GRACE, FRENCH_QUIET_HOURS)


def at(text: str, fold: int = 0) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=PARIS, fold=fold)


@pytest.mark.parametrize("when, lit, reason", [
    ("2026-11-23 09:00", False, "closed"),
    ("2026-11-23 09:16", True, "opening soon"),
    ("2026-11-23 12:00", True, "open"),
    ("2026-11-23 19:14", True, "just closed"),
    ("2026-11-23 19:16", False, "closed"),
    ("2026-11-24 03:00", False, "closed"),
])
def test_a_terminal_follows_the_hours_with_a_grace_period(when: str, lit: bool, reason: str) -> None:
    result = wanted(DAYTIME, HOURS, at(when))
    assert (result.on, result.reason) == (lit, reason)


@pytest.mark.parametrize("when, lit, reason", [
    ("2026-11-23 22:00", True, "after hours"),  # taking orders at night
    ("2026-11-24 00:59", True, "after hours"),
    ("2026-11-24 01:00", False, "quiet hours"),  # the law: dark from 1:00
    ("2026-11-24 05:59", False, "quiet hours"),
    ("2026-11-24 06:00", True, "after hours"),  # lit again at 6:00
])
def test_a_window_that_takes_orders_at_night_goes_dark_from_one_to_six(when: str, lit: bool, reason: str) -> None:
    result = wanted(DAYTIME, WINDOW_LIT, at(when))
    assert (result.on, result.reason) == (lit, reason)


def test_a_shop_open_past_one_keeps_its_window_lit_until_it_closes() -> None:
    assert wanted(LATE, WINDOW_LIT, at("2026-11-24 01:30")).reason == "open"
    assert wanted(LATE, WINDOW_LIT, at("2026-11-24 02:00")).reason == "quiet hours"


def test_staff_closing_the_shop_darkens_a_terminal_at_once_and_opening_it_lights_it() -> None:
    assert not wanted(DAYTIME, HOURS, at("2026-11-23 12:00"), shop_open=False).on
    assert wanted(DAYTIME, HOURS, at("2026-11-23 23:00"), shop_open=True).on


def test_the_quiet_hours_keep_to_the_wall_clock_the_nights_the_clocks_change() -> None:
    # 29 March 2026: 02:00 becomes 03:00; 25 October 2026: 03:00 comes twice
    assert not wanted(DAYTIME, WINDOW_LIT, at("2026-03-29 01:30")).on
    assert not wanted(DAYTIME, WINDOW_LIT, at("2026-03-29 03:30")).on
    assert wanted(DAYTIME, WINDOW_LIT, at("2026-03-29 06:00")).on
    assert not wanted(DAYTIME, WINDOW_LIT, at("2026-10-25 02:30", fold=0)).on
    assert not wanted(DAYTIME, WINDOW_LIT, at("2026-10-25 02:30", fold=1)).on
    assert wanted(DAYTIME, WINDOW_LIT, at("2026-10-25 06:00")).on

    def dark_minutes(evening_utc: datetime) -> int:
        return 5 * sum(not wanted(DAYTIME, WINDOW_LIT, evening_utc + timedelta(minutes=m)).on for m in range(0, 720, 5))

    utc = ZoneInfo("UTC")
    assert dark_minutes(datetime(2026, 11, 21, 22, 0, tzinfo=utc)) == 5 * 60  # an ordinary night
    assert dark_minutes(datetime(2026, 3, 28, 22, 0, tzinfo=utc)) == 4 * 60  # the clocks skip an hour of it
    assert dark_minutes(datetime(2026, 10, 24, 21, 0, tzinfo=utc)) == 6 * 60  # and show one twice


def test_the_grace_period_before_opening_on_the_morning_the_clocks_go_forward() -> None:
    assert wanted(DAYTIME, HOURS, at("2026-03-29 09:20")).reason == "opening soon"
    assert wanted(DAYTIME, HOURS, at("2026-03-29 09:10")).reason == "closed"


def test_quiet_hours_by_country_and_role() -> None:
    assert quiet_hours(("default",), "FR", "window") == (time(1), time(6))
    assert quiet_hours(("default",), "FR", "terminal") is None  # inside the store: no advertising
    assert quiet_hours(("default",), "DE", "window") is None
    assert quiet_hours(("22:00", "07:00"), "DE", "window") == (time(22), time(7))
    assert quiet_hours((), "FR", "window") is None
    with pytest.raises(ValueError):
        quiet_hours(("01:00",), "FR", "window")
