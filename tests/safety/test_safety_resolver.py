"""The resolver takes any text a reporter can paste: it answers or raises DateError. (How fast
it does so on the worst of these texts: bench/resolver_worst_case.py.)"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dateline.dates import resolve
from dateline.errors import DateError
from dateline.model import Span

REFERENCE = date(2024, 1, 24)
ANCHOR = Span(date(2023, 10, 7), date(2023, 10, 7))
# Words the rules look for, so generated text reaches deep into the patterns, not just the lexer.
WORDS = (
    "last", "next", "this", "the", "of", "after", "before", "between", "and", "from", "to",
    "since", "early", "mid", "late", "days", "weeks", "months", "ago", "later", "earlier",
    "Monday", "Tuesday", "Jan.", "January", "October", "7", "10", "2023", "31st", "(local time)",
    "-", "–", ",", "'", "week", "weekend", "Christmas", "Q2", "2010s", "a", "few", "about",
    "1", "99999999999999999999", "0", "-5", "\u00a0", "\u200b", "\ud7ff", "\U0001f600",
)
ADVERSARIAL = (
    "", " ", "\0", "(" * 10_000, "-" * 10_000, "1" * 10_000, "9" * 201,
    "10 days after " * 700, "the day before " * 600, "last " * 2_000 + "Monday",
    "January " * 1_000, "a" * 10_000, "\u0130" * 5_000, "ß" * 5_000, "ﬃ" * 3_000,
    "Tuesday" + "\u0301" * 9_000, "early mid late " * 500, "between " * 1_000 + "and",
)
phrases = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
any_text = st.one_of(
    st.text(max_size=10_000),
    phrases,
    st.sampled_from(ADVERSARIAL),
    st.tuples(phrases, st.text(max_size=50), phrases).map("".join),
)


def resolve_all_ways(text: str) -> None:
    """Plain, anchored and future readings: each must answer or raise DateError only."""
    for kwargs in ({}, {"anchor": ANCHOR}, {"direction": "future"}):
        try:
            resolved = resolve(text, REFERENCE, **kwargs)  # type: ignore[arg-type]
        except DateError:
            continue
        assert resolved.start <= resolved.end


@given(any_text)
@example("10 days after " * 15)
@example("\ud800")
def test_any_text_resolves_or_raises_date_error(text: str) -> None:
    resolve_all_ways(text)  # (how fast: bench/resolver_worst_case.py)


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: f"{t[:12]!r}x{len(t)}")
def test_adversarial_texts_resolve_or_raise_date_error(text: str) -> None:
    resolve_all_ways(text)
    resolve_all_ways(text + " ")


@pytest.mark.parametrize("length", [201, 250, 1_000, 10_000])
def test_expressions_longer_than_200_characters_are_refused(length: int) -> None:
    text = ("Tuesday " + " " * length)[:length - 1] + "x"
    assert len(text) == length
    with pytest.raises(DateError, match="longer than 200 characters"):
        resolve(text, REFERENCE)


def test_an_expression_of_exactly_200_characters_is_read() -> None:
    text = "Tuesday" + " " * 193
    assert len(text) == 200
    assert resolve(text, REFERENCE).start == date(2024, 1, 23)
