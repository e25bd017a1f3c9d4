"""Builders for calendar periods: weeks, weekends, months, seasons, quarters, halves, years."""

from __future__ import annotations

from datetime import date, timedelta

from dateline.dates import lexicon
from dateline.dates.readings import Context, Found, Groups, month_of
from dateline.dates.spans import (
    ONE_DAY,
    closest,
    describe_span,
    iso_week_timex,
    latest_before,
    monday_of,
    month_span,
    quarter_span,
    season_of,
    season_span,
    season_timex,
    shift_month,
    year_span,
)
from dateline.errors import DateError

WEEK = timedelta(days=7)
STEPS = {"last": -1, "previous": -1, "past": -1, "this": 0, "the current": 0, "current": 0,
         "next": 1, "coming": 1, "this coming": 1, "the coming": 1, "the next": 1}
STEP_WORDS = {-2: "two before", -1: "before", 0: "holding", 1: "after", 2: "two after"}


def week_found(monday: date, reason: str) -> Found:
    return Found(monday, monday + 6 * ONE_DAY, "week", False, iso_week_timex(monday), reason)


def month_found(year: int, month: int, reason: str, approximate: bool = False) -> Found:
    start, end = month_span(year, month)
    return Found(start, end, "month", approximate, f"{year}-{month:02d}", reason)


def year_found(year: int, reason: str, approximate: bool = False) -> Found:
    start, end = year_span(year)
    return Found(start, end, "year", approximate, str(year), reason)


def quarter_found(year: int, quarter: int, reason: str) -> Found:
    start, end = quarter_span(year, quarter)
    return Found(start, end, "quarter", False, f"{year}-Q{quarter}", reason)


