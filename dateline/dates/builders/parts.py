"""Builders for parts of periods ('early March', 'the end of last month') and for ranges."""

from __future__ import annotations

import re
from datetime import date

from dateline.dates import lexicon
from dateline.dates.builders import days, periods
from dateline.dates.readings import (
    Context,
    Found,
    Groups,
    as_written,
    checked_date,
    day_range,
    month_of,
    number_of,
)
from dateline.dates.spans import closest, days_from, describe_day, month_end
from dateline.errors import DateError

PART_KEYS = {"early": "early", "mid": "mid", "late": "late", "beginning": "start",
             "start": "start", "middle": "mid", "end": "end", "first days": "start",
             "last days": "end"}
MONTH_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "start": (1, 10),
              "end": (-9, 31)}  # negative: counted back from the month's last day
YEAR_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "start": (1, 3), "end": (10, 12)}
WEEK_DAYS = {"early": (0, 2), "mid": (1, 3), "late": (3, 6), "start": (0, 1), "end": (4, 6)}
SEASON_MONTHS = {"early": (0, 0), "mid": (1, 1), "late": (2, 2), "start": (0, 0), "end": (2, 2)}
DECADE_YEARS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "start": (0, 2), "end": (7, 9)}


def part_key(groups: Groups) -> str:
    words = (groups["part"] or "").removeprefix("the ").removesuffix(" of").strip("- ")
    return PART_KEYS[words]


def cut(whole: Found, key: str) -> tuple[date, date, str]:
    """The slice of a whole period that 'early', 'mid', 'late', 'the start/end of' name."""
    start = whole.start
    if whole.granularity == "month":
        last = whole.end.day
        first_day, last_day = MONTH_DAYS[key]
        first_day = last + first_day if first_day < 0 else first_day
        return start.replace(day=first_day), start.replace(day=min(last_day, last)), \
            f"days {first_day}-{min(last_day, last)} of"
    if whole.granularity == "year":
        first_month, last_month = YEAR_MONTHS[key]
        return date(start.year, first_month, 1), month_end(start.year, last_month), \
            f"{lexicon.MONTH_NAMES[first_month - 1]} to {lexicon.MONTH_NAMES[last_month - 1]} of"
    if whole.granularity in ("week", "weekend"):
        first_offset, last_offset = WEEK_DAYS[key]
        return days_from(start, first_offset), days_from(start, last_offset), \
            f"{lexicon.WEEKDAY_NAMES[first_offset]} to {lexicon.WEEKDAY_NAMES[last_offset]} of"
    if whole.granularity == "season":
        first_index, last_index = SEASON_MONTHS[key]
        first = days_from(start.replace(day=1), 31 * first_index).replace(day=1)
        last_first = days_from(start.replace(day=1), 31 * last_index).replace(day=1)
        return first, month_end(last_first.year, last_first.month), \
            f"{['the first', 'the middle', 'the last'][first_index]} month of"
    if whole.granularity == "decade":
        first_year, last_year = DECADE_YEARS[key]
        return date(start.year + first_year, 1, 1), date(start.year + last_year, 12, 31), \
            f"the years {start.year + first_year}-{start.year + last_year} of"
    raise DateError(f"'{key}' cannot divide a {whole.granularity}")


def part_of(whole: Found, groups: Groups) -> Found:
    start, end, words = cut(whole, part_key(groups))
    return Found(start, end, whole.granularity, True, whole.timex, f"{words} {whole.reason}")


def part_of_month(groups: Groups, ctx: Context) -> Found:
    return part_of(periods.month(groups, ctx), groups)


def part_of_unit(groups: Groups, ctx: Context) -> Found:
    """'the beginning of the month', 'late last year', 'early next week'."""
    modifier = groups.get("modifier") or "this"
    unit_groups = {"unit": groups["unit"], "modifier": "this" if modifier == "the" else modifier}
    return part_of(periods.calendar_unit(unit_groups, ctx), groups)


def part_of_year(groups: Groups, ctx: Context) -> Found:
    return part_of(periods.year(groups, ctx), groups)


def part_of_season(groups: Groups, ctx: Context) -> Found:
    return part_of(periods.season(groups, ctx), groups)


def part_of_decade(groups: Groups, ctx: Context) -> Found:
    return part_of(periods.decade(groups, ctx), groups)


