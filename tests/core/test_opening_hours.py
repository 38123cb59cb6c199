"""Opening hours across daylight-saving changes and year ends, checked against a minute-by-minute walk."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.core.hours.opening_hours import OpeningHours, Span, parse_span, parse_spans, shop_state

PARIS = ZoneInfo("Europe/Paris")
ZONES = [PARIS, ZoneInfo("America/New_York"), ZoneInfo("Australia/Sydney"), ZoneInfo("Asia/Kolkata")]
# Instants near the changes of 2026 and 2027 in both hemispheres, and around New Year
TRICKY = [datetime(2026, 3, 29, 0, tzinfo=UTC), datetime(2026, 10, 25, 0, tzinfo=UTC),
          datetime(2026, 3, 8, 6, tzinfo=UTC), datetime(2026, 11, 1, 5, tzinfo=UTC),
          datetime(2026, 4, 4, 15, tzinfo=UTC), datetime(2026, 10, 3, 15, tzinfo=UTC),
          datetime(2026, 12, 31, 12, tzinfo=UTC), datetime(2027, 3, 28, 0, tzinfo=UTC)]


@st.composite
def schedules(draw: st.DrawFn) -> OpeningHours:
    zone = draw(st.sampled_from(ZONES))
    weekly = {}
    for day in range(7):
        start = draw(st.integers(0, 22 * 60)) // 15 * 15
        end = draw(st.integers(start + 15, 24 * 60)) // 15 * 15
        weekly[day] = (Span(start, max(end, start + 15)),) if draw(st.booleans()) else ()
    holiday = date(2026, 12, 25) if draw(st.booleans()) else date(2027, 1, 1)
    return OpeningHours(zone, weekly, {holiday: ()})


def walk_is_open(hours: OpeningHours, at: datetime) -> bool:
    """The slow, obvious reading: the local wall-clock time falls within a range of the local day."""
    local = at.astimezone(hours.zone)
    minute = local.hour * 60 + local.minute
    return any(span.start <= minute < span.end for span in hours.spans_on(local.date()))


def shown_twice(hours: OpeningHours, at: datetime) -> bool:
    """Whether the wall clock shows this time twice (the hour that repeats when the clocks go back)."""
    local = at.astimezone(hours.zone).replace(tzinfo=None)
    return local.replace(tzinfo=hours.zone, fold=0).utcoffset() != local.replace(tzinfo=hours.zone, fold=1).utcoffset()


PARIS_NIGHT = OpeningHours(PARIS, {day: (Span(0, 135),) for day in range(7)})  # 00:00-02:15 every night


@settings(max_examples=60, deadline=None)
@given(schedules(), st.sampled_from(TRICKY), st.integers(-3 * 24 * 60, 3 * 24 * 60))
@example(PARIS_NIGHT, datetime(2026, 10, 25, 0, tzinfo=UTC), 60)  # 02:00, second pass: still open until 02:15
def test_is_open_agrees_with_the_wall_clock_and_next_opening_is_the_next_change(
        hours: OpeningHours, around: datetime, offset_minutes: int) -> None:
    at = around + timedelta(minutes=offset_minutes)
    if shown_twice(hours, at):  # open through both passes of the repeated hour, never closed when the clock says open
        assert hours.is_open(at) or not walk_is_open(hours, at)
    else:
        assert hours.is_open(at) == walk_is_open(hours, at)
    opening = hours.next_opening(at)
    if opening is None:
        return
    opening = opening.astimezone(UTC)  # arithmetic on instants: in the store's zone it is wall-clock arithmetic
    assert opening > at and hours.is_open(opening)
    assert not hours.is_open(opening - timedelta(minutes=1))
    local = opening.astimezone(hours.zone)
    starts = {span.start for span in hours.spans_on(local.date())}
    minute = local.hour * 60 + local.minute
    jumped = (opening - timedelta(minutes=1)).astimezone(hours.zone).utcoffset() != local.utcoffset()
    assert minute in starts or jumped, \
        "an opening is a range's start in local time (or the moment the clocks jumped over it)"
    probe = at + timedelta(minutes=1)
    while probe < opening and probe - at < timedelta(days=2):  # closed all the way to the opening
        if not hours.is_open(at):
            assert not walk_is_open(hours, probe)
        probe += timedelta(minutes=37)


def test_the_store_opens_at_its_local_hour_on_the_days_the_clocks_change() -> None:
    hours = OpeningHours(PARIS, {day: (parse_span("09:30-19:00"),) for day in range(7)})
    spring = hours.next_opening(datetime(2026, 3, 28, 20, tzinfo=PARIS))
    autumn = hours.next_opening(datetime(2026, 10, 24, 20, tzinfo=PARIS))
    assert spring is not None and autumn is not None
    assert (spring.hour, spring.minute, spring.utcoffset()) == (9, 30, timedelta(hours=2))
    assert (autumn.hour, autumn.minute, autumn.utcoffset()) == (9, 30, timedelta(hours=1))
    assert hours.closes_at(datetime(2026, 10, 25, 12, tzinfo=PARIS)) == datetime(2026, 10, 25, 19, tzinfo=PARIS)


def test_a_range_that_ends_in_the_repeated_hour_stays_open_through_both_passes() -> None:
    first_pass_0200 = datetime(2026, 10, 25, 0, 0, tzinfo=UTC)  # 02:00 summer time
    second_pass_0200 = datetime(2026, 10, 25, 1, 0, tzinfo=UTC)  # 02:00 winter time
    assert PARIS_NIGHT.is_open(first_pass_0200) and PARIS_NIGHT.is_open(second_pass_0200)
    closing = PARIS_NIGHT.closes_at(first_pass_0200)
    assert closing is not None and closing.astimezone(UTC) == datetime(2026, 10, 25, 1, 15, tzinfo=UTC), \
        "the last time the clock shows 02:15"
    assert not PARIS_NIGHT.is_open(datetime(2026, 10, 25, 1, 15, tzinfo=UTC))


def test_holidays_and_the_new_year_skip_to_the_next_open_day() -> None:
    weekdays = {day: (parse_span("10:00-19:00"),) for day in range(6)}
    hours = OpeningHours(PARIS, weekdays, {date(2026, 12, 25): (), date(2027, 1, 1): ()})
    assert hours.next_opening(datetime(2026, 12, 24, 20, tzinfo=PARIS)) == datetime(2026, 12, 26, 10, tzinfo=PARIS)
    assert hours.next_opening(datetime(2026, 12, 31, 20, tzinfo=PARIS)) == datetime(2027, 1, 2, 10, tzinfo=PARIS)
    ready = hours.ready_for_collection(datetime(2026, 12, 24, 18, 20, tzinfo=PARIS), timedelta(hours=1))
    assert ready == datetime(2026, 12, 26, 10, 30, tzinfo=PARIS), \
        "40 minutes of preparation before closing, the other 20 after the next opening"


DEMO_WEEK = OpeningHours(PARIS, {0: (parse_span("10:00-19:00"),), 1: (parse_span("09:30-19:00"),),
                                 5: parse_spans(["09:00-12:30", "13:30-19:00"])})


@pytest.mark.parametrize("placed, ready", [
    (datetime(2026, 11, 23, 9, 55), datetime(2026, 11, 23, 11, 0)),  # before opening: prepared once open
    (datetime(2026, 11, 21, 22, 0), datetime(2026, 11, 23, 11, 0)),  # Saturday night: Monday, opening + an hour
    (datetime(2026, 11, 23, 11, 5), datetime(2026, 11, 23, 12, 15)),  # open: an hour on, the next quarter hour
    (datetime(2026, 11, 21, 12, 0), datetime(2026, 11, 21, 14, 0)),  # half before lunch, half after
    (datetime(2026, 11, 23, 18, 30), datetime(2026, 11, 24, 10, 0)),  # half tonight, half tomorrow morning
])
def test_preparation_takes_its_time_in_opening_hours(placed: datetime, ready: datetime) -> None:
    found = DEMO_WEEK.ready_for_collection(placed.replace(tzinfo=PARIS), timedelta(minutes=60))
    assert found == ready.replace(tzinfo=PARIS)


def test_without_preparation_an_order_placed_at_night_is_ready_at_the_opening() -> None:
    found = DEMO_WEEK.ready_for_collection(datetime(2026, 11, 22, 20, tzinfo=PARIS), timedelta(0))
    assert found == datetime(2026, 11, 23, 10, tzinfo=PARIS)


def test_ranges_that_touch_across_midnight_read_as_one_opening() -> None:
    hours = OpeningHours(PARIS, {4: (parse_span("18:00-24:00"),), 5: (parse_span("00:00-02:00"),)})
    friday_night = datetime(2026, 11, 20, 23, 59, tzinfo=PARIS)
    assert hours.closes_at(friday_night) == datetime(2026, 11, 21, 2, tzinfo=PARIS)


@pytest.mark.parametrize("text, message", [("9h-18h", "time range"), ("19:00-09:00", "closes before"),
                                           ("10:00-25:00", "does not exist")])
def test_bad_ranges_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_span(text)
    with pytest.raises(ValueError, match="overlap"):
        parse_spans(["09:00-13:00", "12:00-18:00"])


def test_the_shop_state_follows_the_hours_unless_staff_say_otherwise() -> None:
    hours = OpeningHours(PARIS, {day: (parse_span("09:30-19:00"),) for day in range(7)})
    morning, night = datetime(2026, 11, 30, 10, tzinfo=PARIS), datetime(2026, 11, 30, 22, tzinfo=PARIS)
    assert shop_state(hours, None, morning).closes_at == datetime(2026, 11, 30, 19, tzinfo=PARIS)
    closed = shop_state(hours, None, night)
    assert not closed.open and closed.opens_at == datetime(2026, 12, 1, 9, 30, tzinfo=PARIS)
    assert shop_state(hours, False, night).open, "staff opened the shop window"
    forced = shop_state(hours, True, morning)
    assert not forced.open and forced.opens_at is None, "closed by staff: no opening time to promise"
