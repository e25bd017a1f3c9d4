"""What builders share: the call's context, their result, and readers for matched words."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from typing import Literal, NamedTuple

from dateline.dates import lexicon
from dateline.dates.spans import day_words, describe_day, describe_span
from dateline.errors import DateError
from dateline.model import Granularity, Span

Groups = Mapping[str, str | None]
# How to choose among occurrences: the call's direction, or "since" (latest on or before).
Choice = Literal["past", "future", "since"]


class Found(NamedTuple):
    """A builder's answer; resolve adds the expression text to `reason` for the explanation."""

    start: date
    end: date
    granularity: Granularity
    approximate: bool
    timex: str
    reason: str


class Context(NamedTuple):
    """Everything a builder may look at besides the matched words."""

    reference: date
    anchor: Span | None
    direction: Choice
    reference_label: str
    anchor_label: str
    text: str  # the expression as written, for messages
    resolve_inner: Callable[[str, Context], Found]  # for "since X", ranges, inline anchors
    in_range: bool = False  # reading one side of a range: a range there is refused

    @property
    def ref(self) -> str:
        """'the reference, Wed 13 Mar 2024' (see `reference_words`): worked out when a builder's
        explanation names the reference, not on every call ('the date as written' does not)."""
        return reference_words(self.reference_label, self.reference)

    @property
    def anchor_span(self) -> Span:
        if self.anchor is None:  # resolve checks this first; kept for type narrowing
            raise DateError("this expression counts from another event: add `anchor:`")
        return self.anchor

    @property
    def anchor_words(self) -> str:
        span = self.anchor_span
        return anchor_words(self.anchor_label, span.start, span.end)


@lru_cache(maxsize=4096)
def anchor_words(label: str, start: date, end: date) -> str:
    """'the anchor, Fri 1 Mar 2024': memoised like `reference_words`, for anchored wordings."""
    return with_day(label, describe_span(start, end))


@lru_cache(maxsize=4096)
def reference_words(label: str, day: date) -> str:
    """'the reference, Wed 13 Mar 2024' (the label alone when it already names the day): most
    explanations end with it, so it is worked out once per reference, not once per builder.
    (Its own memo is enough: going through describe_day's too cost a second miss per day.)"""
    return with_day(label, day_words(day))


def outside_calendar(ctx: Context) -> DateError:
    """The error for a reading that needs a day before 1 January 1 or after 31 December 9999
    (as its answer, or as a candidate the answer is chosen among): `date` holds no other
    years, and moving the answer back into range would be a guess."""
    counted_from = ctx.anchor_words if ctx.anchor is not None else ctx.ref
    return DateError(f'"{ctx.text}" falls outside the years {date.min.year} to {date.max.year}: '
                     f"counted from {counted_from}, its reading needs a day beyond them")


def as_written(text: str, words: str, start: int = 0) -> tuple[str, int]:
    """Matched `words` (lower case, as the rules read them) as `text` writes them ("Sunday",
    "Jan.", "New Year"), and where they end in it: an explanation quotes the writer's words.
    The words themselves when the text spells them otherwise."""
    at = text.lower().find(words, start)
    written = text[at:at + len(words)] if at >= 0 else ""
    if written.lower() != words:
        return words, start
    return written, at + len(words)


def with_day(label: str, day_words: str) -> str:
    return label if day_words in label else f"{label}, {day_words}"


def one_day(day: date, reason: str, approximate: bool = False) -> Found:
    """A single day, the most frequent answer: tuple.__new__ as in `resolve.resolve`."""
    return tuple.__new__(Found, (day, day, "day", approximate, day.isoformat(), reason))


def day_range(start: date, end: date, reason: str, approximate: bool = False) -> Found:
    """A run of days aligned to no calendar unit: granularity 'range', timex 'start/end'."""
    if start == end:
        return one_day(start, reason, approximate)
    if end < start:
        raise DateError(f"this would end ({describe_day(end)}) before it starts "
                        f"({describe_day(start)})")
    return Found(start, end, "range", approximate, f"{start.isoformat()}/{end.isoformat()}",
                 reason)


