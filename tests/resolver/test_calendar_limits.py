"""Near 1 January 1 and 31 December 9999, the ends of the calendar `date` can write, every
expression of the corpus resolves or is refused with a DateError: never another exception."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_corpus import CASES  # same folder: pytest puts it on sys.path

from dateline.dates import DateError, resolve
from dateline.model import Direction, Span

EXPRESSIONS = sorted({case.expression for case in CASES if isinstance(case.expression, str)}
                     | {"999 years ago", "in 999 decades", "999 decades later", "Q1 2024"})
FIRST_WEEKS = st.dates(min_value=date.min, max_value=date.min + timedelta(days=400))
LAST_WEEKS = st.dates(min_value=date.max - timedelta(days=400), max_value=date.max)
near_a_limit = st.one_of(FIRST_WEEKS, LAST_WEEKS)


@st.composite
def anchors(draw: st.DrawFn) -> Span:
    start = draw(near_a_limit)
    length = draw(st.integers(min_value=0, max_value=3))
    return Span(start, date.fromordinal(min(start.toordinal() + length, date.max.toordinal())))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.sampled_from(EXPRESSIONS), reference=near_a_limit, anchor=anchors(),
       direction=st.sampled_from(("past", "future")))
@example(text="tomorrow", reference=date.max, anchor=Span(date.max, date.max), direction="past")
@example(text="yesterday", reference=date.min, anchor=Span(date.min, date.min), direction="past")
@example(text="10 days after", reference=date.max, anchor=Span(date.max, date.max),
         direction="past")
def test_any_expression_near_either_end_of_the_calendar_resolves_or_raises_date_error(
    text: str, reference: date, anchor: Span, direction: Direction
) -> None:
    for given_anchor in (None, anchor):
        try:
            resolved = resolve(text, reference, anchor=given_anchor, direction=direction)
        except DateError as error:
            assert error.message.strip()
        else:
            assert date.min <= resolved.start <= resolved.end <= date.max
