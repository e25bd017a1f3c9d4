"""Pure calendar arithmetic on inclusive day spans: weeks, months, seasons, quarters, closeness."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

from dateline.dates.lexicon import MONTH_ABBREVIATIONS, SEASON_CODES, WEEKDAY_ABBREVIATIONS
from dateline.errors import DateError

DaySpan = tuple[date, date]
ONE_DAY = timedelta(days=1)
FROM_ORDINAL = date.fromordinal


def days_from(day: date, days: int) -> date:
    """The day `days` days after `day` (before it when negative), counted on the day's ordinal:
    building a `timedelta` costs twice the rest, and most builders move a day on every call."""
    return FROM_ORDINAL(day.toordinal() + days)


def day_words(day: date) -> str:
    """'Wed 13 Mar 2024', from our own tables (strftime would follow the locale)."""
    return (f"{WEEKDAY_ABBREVIATIONS[day.weekday()]} {day.day} "
            f"{MONTH_ABBREVIATIONS[day.month - 1]} {day.year}")


@lru_cache(maxsize=4096)
def describe_day(day: date) -> str:
    """`day_words`, memoised: explanations name the same days again and again."""
    return day_words(day)


def describe_span(start: date, end: date) -> str:
    if start == end:
        return describe_day(start)
    return f"{describe_day(start)} to {describe_day(end)}"


@lru_cache(maxsize=4096)
def month_end(year: int, month: int) -> date:
    """Memoised (bounded, pure): month arithmetic runs in most calls, over few months."""
    return date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=4096)
def month_span(year: int, month: int) -> DaySpan:
    return date(year, month, 1), month_end(year, month)


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) `months` calendar months away; negative goes back."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> tuple[date, bool]:
    """The same day `months` months away, clamped to the month's end; True when it clamped."""
    year, month = shift_month(day.year, day.month, months)
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last)), day.day > last


def monday_of(day: date) -> date:
    """The Monday of the day's ISO week (found without its Sunday, which may lie past 9999)."""
    return days_from(day, -day.weekday())


def iso_week_span(day: date) -> DaySpan:
    monday = monday_of(day)
    return monday, days_from(monday, 6)


@lru_cache(maxsize=4096)
def iso_week_timex(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def year_span(year: int) -> DaySpan:
    return date(year, 1, 1), date(year, 12, 31)


def quarter_span(year: int, quarter: int) -> DaySpan:
    first_month = 3 * quarter - 2
    return date(year, first_month, 1), month_end(year, first_month + 2)


def season_span(year: int, first_month: int) -> DaySpan:
    """Meteorological seasons; winter belongs to the year of its December."""
    end_year, end_month = shift_month(year, first_month, 2)
    return date(year, first_month, 1), month_end(end_year, end_month)


def season_timex(year: int, first_month: int) -> str:
    return f"{year}-{SEASON_CODES[first_month]}"


def season_of(day: date) -> tuple[int, int]:
    """(year, first month) of the meteorological season holding `day`."""
    first_month = 12 if day.month == 12 else (day.month // 3) * 3 or 12
    year = day.year - 1 if day.month < 3 else day.year
    return year, first_month


def weekday_on_or_before(day: date, weekday: int) -> date:
    return days_from(day, -((day.weekday() - weekday) % 7))


def weekday_on_or_after(day: date, weekday: int) -> date:
    return days_from(day, (weekday - day.weekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 = last) given weekday of a month, for movable holidays."""
    if nth > 0:
        return days_from(weekday_on_or_after(date(year, month, 1), weekday), 7 * (nth - 1))
    return weekday_on_or_before(month_end(year, month), weekday)


def movable_holiday(name: str, year: int) -> date:
    """Church feasts from dateutil's Easter, US federal days by their weekday rule."""
    easter_day = easter(year)
    by_easter = {"easter": 0, "good friday": -2, "easter monday": 1, "holy saturday": -1,
                 "palm sunday": -7, "ash wednesday": -46, "pentecost": 49}
    if name in by_easter:
        return days_from(easter_day, by_easter[name])
    if name == "black friday":
        return nth_weekday(year, 11, 3, 4) + ONE_DAY
    if name == "election day":  # US federal: the Tuesday after the first Monday of November
        return nth_weekday(year, 11, 0, 1) + ONE_DAY
    month, weekday, nth = {
        "thanksgiving": (11, 3, 4), "labor day": (9, 0, 1), "memorial day": (5, 0, -1),
        "mlk day": (1, 0, 3), "presidents day": (2, 0, 3), "mothers day": (5, 6, 2),
        "fathers day": (6, 6, 3),
    }[name]
    return nth_weekday(year, month, weekday, nth)


def distance(span: DaySpan, reference: date) -> int:
    """Days from the reference to the span's nearest edge; later spans count double."""
    start, end = span
    if end < reference:
        return (reference - end).days
    if start > reference:
        return 2 * (start - reference).days
    return 0


def closest(candidates: Iterable[DaySpan], reference: date, direction: str) -> DaySpan:
    """The contract's 'closest occurrence': future weighted 2x, ties to the past.

    With direction 'future' it is the earliest candidate that ends on or after the reference;
    with 'since' (the X of "since X") the latest that starts on or before it.
    """
    ordered = sorted(candidates)
    if direction == "future":
        ahead = next((span for span in ordered if span[1] >= reference), None)
        if ahead is None:  # e.g. "Feb 29" looking forward from a year with no leap day near
            raise DateError(f"no such day soon after the reference, {describe_day(reference)}")
        return ahead
    if direction == "since" and ordered[0][0] <= reference:
        return max(span for span in ordered if span[0] <= reference)
    best, best_distance = ordered[0], distance(ordered[0], reference)
    for span in ordered[1:]:  # in date order, so a tie keeps the earlier (past) candidate
        start, end = span  # `distance`, inlined: this loop runs in most calls
        if end < reference:
            span_distance = (reference - end).days
        elif start > reference:
            span_distance = 2 * (start - reference).days
        else:
            span_distance = 0
        if span_distance < best_distance:
            best, best_distance = span, span_distance
    return best


def latest_before(candidates: Iterable[DaySpan], limit: date) -> DaySpan:
    """The latest candidate starting strictly before `limit` ('last March', 'last Christmas')."""
    before = [span for span in candidates if span[0] < limit]
    if not before:
        raise DateError(f"no such day shortly before {describe_day(limit)}")
    return max(before)


def earliest_after(candidates: Iterable[DaySpan], limit: date) -> DaySpan:
    """The earliest candidate starting strictly after `limit` ('next March')."""
    after = [span for span in candidates if span[0] > limit]
    if not after:
        raise DateError(f"no such day shortly after {describe_day(limit)}")
    return min(after)