NTH_WEEK = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def week_of_month(groups: Groups, ctx: Context) -> Found:
    """'the first week of January': days 1-7 of the month (8-14 the second...), 'the last week'
    its last seven days. A run of days, not a Monday-Sunday week: copy counts from the 1st."""
    whole = periods.month(groups, ctx)
    nth = NTH_WEEK[groups["nth"] or ""]
    if nth > 0:
        start = days_from(whole.start, 7 * (nth - 1))
        end = days_from(start, 6)
    else:
        start, end = days_from(whole.end, -6), whole.end
    return day_range(start, end, f"days {start.day}-{end.day} of {whole.reason}")


def turn_of_year(groups: Groups, ctx: Context) -> Found:
    """'the turn of the year': the month around the closest New Year, 16 December to 15
    January (approximate): copy uses it for the weeks either side of 1 January."""
    ref = ctx.reference
    candidates = [(date(year - 1, 12, 16), date(year, 1, 15))
                  for year in range(ref.year, ref.year + 2)]
    start, end = closest(candidates, ref, ctx.direction)
    return day_range(start, end, f"16 December to 15 January around the New Year of {end.year} "
                                 f"closest to {ctx.ref}", True)


def month_day_range(groups: Groups, ctx: Context) -> Found:
    """'March 1-5', '1 to 5 March', 'March 28 to April 2, 2023': one calendar run of days."""
    first_month = month_of(groups["month"] or "")
    last_month = month_of(groups.get("month2") or groups["month"] or "")
    first_day, last_day = number_of(groups["day"] or ""), number_of(groups["day2"] or "")
    year_text = groups.get("year2") or groups.get("year")
    if year_text:
        last_year = int(year_text)
        first_year = int(groups.get("year") or "0") or (
            last_year if (first_month, first_day) <= (last_month, last_day) else last_year - 1)
        start = checked_date(first_year, first_month, first_day, ctx.text)
        how = "the dates as written"
    else:
        day_groups = {"month": groups["month"], "day": groups["day"]}
        start = days.month_day(day_groups, ctx).start
        how = f"the first day taken as the {lexicon.MONTH_NAMES[first_month - 1]} " \
              f"{first_day} closest to {ctx.ref}"
        # only a range that crosses New Year wraps into the next year ("December 28 to January 3")
        last_year = start.year + 1 if first_month > last_month else start.year
    end = checked_date(last_year, last_month, last_day, ctx.text)
    if end < start:
        raise DateError(f"the range ends ({describe_day(end)}) before it starts "
                        f"({describe_day(start)})")
    return Found(start, end, "range", False, f"{start.isoformat()}/{end.isoformat()}",
                 f"from {describe_day(start)} to {describe_day(end)}, {how}")


SEPARATORS = {"between": re.compile(r" and "),
              "from": re.compile(r" (?:to|until|till|through|thru) | ?- ?"),
              "plain": re.compile(r" (?:to|until|till|through|thru) | ?- ?")}


def general_range(groups: Groups, ctx: Context) -> Found:
    """'between A and B', 'from A to B', 'A through B': A's start to B's end; tries each split."""
    kind = next(key for key in SEPARATORS if groups.get(key))
    body = groups[kind] or ""
    problem: DateError | None = None
    for separator in SEPARATORS[kind].finditer(body):
        first_text, second_text = body[:separator.start()], body[separator.end():]
        try:
            side = ctx._replace(in_range=True)
            first = ctx.resolve_inner(first_text, side)
            second = ctx.resolve_inner(second_text, side)
        except DateError as error:
            problem = problem or error
            continue
        end = second.end
        first_text, after_first = as_written(ctx.text, first_text)
        second_text, _ = as_written(ctx.text, second_text, after_first)
        if end < first.start:
            raise DateError(f"the range ends ({second_text}, {describe_day(second.end)}) "
                            f"before it starts ({first_text}, {describe_day(first.start)})")
        return day_range(first.start, end,
                         f"from the start of {first_text} ({describe_day(first.start)}) to the "
                         f"end of {second_text} ({describe_day(end)})",
                         first.approximate or second.approximate)._replace(
            granularity="range", timex=f"{first.start.isoformat()}/{end.isoformat()}")
    raise problem or DateError("no readable pair of dates")

