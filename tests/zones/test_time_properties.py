"""Properties of timed readings over many zones, days and clock times."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.dates import resolve
from dateline.dates.timing import timed
from dateline.display import MONTH_NAMES

ZONES = ("Asia/Baghdad", "America/New_York", "Europe/London", "Australia/Sydney",
         "Asia/Kolkata", "America/Santiago", "Pacific/Chatham", "UTC")


def clock_text(day: date, hour: int, minute: int) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year} at {hour:02d}:{minute:02d}"


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ZONES), st.dates(date(1990, 1, 1), date(2040, 12, 31)),
       st.integers(0, 23), st.integers(0, 59))
def test_to_utc_and_back_is_the_same_instant(zone: str, day: date, hour: int,
                                            minute: int) -> None:
    text = clock_text(day, hour, minute)
    reading = timed(resolve(text, day), text, zone, None)
    assert reading.timing is not None
    start = reading.timing.start_at
    back = start.astimezone(UTC).astimezone(ZoneInfo(zone))
    assert back == start and back.utcoffset() == start.utcoffset()
    assert back.isoformat() == reading.timing.start


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ZONES), st.dates(date(1990, 1, 1), date(2040, 12, 31)),
       st.integers(0, 23), st.integers(0, 59))
def test_a_local_time_shows_as_written_unless_the_clocks_skip_it(zone: str, day: date,
                                                                 hour: int, minute: int) -> None:
    text = clock_text(day, hour, minute)
    reading = timed(resolve(text, day), text, zone, None)
    assert reading.timing is not None and reading.start == day
    wall = datetime.combine(day, time(hour, minute))
    exists = wall.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC).astimezone(
        ZoneInfo(zone)).replace(tzinfo=None) == wall
    if exists:
        assert reading.timing.start_at.replace(tzinfo=None) == wall


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ZONES), st.dates(date(1990, 1, 1), date(2040, 12, 31)),
       st.integers(0, 23), st.integers(0, 59))
def test_a_gmt_time_is_the_same_instant_in_every_zone(zone: str, day: date, hour: int,
                                                      minute: int) -> None:
    text = f"{clock_text(day, hour, minute)} GMT"
    reading = timed(resolve(text, day), text, zone, None)
    assert reading.timing is not None
    assert reading.timing.start_at == datetime.combine(day, time(hour, minute), UTC)
    assert reading.start == reading.timing.start_at.date()
