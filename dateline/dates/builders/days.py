"""Builders for expressions that name one day: weekdays, deictic days, calendar dates, holidays."""

from __future__ import annotations

from datetime import date, timedelta

from dateline.dates import lexicon
from dateline.dates.readings import (
    Context,
    Found,
    Groups,
    checked_date,
    day_range,
    month_of,
    number_of,
    one_day,
    weekday_of,
)
from dateline.dates.spans import (
    ONE_DAY,
    closest,
    days_from,
    describe_day,
    earliest_after,
    latest_before,
    monday_of,
    movable_holiday,
    weekday_on_or_after,
    weekday_on_or_before,
)
from dateline.errors import DateError

WEEK = timedelta(days=7)
WEEK_STEPS = {"last": -1, "previous": -1, "this": 0, "next": 1}
WEEK_WORDS = {-1: "the week before", 0: "the week of", 1: "the week after"}


def weekday(groups: Groups, ctx: Context) -> Found:
    """Bare: on or before (on or after, looking forward); last/next: strictly before/after."""
    target = weekday_of(groups["weekday"] or "")
    name = lexicon.WEEKDAY_NAMES[target]
    modifier = groups.get("modifier")
    ref = ctx.reference
    if not modifier and ctx.direction != "future":  # the common case first
        day = days_from(ref, -((ref.weekday() - target) % 7))
        return one_day(day, f"the latest {name} on or before {ctx.ref}")
    modifier = (modifier or "").removeprefix("this ")
    if modifier in ("last", "past"):
        day = weekday_on_or_before(ref - ONE_DAY, target)
        return one_day(day, f"the latest {name} strictly before {ctx.ref}")
    if modifier in ("next", "coming"):
        day = weekday_on_or_after(ref + ONE_DAY, target)
        return one_day(day, f"the first {name} after {ctx.ref}")
    if modifier == "this":
        day = days_from(monday_of(ref), target)
        return one_day(day, f"the {name} of the Monday-Sunday week of {ctx.ref}")
    if ctx.direction == "future":
        day = weekday_on_or_after(ref, target)
        return one_day(day, f"the first {name} on or after {ctx.ref}")
    day = weekday_on_or_before(ref, target)
    return one_day(day, f"the latest {name} on or before {ctx.ref}")


def overnight(groups: Groups, ctx: Context) -> Found:
    """'Tuesday night into Wednesday': the first day as a weekday, through the next such day."""
    first = weekday(groups, ctx).start
    second = weekday_on_or_after(first + ONE_DAY, weekday_of(groups["weekday2"] or ""))
    return day_range(first, second, f"from {describe_day(first)} into the next "
                     f"{lexicon.WEEKDAY_NAMES[second.weekday()]}")


def weekday_in_week(groups: Groups, ctx: Context) -> Found:
    """'Wednesday last week', 'next week Tuesday': that day of the named ISO week."""
    target = weekday_of(groups["weekday"] or "")
    weeks = WEEK_STEPS[groups["week"] or "this"]
    monday = monday_of(ctx.reference) + weeks * WEEK
    day = days_from(monday, target)
    which = WEEK_WORDS[weeks]
    return one_day(day, f"the {lexicon.WEEKDAY_NAMES[target]} of {which} {ctx.ref}")


def weekdays_ago(groups: Groups, ctx: Context) -> Found:
    """'three Fridays ago': that many Fridays back, the first one strictly before the reference."""
    target = weekday_of(groups["weekday"] or "")
    count = number_of(groups["count"] or "")
    if count < 1:
        raise DateError("count the weekdays from one")
    day = weekday_on_or_before(ctx.reference - ONE_DAY, target) - (count - 1) * WEEK
    name = lexicon.WEEKDAY_NAMES[target]
    return one_day(day, f"the {name} {count} {name}s back from {ctx.ref}")


def weekday_from_anchor(groups: Groups, ctx: Context) -> Found:
    """'the following Tuesday', 'the Sunday before' (+ an inline date when given)."""
    target = weekday_of(groups["weekday"] or "")
    name = lexicon.WEEKDAY_NAMES[target]
    if groups.get("inner"):
        inner = ctx.resolve_inner(groups["inner"] or "", ctx)
        start, end, base = inner.start, inner.end, describe_day(inner.start)
    else:
        span = ctx.anchor_span
        start, end, base = span.start, span.end, ctx.anchor_words
    if groups.get("relation") in ("before", "previous", "preceding", "prior"):
        day = weekday_on_or_before(start - ONE_DAY, target)
        return one_day(day, f"the latest {name} before {base}")
    day = weekday_on_or_after(end + ONE_DAY, target)
    return one_day(day, f"the first {name} after {base}")