def calendar_unit(groups: Groups, ctx: Context) -> Found:
    """'last week', 'this month', 'next year', 'the week before last': whole calendar units."""
    step = STEPS[groups.get("modifier") or "this"]
    if groups.get("twice"):
        step = -2 if groups["twice"] == "before last" else 2
    unit = groups["unit"] or ""
    ref = ctx.reference
    which = f"the {unit} {STEP_WORDS[step]} {ctx.ref}" if step else f"the {unit} of {ctx.ref}"
    if unit == "week":
        return week_found(monday_of(ref) + step * WEEK, f"{which} (Monday to Sunday)")
    if unit == "month":
        return month_found(*shift_month(ref.year, ref.month, step), which)
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + step
        return quarter_found(index // 4, index % 4 + 1, which)
    if unit == "decade":
        decade = ref.year // 10 * 10 + 10 * step
        return Found(date(decade, 1, 1), date(decade + 9, 12, 31), "decade", False,
                     str(decade // 10), which)
    return year_found(ref.year + step, which)


def partial_unit(groups: Groups, ctx: Context) -> Found:
    """'earlier this week' = start of the unit..the day before; 'later this month' = after..end."""
    whole = calendar_unit({"unit": groups["unit"], "modifier": "this"}, ctx)
    ref = ctx.reference
    if groups["side"] == "earlier":
        start, end = whole.start, ref - ONE_DAY
        rule = f"from the start of the {groups['unit']} to the day before {ctx.ref}"
    else:
        start, end = ref + ONE_DAY, whole.end
        rule = f"from the day after {ctx.ref} to the end of the {groups['unit']}"
    if end < start:
        raise DateError(f"{ctx.ref} is the {'first' if groups['side'] == 'earlier' else 'last'}"
                        f" day of its {groups['unit']}: nothing is {groups['side']}")
    return Found(start, end, whole.granularity, False, whole.timex, rule)


def weekend(groups: Groups, ctx: Context) -> Found:
    """'over the weekend': the latest Saturday-Sunday begun by the reference; 'this weekend':
    the one of the reference's ISO week; 'next weekend': the one after that."""
    which = groups.get("which") or "the"
    saturday = monday_of(ctx.reference) + 5 * ONE_DAY
    if which in ("this", "this coming") or (which == "the" and ctx.direction == "future"):
        rule = "the Saturday and Sunday of the week of"
    elif which in ("next", "coming"):
        saturday, rule = saturday + WEEK, "the Saturday and Sunday of the week after"
    else:
        if saturday > ctx.reference:
            saturday -= WEEK
        rule = "the latest Saturday and Sunday begun on or before"
        if groups.get("twice"):
            saturday, rule = saturday - WEEK, "the weekend before the latest one begun by"
    return Found(saturday, saturday + ONE_DAY, "weekend", False,
                 f"{iso_week_timex(saturday)}-WE", f"{rule} {ctx.ref}")


def weekend_of(groups: Groups, ctx: Context) -> Found:
    """'the weekend of March 9-10': the Saturday and Sunday holding the day(s) named."""
    inner = ctx.resolve_inner(groups["inner"] or "", ctx)
    saturday = monday_of(inner.start) + 5 * ONE_DAY
    if inner.start < saturday or inner.end > saturday + ONE_DAY:
        raise DateError(f"{describe_span(inner.start, inner.end)} is not a weekend")
    return Found(saturday, saturday + ONE_DAY, "weekend", inner.approximate,
                 f"{iso_week_timex(saturday)}-WE",
                 f"the Saturday and Sunday of {describe_span(inner.start, inner.end)}")


def month(groups: Groups, ctx: Context) -> Found:
    """Bare or 'in': the closest such month; 'last'/'next': strictly before/after this month."""
    number = month_of(groups["month"] or "")
    name = lexicon.MONTH_NAMES[number - 1]
    ref = ctx.reference
    if groups.get("year"):
        return month_found(int(groups["year"] or ""), number, f"{name} of the year given")
    if groups.get("year_modifier"):
        step = STEPS[groups["year_modifier"] or ""]
        return month_found(ref.year + step, number,
                           f"{name} of the year {STEP_WORDS[step]} {ctx.ref}" if step else
                           f"{name} of the year of {ctx.ref}")
    modifier = groups.get("modifier") or ""
    if modifier == "this":
        return month_found(ref.year, number, f"the {name} of the year of {ctx.ref}")
    if modifier in ("last", "past", "this past"):
        year = ref.year if number < ref.month else ref.year - 1
        return month_found(year, number, f"the latest {name} before the month of {ctx.ref}")
    if modifier in ("next", "coming", "this coming"):
        year = ref.year if number > ref.month else ref.year + 1
        return month_found(year, number, f"the first {name} after the month of {ctx.ref}")
    candidates = [month_span(year, number) for year in range(ref.year - 1, ref.year + 2)]
    start = closest(candidates, ref, ctx.direction)[0]
    rule = "the first such month ending on or after" if ctx.direction == "future" else \
        f"the {name} closest to"
    return month_found(start.year, number, f"{rule} {ctx.ref}")


def year(groups: Groups, ctx: Context) -> Found:
    return year_found(int(groups["year"] or ""), "the year as written")


CENTURY_WORDS = {"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
                 "twentieth": 20, "twenty-first": 21, "twenty first": 21}


HIGH_WORDS = {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}


def year_in_words(groups: Groups, ctx: Context) -> Found:
    """'nineteen ninety-six', 'two thousand and eight': the year the words spell."""
    if groups.get("high"):
        low_words = groups.get("low") or groups.get("oh")
        low = lexicon.NUMBER_WORDS[low_words] if low_words else 0
        number = HIGH_WORDS[groups["high"] or ""] * 100 + low
    else:
        thousand = groups.get("thousand")
        number = 2000 + (lexicon.NUMBER_WORDS[thousand] if thousand else 0)
    return year_found(number, f"the year {number}")


def fiscal_year(groups: Groups, ctx: Context) -> Found:
    """'fiscal 1989': a company's or government's year, which may start in any month; read as
    the calendar year, marked approximate."""
    number = int(groups["year"] or "")
    return year_found(number, f"the calendar year {number} (a fiscal year may start in another "
                              "month)", approximate=True)


def century(groups: Groups, ctx: Context) -> Found:
    """'the 20th century': 1900 to 1999, as TimeML and most readers count it (strictly, 1901
    to 2000), so the span is marked approximate."""
    word = groups.get("word")
    number = CENTURY_WORDS[word] if word else int(groups["number"] or "")
    first = (number - 1) * 100
    return Found(year_span(first)[0], year_span(first + 99)[1], "range", True,
                 f"{first // 100:02d}", f"the years {first} to {first + 99}")


def short_year_range(groups: Groups, ctx: Context) -> Found:
    """'1957-58', '2012-13': the first year to the next year that ends in the two digits."""
    first = int(groups["year"] or "")
    last = first - first % 100 + int(groups["short"] or "")
    if last <= first:
        last += 100
    if last - first > 1 and last % 100 <= 12:
        raise DateError(f'"{ctx.text}" may be a year and a month: write the second year in full')
    if last - first > 20:
        raise DateError(f'"{ctx.text}" spans {last - first + 1} years: write both years in full')
    return Found(year_span(first)[0], year_span(last)[1], "range", False, f"{first}/{last}",
                 f"from the start of {first} to the end of {last}")


def decade(groups: Groups, ctx: Context) -> Found:
    """'the 2010s', "the '90s" (the closest such decade before the reference's)."""
    if groups.get("decade"):
        first = int(groups["decade"] or "")
    else:
        word = groups.get("word")
        short = DECADE_WORDS.index(word) * 10 + 20 if word else int(groups["short"] or "")
        century = ctx.reference.year // 100 * 100
        first = century + short if century + short <= ctx.reference.year else century - 100 + short
    return Found(date(first, 1, 1), date(first + 9, 12, 31), "decade", False, str(first // 10),
                 f"the ten years {first} to {first + 9}")


DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                "nineties")
ORDINAL_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                    "fourth": 4, "4th": 4, "final": 4, "last": 4}


def quarter(groups: Groups, ctx: Context) -> Found:
    """'Q2 2023', 'the second quarter of last year', or bare: the closest such quarter."""
    number = int(groups["digit"] or 0) or ORDINAL_QUARTERS[groups["ordinal"] or ""]
    if groups.get("year"):
        return quarter_found(int(groups["year"] or ""), number, "the quarter of the year given")
    if groups.get("modifier"):
        year_number = ctx.reference.year + STEPS[groups["modifier"] or ""]
        return quarter_found(year_number, number, f"the quarter of the year, from {ctx.ref}")
    candidates = [quarter_span(y, number) for y in range(ctx.reference.year - 1,
                                                         ctx.reference.year + 2)]
    start = closest(candidates, ctx.reference, ctx.direction)[0]
    return quarter_found(start.year, number, f"the closest such quarter to {ctx.ref}")


def half_year(groups: Groups, ctx: Context) -> Found:
    """'the first half of 2023', 'H2 2023', 'the second half of last year'."""
    half = 2 if (groups.get("half") or "") in ("second", "2nd", "latter", "2") else 1
    which = "first" if half == 1 else "second"
    ref = ctx.reference
    if groups.get("year"):
        number = int(groups["year"] or "")
        reason = f"the {which} half of {number}"
    elif groups.get("modifier") or groups.get("of_year"):
        number = ref.year + STEPS[groups.get("modifier") or "this"]
        reason = f"the {which} half of {number}"
    else:  # "the first half" alone: the closest such half, as a bare quarter
        candidates = [half_span(year, half) for year in range(ref.year - 1, ref.year + 2)]
        number = closest(candidates, ref, ctx.direction)[0].year
        reason = f"the closest {which} half of a year to {ctx.ref}"
    start, end = half_span(number, half)
    return Found(start, end, "range", False, f"{number}-H{half}", reason)


def half_span(year: int, half: int) -> tuple[date, date]:
    """January to June, or July to December."""
    return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else \
        (date(year, 7, 1), date(year, 12, 31))


def season(groups: Groups, ctx: Context) -> Found:
    """Meteorological seasons (northern hemisphere): bare/this = closest, last = before this."""
    first_month = lexicon.SEASONS[groups["season"] or ""]
    name = groups["season"] or ""
    ref = ctx.reference
    if groups.get("year"):
        season_year = int(groups["year"] or "")
        rule = f"{name} of the year given (meteorological)"
    else:
        candidates = [season_span(y, first_month) for y in range(ref.year - 2, ref.year + 2)]
        modifier = groups.get("modifier") or ""
        current = season_span(*season_of(ref))[0]
        if modifier in ("last", "past", "this past"):
            chosen, rule = latest_before(candidates, current), f"the latest {name} before"
        elif modifier in ("next", "coming", "this coming"):
            chosen = min(span for span in candidates if span[0] > ref)
            rule = f"the first {name} after"
        else:
            chosen, rule = closest(candidates, ref, ctx.direction), f"the {name} closest to"
        season_year, rule = chosen[0].year, f"{rule} {ctx.ref} (meteorological)"
    start, end = season_span(season_year, first_month)
    return Found(start, end, "season", True, season_timex(season_year, first_month), rule)


ANCHOR_STEPS = {"before": -1, "previous": -1, "preceding": -1, "prior": -1, "earlier": -1,
                "that": 0, "same": 0, "full": 0, "after": 1, "following": 1, "next": 1}


def unit_of_anchor(groups: Groups, ctx: Context) -> Found:
    """'the week before', 'the following month', 'that week': whole units from the anchor."""
    unit = groups["unit"] or ""
    relation = (groups.get("relation") or "that").removeprefix("the ")
    step = ANCHOR_STEPS[relation]
    if groups.get("inner"):
        inner = ctx.resolve_inner(groups["inner"] or "", ctx)
        start, end, words = inner.start, inner.end, describe_span(inner.start, inner.end)
    else:
        start, end, words = ctx.anchor_span.start, ctx.anchor_span.end, ctx.anchor_words
    base = start if step <= 0 else end
    which = f"the {unit} {STEP_WORDS[step]} {words}"
    if unit == "week":
        return week_found(monday_of(base) + step * WEEK, which)
    if unit == "weekend":
        saturday = monday_of(base) + 5 * ONE_DAY
        if step > 0:  # the first weekend starting after the anchor
            saturday = saturday if saturday > end else saturday + WEEK
        elif step < 0:  # the latest weekend ending before it
            saturday = saturday - WEEK if saturday + ONE_DAY >= start else saturday
        return Found(saturday, saturday + ONE_DAY, "weekend", False,
                     f"{iso_week_timex(saturday)}-WE", which)
    if unit == "month":
        return month_found(*shift_month(base.year, base.month, step), which)
    return year_found(base.year + step, which)

