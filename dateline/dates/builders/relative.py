"""Builders that count from a point: 'N ago', 'in N', windows, anchors given or inline, 'since'."""

from __future__ import annotations

from datetime import date

from dateline.dates.readings import (
    Context,
    Found,
    Groups,
    Offset,
    count_words,
    day_range,
    offset_of,
    one_day,
)
from dateline.dates.spans import (
    ONE_DAY,
    add_months,
    days_from,
    describe_day,
    describe_span,
    month_span,
    year_span,
)
from dateline.errors import DateError
from dateline.model import Granularity, Span

BACKWARD = frozenset({"earlier", "before", "prior", "prior to", "previously", "beforehand",
                      "preceding", "previous", "ago"})


def moved(day: date, offset: Offset, sign: int) -> tuple[date, date, str]:
    """The first and last day `offset` away from `day` (sign -1 = back), and a clamping note."""
    if not offset.in_months:
        a, b = days_from(day, sign * offset.low), days_from(day, sign * offset.high)
        return min(a, b), max(a, b), ""
    (a, clamped_a), (b, clamped_b) = (add_months(day, sign * offset.low),
                                      add_months(day, sign * offset.high))
    note = ""
    if clamped_a or clamped_b:
        note = f" ({describe_day(day)} {'+' if sign > 0 else '-'} {count_words(offset)} " \
               f"clamps to {describe_day(a if clamped_a else b)}, the month's last day)"
    return min(a, b), max(a, b), note


def counted(start: date, end: date, offset: Offset, reason: str) -> Found:
    return day_range(start, end, reason, offset.approximate or offset.unit == "hour")


def ago(groups: Groups, ctx: Context) -> Found:
    """Days and weeks: the exact day; months and years: the calendar unit holding it (approx)."""
    offset = offset_of(groups)
    reason = f"{count_words(offset)} before {ctx.ref}"
    if offset.low == offset.high and not offset.in_months:  # one day, most often
        return one_day(days_from(ctx.reference, -offset.low), reason,
                       offset.approximate or offset.unit == "hour")
    start, end, _ = moved(ctx.reference, offset, -1)
    return whole_units(start, end, offset, reason) if offset.in_months else \
        counted(start, end, offset, reason)


def ago_to_the_day(groups: Groups, ctx: Context) -> Found:
    """'a year ago today': the same day that many months back (clamped), not the whole month."""
    offset = offset_of(groups)
    start, end, note = moved(ctx.reference, offset, -1)
    return counted(start, end, offset, f"{count_words(offset)} before {ctx.ref}, to the day{note}")


def in_future(groups: Groups, ctx: Context) -> Found:
    """'in three days', 'a week from now': the day that far after the reference."""
    offset = offset_of(groups)
    start, end, _ = moved(ctx.reference, offset, 1)
    reason = f"{count_words(offset)} after {ctx.ref}"
    return whole_units(start, end, offset, reason) if offset.in_months else \
        counted(start, end, offset, reason)


def whole_units(start: date, end: date, offset: Offset, reason: str) -> Found:
    """Widen to whole months (or years): a count of months back names a month, not a day."""
    granularity: Granularity
    if offset.unit in ("year", "decade") and offset.low % 12 == 0 and offset.high % 12 == 0:
        first, last = year_span(start.year)[0], year_span(end.year)[1]
        timex = str(start.year) if start.year == end.year else f"{first}/{last}"
        granularity = "year" if start.year == end.year else "range"
    else:
        first, last = month_span(start.year, start.month)[0], month_span(end.year, end.month)[1]
        same = (start.year, start.month) == (end.year, end.month)
        timex = f"{start.year}-{start.month:02d}" if same else f"{first}/{last}"
        granularity = "month" if same else "range"
    return Found(first, last, granularity, True, timex,
                 f"the calendar {'year' if granularity == 'year' else 'month'} holding "
                 f"the day {reason}")


def window(groups: Groups, ctx: Context) -> Found:
    """'the past two weeks', 'over the last week and a half': back from the reference."""
    offset = offset_of(groups)
    forward = (groups.get("modifier") or "") in ("next", "coming")
    if forward:
        start, end, _ = moved(ctx.reference, offset, 1)
        return day_range(ctx.reference + ONE_DAY, end,
                         f"the {count_words(offset)} after {ctx.ref}", True)
    start, _, _ = moved(ctx.reference, offset, -1)
    return day_range(start, ctx.reference, f"the {count_words(offset)} up to {ctx.ref}", True)


