"""Display forms of dates, each expectation written out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.display import format_date, format_day, format_span
from dateline.model import DateStyle, Granularity, ResolvedDate


def resolved(
    start: date, end: date, granularity: Granularity = "day", approximate: bool = False
) -> ResolvedDate:
    return ResolvedDate(start, end, granularity, approximate, "", "")


DAY = resolved(date(2024, 1, 23), date(2024, 1, 23))
RANGE = resolved(date(2024, 1, 12), date(2024, 1, 22), "range")
ACROSS_YEARS = resolved(date(2023, 12, 28), date(2024, 1, 3), "range")
ACROSS_MONTHS = resolved(date(2024, 1, 29), date(2024, 2, 4), "week")
MONTH = resolved(date(2024, 1, 1), date(2024, 1, 31), "month")
EARLY = resolved(date(2024, 1, 1), date(2024, 1, 10), "range", approximate=True)
MID = resolved(date(2024, 3, 11), date(2024, 3, 20), "range", approximate=True)
LATE_FEB_LEAP = resolved(date(2024, 2, 21), date(2024, 2, 29), "range", approximate=True)
WINDOW = resolved(date(2024, 1, 15), date(2024, 1, 22), "range", approximate=True)


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [
        (DAY, "ap", "Tue, Jan. 23, 2024"),
        (DAY, "iso", "2024-01-23"),
        (DAY, "long", "Tuesday 23 January 2024"),
        (RANGE, "ap", "Jan. 12\u201322, 2024"),
        (RANGE, "iso", "2024-01-12 \u2013 2024-01-22"),
        (RANGE, "long", "12\u201322 January 2024"),
        (ACROSS_YEARS, "ap", "Dec. 28, 2023 \u2013 Jan. 3, 2024"),
        (ACROSS_YEARS, "long", "28 December 2023 \u2013 3 January 2024"),
        (ACROSS_MONTHS, "ap", "Jan. 29 \u2013 Feb. 4, 2024"),
        (ACROSS_MONTHS, "long", "29 January \u2013 4 February 2024"),
        (MONTH, "ap", "January 2024"),
        (MONTH, "long", "January 2024"),
        (MONTH, "iso", "2024-01"),
        (EARLY, "ap", "early Jan. 2024"),
        (EARLY, "long", "early January 2024"),
        (EARLY, "iso", "2024-01-01 \u2013 2024-01-10 (approx.)"),
        (MID, "ap", "mid-March 2024"),
        (LATE_FEB_LEAP, "ap", "late Feb. 2024"),
        (WINDOW, "ap", "Jan. 15\u201322, 2024 (approx.)"),
        (WINDOW, "long", "15\u201322 January 2024 (approx.)"),
    ],
)
def test_styles_from_the_issue(value: ResolvedDate, style: DateStyle, expected: str) -> None:
    assert format_date(value, style) == expected


def test_ap_spells_out_short_months_and_abbreviates_long_ones() -> None:
    # 2024-03-05 is a Tuesday, 2024-09-11 a Wednesday, 2024-06-01 a Saturday.
    assert format_day(date(2024, 3, 5), "ap") == "Tue, March 5, 2024"
    assert format_day(date(2024, 9, 11), "ap") == "Wed, Sept. 11, 2024"
    assert format_day(date(2024, 6, 1), "ap") == "Sat, June 1, 2024"


def test_weekday_comes_from_the_date_not_the_locale() -> None:
    # 2001-09-11 was a Tuesday; 2023-10-07 a Saturday.
    assert format_day(date(2001, 9, 11), "long") == "Tuesday 11 September 2001"
    assert format_day(date(2023, 10, 7), "ap") == "Sat, Oct. 7, 2023"


def test_weekend_and_week_show_their_days() -> None:
    weekend = resolved(date(2024, 1, 20), date(2024, 1, 21), "weekend")
    assert format_date(weekend, "ap") == "Jan. 20\u201321, 2024"
    week = resolved(date(2024, 1, 15), date(2024, 1, 21), "week")
    assert format_date(week, "iso") == "2024-01-15 \u2013 2024-01-21"


def test_whole_periods_get_their_names() -> None:
    year = resolved(date(2021, 1, 1), date(2021, 12, 31), "year")
    assert format_date(year, "ap") == "2021"
    decade = resolved(date(2010, 1, 1), date(2019, 12, 31), "decade")
    assert format_date(decade, "long") == "the 2010s"
    quarter = resolved(date(2023, 4, 1), date(2023, 6, 30), "quarter")
    assert format_date(quarter, "ap") == "Q2 2023"
    assert format_date(quarter, "iso") == "2023-Q2"
    summer = resolved(date(2023, 6, 1), date(2023, 8, 31), "season", approximate=True)
    assert format_date(summer, "ap") == "summer 2023 (approx.)"
    winter = resolved(date(2023, 12, 1), date(2024, 2, 29), "season", approximate=True)
    assert format_date(winter, "ap") == "winter 2023\u201324 (approx.)"


def test_runs_of_whole_months() -> None:
    early_year = resolved(date(2023, 1, 1), date(2023, 4, 30), "range", approximate=True)
    assert format_date(early_year, "ap") == "January\u2013April 2023 (approx.)"
    across = resolved(date(2023, 11, 1), date(2024, 2, 29), "range")
    assert format_date(across, "ap") == "November 2023 \u2013 February 2024"
    # A month-long "range" that is not a quarter keeps its months, not "Q1".
    first_quarter_range = resolved(date(2024, 1, 1), date(2024, 3, 31), "range")
    assert format_date(first_quarter_range, "ap") == "January\u2013March 2024"


def test_approximate_single_day_says_so() -> None:
    day = resolved(date(2024, 1, 23), date(2024, 1, 23), "day", approximate=True)
    assert format_date(day, "ap") == "Tue, Jan. 23, 2024 (approx.)"


def test_home_page_span() -> None:
    assert format_span(date(2023, 10, 7), date(2024, 1, 30)) == "Oct. 7, 2023 \u2013 Jan. 30, 2024"
    assert format_span(date(2024, 1, 30), date(2024, 1, 30)) == "Jan. 30, 2024"
    assert format_span(date(2023, 10, 7), date(2024, 1, 30), "long") == (
        "7 October 2023 \u2013 30 January 2024"
    )


BLOCKED = ResolvedDate(date(2021, 3, 23), date(2021, 3, 25), "range", False, "", "", True)
OVER_NEW_YEAR = ResolvedDate(date(2020, 12, 30), date(2021, 1, 2), "range", False, "", "", True)


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [
        (BLOCKED, "ap", "since March 23; still under way as of March 25, 2021"),
        (BLOCKED, "long", "since 23 March; still under way as of 25 March 2021"),
        (BLOCKED, "iso", "since 2021-03-23; still under way as of 2021-03-25"),
        (OVER_NEW_YEAR, "ap", "since Dec. 30, 2020; still under way as of Jan. 2, 2021"),
    ],
)
def test_an_ongoing_event_reads_as_still_under_way(
    value: ResolvedDate, style: DateStyle, expected: str
) -> None:
    assert format_date(value, style) == expected


def test_an_ongoing_event_closes_a_timeline_on_its_last_day_seen() -> None:
    from dateline.display import format_bounds

    first = resolved(date(2021, 3, 23), date(2021, 3, 23))
    assert format_bounds(first, BLOCKED) == "March 23\u201325, 2021"