DEICTIC_DAYS = {"today": 0, "tonight": 0, "this": 0, "earlier today": 0, "later today": 0, "now": 0,
                "currently": 0, "at present": 0, "nowadays": 0,
                "yesterday": -1, "last night": -1, "the day before yesterday": -2,
                "tomorrow": 1, "the day after tomorrow": 2}
DEICTIC_REASONS = {0: "the day of", -1: "the day before", -2: "two days before",
                   1: "the day after", 2: "two days after"}


def deictic_day(groups: Groups, ctx: Context) -> Found:
    word = groups["deictic"] or ""
    days = DEICTIC_DAYS["this" if word.startswith("this ") else word]
    day = days_from(ctx.reference, days)
    return one_day(day, f"{DEICTIC_REASONS[days]} {ctx.ref}")


FORWARD_MODIFIERS = frozenset({"next", "coming", "this coming"})
BACKWARD_MODIFIERS = frozenset({"last", "past", "this past"})


def month_day_candidates(month: int, day: int, around: date, text: str) -> list[tuple[date, date]]:
    candidates = []
    for year in range(around.year - 1, around.year + 2):
        try:
            candidates.append((date(year, month, day), date(year, month, day)))
        except ValueError:
            continue
    if not candidates:
        checked_date(around.year if day != 29 else around.year + 1, month, day, text)
        raise DateError(f'"{text}" names no real day near {describe_day(around)}: add the year')
    return candidates


def month_day(groups: Groups, ctx: Context) -> Found:
    """A month and day without a year: the closest such day (ties and 2x weighting in spans).
    'this coming Sunday, March 8' looks ahead and 'last Monday, March 2' back, as the weekday
    alone would; the date decides and the weekday is checked against it."""
    modifier = groups.get("modifier")
    if modifier:
        ctx = ctx._replace(direction="future" if modifier in FORWARD_MODIFIERS else
                           "past" if modifier in BACKWARD_MODIFIERS else ctx.direction)
    month, day = month_of(groups["month"] or ""), number_of(groups["day"] or "")
    year_text = groups.get("year")
    if year_text:
        written = checked_date(int(year_text), month, day, ctx.text)
        if not groups.get("weekday"):  # the common case: nothing to check
            return one_day(written, "the date as written")
        return check_weekday(groups, one_day(written, f"the date as written{weekday_note(groups)}"))
    ref = ctx.reference
    if day <= 28 and ctx.direction == "past":  # the common case, computed directly
        this_year = date(ref.year, month, day)
        if this_year > ref:
            last_year = date(ref.year - 1, month, day)
            chosen = this_year if 2 * (this_year - ref).days < (ref - last_year).days else last_year
        else:
            next_year = date(ref.year + 1, month, day)
            chosen = next_year if 2 * (next_year - ref).days < (ref - this_year).days else this_year
    else:
        candidates = month_day_candidates(month, day, ref, ctx.text)
        chosen = closest(candidates, ref, ctx.direction)[0]
    which = "the first" if ctx.direction == "future" else "the"
    relation = "on or after" if ctx.direction == "future" else "closest to"
    found = one_day(chosen, f"{which} {lexicon.MONTH_NAMES[month - 1]} {day} {relation} "
                            f"{ctx.ref}{weekday_note(groups)}")
    return check_weekday(groups, found) if groups.get("weekday") else found


def weekday_note(groups: Groups) -> str:
    return ", checked against its weekday" if groups.get("weekday") else ""


def check_weekday(groups: Groups, found: Found) -> Found:
    """'Monday, March 11': the date decides, and a weekday that disagrees is an error."""
    written = groups.get("weekday")
    if written and weekday_of(written) != found.start.weekday():
        actual = lexicon.WEEKDAY_NAMES[found.start.weekday()]
        raise DateError(f"{describe_day(found.start)} is a {actual}, not a "
                        f"{lexicon.WEEKDAY_NAMES[weekday_of(written)]}")
    return found