RECENT_DAYS = {"days": 7, "weeks": 28, "months": 91}


def recent(groups: Groups, ctx: Context) -> Found:
    """'in recent days' ~ 7 days, 'in recent weeks' ~ 4 weeks, 'in recent months' ~ 3 months."""
    days = RECENT_DAYS[groups["unit"] or ""]
    if (groups.get("modifier") or "") == "coming":
        return day_range(ctx.reference + ONE_DAY, days_from(ctx.reference, days),
                         f"about {days} days after {ctx.ref}", True)
    return day_range(days_from(ctx.reference, -days), ctx.reference,
                     f"about {days} days up to {ctx.ref}", True)


def from_anchor(groups: Groups, ctx: Context) -> Found:
    """'two days later', '10 days after', 'a week before': offsets after count from the anchor's
    end, offsets before from its start (or from the inline date, '10 days after March 1')."""
    offset = offset_of(groups)
    base, words = base_span(groups, ctx)
    sign = -1 if (groups.get("relation") or "") in BACKWARD else 1
    if offset.low == offset.high and not offset.in_months:  # one day, most often
        day = (days_from(base.start, -offset.low) if sign < 0
               else days_from(base.end, offset.low))
        return one_day(day, f"{count_words(offset)} {'before' if sign < 0 else 'after'} {words}",
                       offset.approximate or offset.unit == "hour")
    start, end, note = moved(base.start if sign < 0 else base.end, offset, sign)
    return counted(start, end, offset,
                   f"{count_words(offset)} {'before' if sign < 0 else 'after'} {words}{note}")


def base_span(groups: Groups, ctx: Context) -> tuple[Span, str]:
    """The span an offset counts from: the inline date if written, else the event's anchor."""
    if groups.get("inner"):
        inner = ctx.resolve_inner(groups["inner"] or "", ctx)
        return Span(inner.start, inner.end), describe_span(inner.start, inner.end)
    return ctx.anchor_span, ctx.anchor_words


VAGUE_WINDOWS = {"hour": (0, 1, 0), "day": (2, 10, 0), "week": (7, 42, 0), "month": (0, 0, 6)}


def vague_from_anchor(groups: Groups, ctx: Context) -> Found:
    """'days after', 'weeks later', 'hours later': the plausible window after (or before)."""
    unit = (groups["unit"] or "").removesuffix("s")
    base, words = base_span(groups, ctx)
    sign = -1 if (groups.get("relation") or "") in BACKWARD else 1
    day = base.start if sign < 0 else base.end
    low, high, months = VAGUE_WINDOWS[unit]
    if months:
        a, b = add_months(day, sign)[0], add_months(day, sign * months)[0]
        span_words = "1 to 6 months"
    else:
        a, b = days_from(day, sign * low), days_from(day, sign * high)
        span_words = f"{low} to {high} days" if unit != "hour" else "the same or the next day"
    side = "before" if sign < 0 else "after"
    return day_range(min(a, b), max(a, b), f"{span_words} {side} {words}", True)


def vague_ago(groups: Groups, ctx: Context) -> Found:
    """'days ago', 'weeks ago': the plausible window before the reference."""
    unit = (groups["unit"] or "").removesuffix("s")
    low, high, months = VAGUE_WINDOWS[unit]
    ref = ctx.reference
    if months:
        start, end, words = add_months(ref, -months)[0], add_months(ref, -1)[0], "1 to 6 months"
    else:
        start, end = days_from(ref, -high), days_from(ref, -low)
        words = f"{low} to {high} days" if unit != "hour" else "the same or the previous day"
    return day_range(start, end, f"{words} before {ctx.ref}", True)


def soon_after(groups: Groups, ctx: Context) -> Found:
    """'shortly after', 'soon afterwards': the anchor's last day or the two after it."""
    base, words = base_span(groups, ctx)
    if (groups.get("relation") or "") in BACKWARD:
        return day_range(base.start - 2 * ONE_DAY, base.start, f"0 to 2 days before {words}", True)
    return day_range(base.end, base.end + 2 * ONE_DAY, f"0 to 2 days after {words}", True)