# The converters below are pure functions of a word from a small closed set, so they are memoised
# (bounded): resolve calls them on every expression, and the words repeat endlessly.
@lru_cache(maxsize=1024)
def number_of(word: str) -> int:
    """'12', '12th', 'twelfth', 'twelve' → 12; '1,000' → 1000."""
    word = word.strip()
    digits = word.rstrip("stndrh").replace(",", "")
    if digits.isdigit():
        return int(digits)
    if word in lexicon.ORDINAL_WORDS:
        return lexicon.ORDINAL_WORDS[word]
    return lexicon.NUMBER_WORDS[word]


@lru_cache(maxsize=256)
def month_of(word: str) -> int:
    return lexicon.MONTHS[word.rstrip(".")]


@lru_cache(maxsize=256)
def weekday_of(word: str) -> int:
    """'Tues.' → 1; plural 'Fridays' (in "three Fridays ago") → 4."""
    word = word.rstrip(".")
    return lexicon.WEEKDAYS[word[:-1] if word.endswith("days") else word]


def checked_date(year: int, month: int, day: int, text: str) -> date:
    """A real calendar day, or a DateError that says why not."""
    if not 1 <= month <= 12:
        raise DateError(f'"{text}" is not a real date: there is no month {month}')
    try:
        return date(year, month, day)
    except ValueError:
        name = lexicon.MONTH_NAMES[month - 1]
        raise DateError(f'"{text}" is not a real date: {name} {year} has no day {day}') from None


class Offset(NamedTuple):
    """A counted length: `low`..`high` days, or months when `in_months`."""

    low: int
    high: int
    in_months: bool
    unit: str  # day, week, fortnight, month, year, decade, hour
    approximate: bool


def offset_of(groups: Groups) -> Offset:
    """Read QUANTITY's groups: the count, any 'and a half', the unit, and how a hedge widens it."""
    return offset_from_words(groups["unit"] or "day", groups.get("count"), groups.get("half_a"),
                             groups.get("half_before") or groups.get("half_after"),
                             groups.get("hedge") or ("about" if groups.get("or_so") else None))


@lru_cache(maxsize=1024)
def offset_from_words(unit_word: str, count_word: str | None, half_a: str | None,
                      and_a_half: str | None, hedge_word: str | None) -> Offset:
    """Memoised (bounded, pure): the same few counts recur in every story."""
    unit = unit_word.removesuffix("s")
    if half_a:
        amount: float = 0.5
        vague: tuple[int, int] | None = None
    else:
        count = count_word or "a"
        vague = lexicon.VAGUE_COUNTS.get(count)
        amount = float(vague[0]) if vague else float(number_of(count))
    if and_a_half:
        amount += 0.5
    hedge = lexicon.HEDGES.get(hedge_word or "", "exact")
    scale: float
    if unit in lexicon.CALENDAR_UNITS and (amount * lexicon.CALENDAR_UNITS[unit]).is_integer():
        scale, in_months = lexicon.CALENDAR_UNITS[unit], True
    elif unit in lexicon.CALENDAR_UNITS:
        scale, in_months = lexicon.CALENDAR_UNITS[unit] * 30.4375, False
    elif unit == "hour":
        scale, in_months = 1 / 24, False
    else:
        scale, in_months = lexicon.DAY_UNITS[unit], False
    point: float = amount * scale
    low = high = point
    if vague:
        high = vague[1] * scale
    elif hedge != "exact":
        width = max(1.0, round(point / 5)) if unit != "hour" else max(point / 5, 1 / 24)
        low = point - width if hedge in ("around", "under") else point
        high = point + width if hedge in ("around", "over") else point
    approximate = bool(vague) or hedge != "exact" or not (low.is_integer() and high.is_integer())
    return Offset(math.floor(low), math.ceil(high), in_months, unit, approximate)


@lru_cache(maxsize=1024)
def count_words(offset: Offset) -> str:
    """'3 days', '2 to 4 days', '1 month': how an explanation states an offset."""
    noun = "month" if offset.in_months else "day"
    if offset.low == offset.high:
        return f"{offset.low} {noun}{'' if offset.low == 1 else 's'}"
    return f"{offset.low} to {offset.high} {noun}s"
