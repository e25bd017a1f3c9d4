"""The library API that docs/api.md promises: `from dateline import resolve, extract`."""

from __future__ import annotations

from datetime import date

import pytest

import dateline
from dateline import DateError, Mention, ResolvedDate, Span, extract, resolve


def test_resolve_reads_one_expression_and_says_how() -> None:
    reading = resolve("Tuesday (local time)", date(2024, 1, 24))  # a Wednesday
    assert isinstance(reading, ResolvedDate)
    assert (reading.start, reading.end, reading.granularity) == (
        date(2024, 1, 23), date(2024, 1, 23), "day")
    assert reading.explanation.startswith("Tuesday (local time):")


def test_resolve_counts_from_an_anchor_and_refuses_what_it_cannot_read() -> None:
    later = resolve("two days later", date(2024, 1, 24), anchor=Span(date(2024, 1, 10),
                                                                     date(2024, 1, 10)))
    assert later.start == date(2024, 1, 12)
    with pytest.raises(DateError) as raised:
        resolve("Tusday", date(2024, 1, 24))
    assert 'did you mean "Tuesday"' in raised.value.message


def test_extract_finds_every_date_of_a_text_with_its_offsets() -> None:
    text = "Rescuers reached the men on Sunday, 17 days after the collapse on Aug. 5."
    found = extract(text, date(2010, 8, 23))  # a Monday
    assert all(isinstance(mention, Mention) for mention in found)
    assert [text[m.start:m.end] for m in found] == [m.text for m in found]
    sunday = next(m for m in found if m.text == "Sunday")
    assert sunday.resolved is not None and sunday.resolved.start == date(2010, 8, 22)
    assert any(m.text.startswith("Aug. 5") for m in found)


def test_the_version_is_the_projects() -> None:
    assert dateline.__version__ and dateline.__version__[0].isdigit()
