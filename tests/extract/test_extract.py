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
        ("The 14th Amendment was cited in the 2020 election case.", []),
        ("Fall Out Boy played a summer camp.", []),
        ("It was his 2018 deal, signed in 2016.", ["2016"]),
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