def day_of_month(groups: Groups, ctx: Context) -> Found:
    """'the 12th': that day in the closest month that has it."""
    day = number_of(groups["day"] or "")
    candidates = []
    for months in range(-3, 4):
        index = ctx.reference.year * 12 + ctx.reference.month - 1 + months
        try:
            candidate = date(index // 12, index % 12 + 1, day)
        except ValueError:
            continue
        candidates.append((candidate, candidate))
    chosen = closest(candidates, ctx.reference, ctx.direction)[0]
    return one_day(chosen, f"day {day} of the month closest to {ctx.ref}")


def numeric_date(groups: Groups, ctx: Context) -> Found:
    """ISO always; 'dd/mm/yyyy' only when one reading is possible (13/04, or 05/05)."""
    year = int(groups["year"] or "")
    if groups.get("iso_month"):
        month, day = int(groups["iso_month"] or ""), int(groups["iso_day"] or "")
        return one_day(checked_date(year, month, day, ctx.text), "the ISO date as written")
    first, second = int(groups["first"] or ""), int(groups["second"] or "")
    if first <= 12 and second <= 12 and first != second:
        raise DateError(
            f'"{ctx.text}" is ambiguous: day first it is {second_name(first, second)}, month '
            f"first it is {second_name(second, first)}; write the month as a word")
    if first > 12:
        found = checked_date(year, second, first, ctx.text)
        return one_day(found, "read day first, the only reading (there is no month 13+)")
    if second > 12:
        found = checked_date(year, first, second, ctx.text)
        return one_day(found, "read month first, the only reading (there is no month 13+)")
    return one_day(checked_date(year, first, first, ctx.text), "day and month are the same number")


def iso_timestamp(groups: Groups, ctx: Context) -> Found:
    """'2024-01-22T14:00Z': the day as written, in the timestamp's own zone (an offset never
    moves it to another day); the time of day is read as UTC, or at the offset written."""
    year, month, day = (int(groups[key] or "") for key in ("year", "iso_month", "iso_day"))
    clock = groups.get("clock") or ""
    hours, minutes = int(clock[:2]), int(clock[3:5])
    if hours > 23 or minutes > 59 or clock[5:8] > ":60":  # :60 is a leap second
        raise DateError(f'"{ctx.text}" is not a real time: {clock} is no time of day')
    zone = (groups.get("zone") or "").upper()
    where = f"at UTC{zone}" if zone not in ("", "Z") else "as UTC"
    found = checked_date(year, month, day, ctx.text)
    return one_day(found, f"the day of the ISO timestamp as written, in its own zone; the time "
                          f"{clock} was read {where}")


def church_week(groups: Groups, ctx: Context) -> Found:
    """'Easter week': Easter Sunday to the Saturday after; 'Holy Week': Palm Sunday to Holy
    Saturday. The Sunday is chosen as the holiday is (closest, last/next, or the year given)."""
    feast = "easter sunday" if groups["week"] == "easter" else "palm sunday"
    sunday = holiday({**groups, "holiday": feast}, ctx)
    saturday = days_from(sunday.start, 6)
    return day_range(sunday.start, saturday,
                     f"from {describe_day(sunday.start)} ({sunday.reason}) to the Saturday "
                     f"after, {describe_day(saturday)}")


def second_name(day: int, month: int) -> str:
    return f"{day} {lexicon.MONTH_NAMES[month - 1]}"


def holiday_years(name: str, year: int) -> range:
    """The years whose holiday may be meant: the year before, of and after the reference; for
    US Election Day the federal elections, held in even years, around it."""
    if lexicon.MOVABLE_HOLIDAYS.get(name) == "election day":
        first = year - 2 + year % 2
        return range(first, first + 5, 2)
    return range(year - 1, year + 2)


def holiday(groups: Groups, ctx: Context) -> Found:
    """Fixed and movable holidays: the closest one, or last/next/this, or the year given."""
    name = groups["holiday"] or ""
    ref = ctx.reference

    def on(year: int) -> date:
        if name in lexicon.FIXED_HOLIDAYS:
            month, day = lexicon.FIXED_HOLIDAYS[name]
            return date(year, month, day)
        return movable_holiday(lexicon.MOVABLE_HOLIDAYS[name], year)

    title = name.title().replace("'S", "'s")
    if groups.get("year"):
        day = on(int(groups["year"] or ""))
        return one_day(day, f"{title} in the year given")
    candidates = [(on(year), on(year)) for year in holiday_years(name, ref.year)]
    modifier = groups.get("modifier")
    if modifier == "last":
        day = latest_before(candidates, ref)[0]
        return one_day(day, f"the latest {title} before {ctx.ref}")
    if modifier == "next":
        day = earliest_after(candidates, ref)[0]
        return one_day(day, f"the first {title} after {ctx.ref}")
    day = closest(candidates, ref, ctx.direction)[0]
    return one_day(day, f"the {title} closest to {ctx.ref}")
