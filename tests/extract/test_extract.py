"""Extraction: the accuracy targets on the hand-annotated set, and cases an editor relies on."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from dateline.dates.extract.candidates import extract

BENCH = Path(__file__).resolve().parents[2] / "bench" / "extract_accuracy.py"
WED = date(2024, 3, 13)  # Wednesday


def load_bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("extract_accuracy", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_precision_and_recall_meet_the_targets() -> None:
    bench = load_bench()
    paragraphs = bench.load_paragraphs()
    assert len(paragraphs) >= 40
    result = bench.score(paragraphs, bench.extract_spans)
    assert result.precision >= 0.97, result.false_alarms
    assert result.recall >= 0.93, result.misses


def test_news_figures_meet_the_targets() -> None:
    """The TempEval-3 news as bench/extract_accuracy.py scores it, without the peer."""
    bench = load_bench()
    news = [document for document in bench.all_documents() if document.timeml_spans]
    assert len(news) == 20
    finds, seconds = bench.timed_dateline(news, repeats=1)
    result = bench.tally(news, finds, seconds)
    precision, _, relaxed_f1 = bench.precision_recall_f1(result.relaxed, result)
    end_to_end_f1 = bench.precision_recall_f1(result.right, result)[2]
    assert precision >= 0.95, result.false_alarms
    assert relaxed_f1 >= 0.93, result.misses
    assert end_to_end_f1 >= 0.85, result.wrong_values


def texts(text: str) -> list[str]:
    return [found.text for found in extract(text, WED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said on Tuesday that talks would resume.", ["Tuesday"]),
        ("Talks collapsed late Monday and resumed at dawn on Thursday.",
         ["late Monday", "Thursday"]),
        ("The curfew has held since Feb. 5, 2010, police said.", ["since Feb. 5, 2010"]),
        ("Shops close between Christmas Day and Dec. 27.", ["between Christmas Day and Dec. 27"]),
        ("It came 10 days after October 7.", ["10 days after October 7"]),
        ("We may see more rain, and the march on the capital went ahead.", []),
        ("The Sunday Times said April Dunmore and Wednesday Addams were there.", []),
        ('"May God protect them," she said beside the Christmas tree.', []),
        ("It was the second time in a fortnight that 3 people died on Route 66.", []),
        ("The 14th Amendment was cited in the 2020 election case.", ["2020"]),
        ("Fall Out Boy played a summer camp.", []),
        ("It was his 2018 deal, signed in 2016.", ["2018", "2016"]),
    ],
)
def test_finds_dates_and_leaves_look_alikes(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_point_into_the_text_given() -> None:
    text = "Rockets hit the base\non Tuesday night."
    (found,) = extract(text, WED)
    assert (found.start, found.end) == (24, 37)  # len("Rockets hit the base\non ") == 24
    assert text[found.start:found.end] == "Tuesday night"


def test_each_find_carries_its_resolution() -> None:
    tuesday, later, wrong = extract(
        "Rockets hit on Tuesday; two days later the base closed. It reopened February 30.", WED
    )
    assert tuesday.resolved is not None
    assert (tuesday.resolved.start, tuesday.resolved.end) == (date(2024, 3, 12), date(2024, 3, 12))
    assert later.text == "two days later" and later.needs_anchor and later.resolved is None
    assert wrong.text == "February 30" and wrong.resolved is None
    assert wrong.error is not None and "February" in wrong.error


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Years without a preposition, as TimeML marks them.
        ("Police reopened the inquiry into the 1996 bombing.", ["1996"]),
        ("Sales slowed going into 1990, the firm said.", ["1990"]),
        ("He cited a 2009 analysis by the budget office.", ["2009"]),
        ("The swine flu pandemic of 2009-2010 killed 348 children.", ["2009-2010"]),
        ("He joined the expedition of 1957-58 as its photographer.", ["1957-58"]),
        ("It was among the great journeys of the 20th century.", ["the 20th century"]),
        ("\"We came here in nineteen ninety-six,\" she said.", ["nineteen ninety-six"]),
        ("Some eighteen hundred soldiers and two thousand people left.", []),
        # Business-calendar wording.
        ("Net income rose in fiscal 1989 on higher prices.", ["fiscal 1989"]),
        ("The agency cut its budget this fiscal year.", ["this fiscal year"]),
        ("Debt will be repaid by year-end.", ["year-end"]),
        ("Sales rose 4% from the 1988 period.", ["the 1988 period"]),
        ("Flu reports peaked by the end of year.", ["the end of year"]),
        ("The console is currently selling for $250.", ["currently"]),
        # Numbers and names that are not dates.
        ("It was the 20% rise that worried traders.", []),
        ("Of the 4.9 million people polled, most agreed.", []),
        ("Of the 2,500 troops sent, half came home.", []),
        ("He ran the 26.2-mile course in three hours.", []),
        ("More than 2000 people marched on Route 2010 at 1900 GMT.", []),
        ("Thousands joined the March for Life rally.", []),
        ("He told ABC's This Week that he would run.", []),
        ("Now that he has left, the party is split.", []),
    ],
)
def test_finds_what_newswire_annotators_mark(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "whole", "parts"),
    [
        ("Prices have doubled since 1990.", "since 1990", ["1990"]),
        ("Output fell between 1994 and 1997.", "between 1994 and 1997", ["1994", "1997"]),
        ("The pandemic of 2009-2010 was mild.", "2009-2010", ["2009", "2010"]),
        ("It came 10 days after October 7.", "10 days after October 7", ["October 7"]),
        ("He joined the expedition of 1957-58.", "1957-58", ["1957", "58"]),
        ("It will be paid off eight years from now.", "eight years from now", ["now"]),
    ],
)
def test_a_range_or_count_yields_its_dates_too(text: str, whole: str, parts: list[str]) -> None:
    (found,) = extract(text, WED)
    assert found.text == whole
    assert [part.text for part in found.parts] == parts
    assert all(part.resolved is not None for part in found.parts)


def test_the_short_end_of_a_year_range_is_read_as_its_full_year() -> None:
    (found,) = extract("He joined the expedition of 1957-58.", WED)
    first, last = found.parts
    assert first.resolved is not None and last.resolved is not None
    assert (first.resolved.start, last.resolved.end) == (date(1957, 1, 1), date(1958, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit fell from the year-earlier quarter.", "the year-earlier"),
        ("Sales for the full year rose 3%.", "the full year"),
        ("Sales had risen 5% a year earlier.", "a year earlier"),
        ("Later that year he resigned.", "Later that year"),
    ],
)
def test_wordings_that_count_from_another_date_are_marked_as_needing_an_anchor(
    text: str, expected: str
) -> None:
    (found,) = extract(text, WED)
    assert (found.text, found.needs_anchor, found.resolved) == (expected, True, None)


def test_now_is_found_as_the_time_of_writing_not_an_event_date() -> None:
    (found,) = extract("The upper house must now pass it.", WED)
    assert (found.text, found.present) == ("now", True)
    assert found.resolved is not None and found.resolved.start == WED