NEXT_DAY_WORDS = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1,
                  "before": -1, "prior": -1, "same": 0, "that": 0, "later": 0, "earlier": 0,
                  "on": 0}


DAY_STEP_WORDS = {1: "the day after", -1: "the day before", 0: "the same day as"}


def day_from_anchor(groups: Groups, ctx: Context) -> Found:
    """'the next day', 'the previous evening', 'that night', 'later that day'."""
    step = NEXT_DAY_WORDS[(groups.get("relation") or "").split()[0]]
    base, words = base_span(groups, ctx)
    if step == 0 and base.start != base.end:
        raise DateError(f"{words} covers several days, so the same day is not one day")
    day = base.start + step * ONE_DAY if step < 0 else base.end + step * ONE_DAY
    which = DAY_STEP_WORDS[step]
    return one_day(day, f"{which} {words}")


def part_of_anchor_unit(groups: Groups, ctx: Context) -> Found:
    """'later that month': the day after the anchor..the month's end; 'earlier' mirrors it."""
    span, unit = ctx.anchor_span, groups["unit"] or ""
    if unit == "week":
        first = days_from(span.start, -span.start.weekday())
        last = days_from(span.end, 6 - span.end.weekday())
    elif unit == "month":
        first = month_span(span.start.year, span.start.month)[0]
        last = month_span(span.end.year, span.end.month)[1]
    else:
        first, last = year_span(span.start.year)[0], year_span(span.end.year)[1]
    if groups["side"] == "later":
        return day_range(span.end + ONE_DAY, last,
                         f"after {ctx.anchor_words}, to the end of that {unit}")
    return day_range(first, span.start - ONE_DAY,
                     f"from the start of that {unit} to before {ctx.anchor_words}")


def since(groups: Groups, ctx: Context) -> Found:
    """'since X': from the start of X's span through the reference day."""
    inner_text = groups["inner"] or ""
    if inner_text == "then":
        start, what, approximate = ctx.anchor_span.start, ctx.anchor_words, False
    else:
        looking_back = Context(ctx.reference, ctx.anchor, "since", ctx.reference_label,
                               ctx.anchor_label, ctx.text, ctx.resolve_inner, ctx.in_range)
        inner = ctx.resolve_inner(inner_text, looking_back)
        start, approximate = inner.start, inner.approximate
        what = f"{describe_day(inner.start)} ({inner.reason})"
    if start > ctx.reference:
        raise DateError(f"{describe_day(start)} is after {ctx.ref}: 'since' needs a past start")
    return Found(start, ctx.reference, "range", approximate,
                 f"{start.isoformat()}/{ctx.reference.isoformat()}",
                 f"from {what} through {ctx.ref}")


HEDGE_DAYS = 2


def hedged(groups: Groups, ctx: Context) -> Found:
    """'around May 22': the day two either side; a hedged period keeps its span, approximate."""
    inner = ctx.resolve_inner(groups["inner"] or "", ctx)
    if inner.start != inner.end:
        return inner._replace(approximate=True, reason=f"{inner.reason}, hedged")
    return day_range(inner.start - HEDGE_DAYS * ONE_DAY, inner.end + HEDGE_DAYS * ONE_DAY,
                     f"{describe_day(inner.start)} ({inner.reason}), give or take "
                     f"{HEDGE_DAYS} days", True)


def week_of(groups: Groups, ctx: Context) -> Found:
    """'the week of March 4': the Monday-Sunday week holding that day."""
    inner = ctx.resolve_inner(groups["inner"] or "", ctx)
    monday = days_from(inner.start, -inner.start.weekday())
    year, week, _ = monday.isocalendar()
    return Found(monday, monday + 6 * ONE_DAY, "week", inner.approximate, f"{year}-W{week:02d}",
                 f"the Monday-Sunday week holding {describe_day(inner.start)}")


def possessive(groups: Groups, ctx: Context) -> Found:
    """"Friday's vote", "last week's meeting": the possessive names the day or period; the
    noun after it names the event and is left to the event."""
    inner = ctx.resolve_inner(groups["inner"] or "", ctx)
    noun = (groups.get("noun") or "").strip()
    what = f' ("{noun}" names the event)' if noun else ""
    return inner._replace(reason=f"{inner.reason}{what}")
