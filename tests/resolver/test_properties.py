"""Properties of the resolver that must hold for every reference date and every grammatical input.

The corpus checks chosen cases; these check the rules themselves over 1990..2040, so a rule that is
right on the corpus's dates but wrong at some month end, leap day or ISO-week edge is still caught.
Every expectation is plain `datetime` arithmetic written here, never the resolver's own answer.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dateline.dates import resolve
from dateline.errors import DateError
from dateline.model import Direction, ResolvedDate, Span

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# Weekday wordings that all mean "the latest such day on or before the reference".
BARE_WEEKDAY_FORMS = (
    "{W}", "on {W}", "late {W}", "early {W}", "{W} night", "{W} morning", "9 p.m. {W}",
    "{W} at 4 p.m. GMT", "just before dawn on {W}", "late {W} (local time)", "{W.upper}",
)
# Expressions whose span never reaches past the reference, with direction "past".
PAST_LOOKING = (
    "yesterday", "today", "last night", "the day before yesterday", "last week", "last month",
    "last year", "over the weekend", "a week ago", "a fortnight ago",
    "two months ago", "a year ago", "a decade ago", "the week before last",
) + tuple(f"last {month}" for month in MONTHS) + tuple(f"last {day}" for day in WEEKDAYS)
# Grammatical expressions of every family; each must resolve (no DateError) on any reference.
GRAMMAR = PAST_LOOKING + (
    "tomorrow", "this week", "next week", "this month", "next month", "this year", "next year",
    "this weekend", "in three days", "a week from now", "the 2010s", "Q3 2021",
    "the second quarter", "Christmas Day", "Easter Sunday", "Thanksgiving", "last summer",
    "early March", "mid-2023", "the first half of 2022", "between March 1 and March 5",
    "March 1-5", "Sept. 11, 2001", "2023-12-25", "25/12/2023",
) + MONTHS + tuple(f"next {day}" for day in WEEKDAYS)

references = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
weekday_numbers = st.integers(min_value=0, max_value=6)
counts = st.integers(min_value=1, max_value=99)



def number_words(n: int) -> str:
    """'twenty-one' for 21: how wire copy spells counts."""
    if n < 20:
        return ONES[n]
    return TENS[n // 10] + (f"-{ONES[n % 10]}" if n % 10 else "")


def spell(n: int, in_words: bool) -> str:
    return number_words(n) if in_words else str(n)


def weekday_text(form: str, weekday: int) -> str:
    name = WEEKDAYS[weekday]
    return name.upper() if form == "{W.upper}" else form.format(W=name)


def assert_well_formed(result: ResolvedDate) -> None:
    assert result.start <= result.end, result
    assert result.explanation.strip(), "every result explains itself"
    assert result.timex.strip(), "every result has a TIMEX value"


@given(reference=references, text=st.sampled_from(GRAMMAR))
def test_every_grammatical_expression_resolves_to_an_ordered_span(
    reference: date, text: str
) -> None:
    assert_well_formed(resolve(text, reference))


@given(reference=references, text=st.sampled_from(PAST_LOOKING))
def test_past_looking_expressions_never_start_after_the_reference(
    reference: date, text: str
) -> None:
    result = resolve(text, reference)
    assert result.start <= reference, (text, reference, result)


@given(
    reference=references,
    weekday=weekday_numbers,
    form=st.sampled_from(BARE_WEEKDAY_FORMS),
)
def test_a_weekday_is_the_latest_such_day_on_or_before_the_reference(
    reference: date, weekday: int, form: str
) -> None:
    result = resolve(weekday_text(form, weekday), reference)
    assert result.start == result.end
    assert result.start.weekday() == weekday
    assert timedelta(0) <= reference - result.start < timedelta(days=7)


@given(reference=references, weekday=weekday_numbers)
def test_last_and_next_weekday_are_strictly_either_side(reference: date, weekday: int) -> None:
    last = resolve(f"last {WEEKDAYS[weekday]}", reference)
    following = resolve(f"next {WEEKDAYS[weekday]}", reference)
    assert last.start.weekday() == following.start.weekday() == weekday
    assert timedelta(days=1) <= reference - last.start <= timedelta(days=7)
    assert timedelta(days=1) <= following.start - reference <= timedelta(days=7)


@given(reference=references, weekday=weekday_numbers)
def test_a_weekday_in_a_preview_is_the_earliest_on_or_after(reference: date, weekday: int) -> None:
    result = resolve(WEEKDAYS[weekday], reference, direction="future")
    assert result.start == result.end
    assert result.start.weekday() == weekday
    assert timedelta(0) <= result.start - reference < timedelta(days=7)


@given(reference=references, n=counts, in_words=st.booleans())
def test_n_days_ago_is_exactly_n_days_back(reference: date, n: int, in_words: bool) -> None:
    unit = "day" if n == 1 else "days"
    result = resolve(f"{spell(n, in_words)} {unit} ago", reference)
    assert result.start == result.end == reference - timedelta(days=n)
    assert not result.approximate


@given(reference=references, n=counts, in_words=st.booleans())
def test_in_n_days_is_exactly_n_days_ahead(reference: date, n: int, in_words: bool) -> None:
    unit = "day" if n == 1 else "days"
    result = resolve(f"in {spell(n, in_words)} {unit}", reference)
    assert result.start == result.end == reference + timedelta(days=n)


@given(
    reference=references,
    anchor_start=references,
    length=st.integers(min_value=0, max_value=20),
    n=counts,
    in_words=st.booleans(),
)
def test_n_days_after_an_anchor_minus_n_days_is_the_anchors_end(
    reference: date, anchor_start: date, length: int, n: int, in_words: bool
) -> None:
    anchor = Span(anchor_start, anchor_start + timedelta(days=length))
    unit = "day" if n == 1 else "days"
    after = resolve(f"{spell(n, in_words)} {unit} after", reference, anchor=anchor)
    before = resolve(f"{spell(n, in_words)} {unit} before", reference, anchor=anchor)
    assert after.start == after.end
    assert after.start - timedelta(days=n) == anchor.end
    assert before.start + timedelta(days=n) == anchor.start


@given(
    reference=references,
    month=st.integers(min_value=1, max_value=12),
    day=st.integers(min_value=1, max_value=28),
    n=counts,
)
def test_n_days_after_an_inline_date_is_that_date_plus_n(
    reference: date, month: int, day: int, n: int
) -> None:
    inner = resolve(f"{MONTHS[month - 1]} {day}", reference)
    unit = "day" if n == 1 else "days"
    result = resolve(f"{number_words(n)} {unit} after {MONTHS[month - 1]} {day}", reference)
    assert (inner.start.month, inner.start.day) == (month, day)
    assert result.start == result.end == inner.start + timedelta(days=n)


@given(
    reference=references,
    month=st.integers(min_value=1, max_value=12),
    day=st.integers(min_value=1, max_value=28),
)
def test_a_month_day_is_that_day_and_within_a_year(reference: date, month: int, day: int) -> None:
    result = resolve(f"{MONTHS[month - 1]} {day}", reference)
    assert result.start == result.end
    assert (result.start.month, result.start.day) == (month, day)
    # closest, with the future counted double: never more than a year back or half a year ahead
    assert -timedelta(days=184) <= reference - result.start <= timedelta(days=366)


@given(reference=references, month=st.integers(min_value=1, max_value=12))
def test_a_month_is_that_whole_month(reference: date, month: int) -> None:
    result = resolve(MONTHS[month - 1], reference)
    assert result.start.month == result.end.month == month
    assert result.start.day == 1
    assert (result.end + timedelta(days=1)).day == 1
    last = resolve(f"last {MONTHS[month - 1]}", reference)
    assert (last.start.month, last.start.day) == (month, 1)
    assert (last.start.year, last.start.month) < (reference.year, reference.month)
    assert (last.start.year + 1, last.start.month) >= (reference.year, reference.month)


@given(reference=references)
def test_calendar_weeks_are_iso_weeks(reference: date) -> None:
    monday = reference - timedelta(days=reference.weekday())
    this_week = resolve("this week", reference)
    last_week = resolve("last week", reference)
    assert (this_week.start, this_week.end) == (monday, monday + timedelta(days=6))
    assert (last_week.start, last_week.end) == (
        monday - timedelta(days=7),
        monday - timedelta(days=1),
    )


@given(
    reference=references,
    text=st.sampled_from(GRAMMAR),
    other=st.sampled_from(GRAMMAR),
    future=st.booleans(),
)
def test_the_same_input_gives_the_same_output(
    reference: date, text: str, other: str, future: bool
) -> None:
    direction: Direction = "future" if future else "past"
    first = resolve(text, reference, direction=direction)
    resolve(other, reference + timedelta(days=3))  # nothing carries over between calls
    assert resolve(text, reference, direction=direction) == first


@given(text=st.text(max_size=10_000), reference=references)
def test_arbitrary_text_is_resolved_or_refused_with_a_date_error(
    text: str, reference: date
) -> None:
    try:
        result = resolve(text, reference)
    except DateError as error:
        assert error.message.strip()
    else:
        assert_well_formed(result)


# The date vocabulary: random phrases of it reach deep into the rules, random text rarely does.
DATE_WORDS = (
    WEEKDAYS + MONTHS + ONES[1:13] + (
        "days", "day", "weeks", "months", "year", "hours", "after", "before", "later", "earlier",
        "ago", "in", "on", "the", "that", "followed", "within", "since", "last", "next", "this",
        "early", "mid-", "late", "around", "about", "some", "roughly", "a", "of", "to", "and",
        "-", "\u2013", "through", "between", "from", "Christmas", "Easter", "2023", "Q2",
        "weekend", "quarter", "half", "p.m.", "(local time)", ",", "1st", "12th", "Sept.", "31",
        "29", "2024-02-30", "25/12/2023", "03/04/2024", "yesterday", "tomorrow", "week", "same",
        "following", "previous", "couple", "several", "twenty-one", "ninety-nine", "'90s",
    )
)


@example(words=["Monday", "-"], reference=date(2024, 3, 13), anchored=False, future=False)
@example(words=["in", "the", "days", "that", "followed"], reference=date(2024, 3, 13),
         anchored=True, future=False)
@example(words=["within", "days"], reference=date(2024, 3, 13), anchored=True, future=False)
@given(
    words=st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=6),
    reference=references,
    anchored=st.booleans(),
    future=st.booleans(),
)
def test_phrases_of_date_words_are_resolved_or_refused_with_a_date_error(
    words: list[str], reference: date, anchored: bool, future: bool
) -> None:
    days_back = (timedelta(days=9), timedelta(days=7))
    anchor = Span(reference - days_back[0], reference - days_back[1]) if anchored else None
    try:
        result = resolve(
            " ".join(words), reference, anchor=anchor, direction="future" if future else "past"
        )
    except DateError as error:
        assert error.message.strip()
    else:
        assert_well_formed(result)


@given(
    text=st.text(min_size=201, max_size=10_000).filter(lambda t: len(t.strip()) > 200),
    reference=references,
)
def test_text_over_200_characters_is_refused(text: str, reference: date) -> None:
    """(How fast: bench/resolver_worst_case.py.)"""
    with pytest.raises(DateError, match="longer than 200 characters"):
        resolve(text, reference)


@pytest.mark.parametrize("text", ["Monday " * 40, "March 1 " * 30, "x" * 10_000])
def test_long_wordings_of_real_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        resolve(text, date(2024, 3, 13))
