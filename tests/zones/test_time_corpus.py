"""Times of day read against a dateline's zone: one YAML file per zone and reference day, each
case's expected day and date-times worked out by hand (docs/dates.md has the rules)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from dateline.dates import DateError, resolve
from dateline.dates.timing import timed

CORPUS = Path(__file__).parent / "corpus"
FILES = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
         for path in sorted(CORPUS.glob("*.yaml"))}


def read(table: dict[str, Any], text: str) -> Any:
    reference: date = table["reference"]
    return timed(resolve(text, reference), text, table["zone"], "the dateline's city")


def cases(section: str) -> list[tuple[str, str]]:
    return [(name, text) for name, table in FILES.items() for text in table.get(section) or ()]


@pytest.mark.parametrize(("name", "text"), cases("cases"),
                         ids=[f"{n}:{t}" for n, t in cases("cases")])
def test_a_time_reads_as_its_date_times(name: str, text: str) -> None:
    table = FILES[name]
    expected = table["cases"][text]
    reading = read(table, text)
    assert reading.timing is not None, reading.explanation
    assert (reading.start, reading.end) == (expected["day"], expected["day"])
    assert reading.timing.start == expected["start"]
    assert reading.timing.end == expected.get("end", expected["start"])
    assert reading.timing.zone == table["zone"]
    assert reading.timing.granularity == expected["grain"]
    assert reading.timing.approximate is expected.get("approximate", False)
    assert reading.timing.part == expected.get("part", "")


@pytest.mark.parametrize(("name", "text"), cases("untimed"))
def test_words_without_a_time_keep_the_day_only(name: str, text: str) -> None:
    table = FILES[name]
    assert read(table, text) == resolve(text, table["reference"])


@pytest.mark.parametrize(("name", "text"), cases("errors"))
def test_an_ambiguous_zone_is_an_error_with_the_choices(name: str, text: str) -> None:
    table = FILES[name]
    with pytest.raises(DateError) as raised:
        read(table, text)
    assert raised.value.message.startswith(table["errors"][text])
    assert text[raised.value.offset:].lower().startswith(("ist", "cst"))


@pytest.mark.parametrize(("name", "text"), cases("mismatches"),
                         ids=[f"{n}:{t}" for n, t in cases("mismatches")])
def test_a_gmt_equivalent_that_disagrees_is_an_error_naming_both(name: str, text: str) -> None:
    table = FILES[name]
    with pytest.raises(DateError) as raised:
        read(table, text)
    assert raised.value.message.startswith(table["mismatches"][text])
    assert "one of the two times is wrong" in raised.value.message
    assert text[raised.value.offset:].startswith("(")  # the caret stands on the parenthesis


def test_without_a_zone_a_gmt_equivalent_keeps_the_day_named_and_says_so() -> None:
    text = "4:10 p.m. (0710 GMT) on Monday"
    day = resolve(text, date(2024, 1, 2))
    reading = timed(day, text, None, None)
    assert (reading.start, reading.end, reading.timing) == (date(2024, 1, 1), date(2024, 1, 1),
                                                            None)
    assert reading.explanation == (
        f"{day.explanation}; (0710 GMT) not checked: the article has no zone, so only its "
        "day is read")


def test_without_a_zone_the_day_is_all() -> None:
    text = "7:40 a.m. Tuesday"
    day = resolve(text, date(2024, 1, 24))
    assert timed(day, text, None, None) == day


def test_the_explanation_says_how_time_and_zone_were_read() -> None:
    reading = timed(resolve("7:40 a.m. Tuesday local time", date(2024, 1, 24)),
                    "7:40 a.m. Tuesday local time", "Asia/Baghdad", "Baghdad, Iraq")
    assert reading.explanation.endswith(
        "; 7:40 a.m. local time: Baghdad, Iraq (Asia/Baghdad) is UTC+3 in January")
    moved = timed(resolve("2300 GMT Monday", date(2024, 1, 24)), "2300 GMT Monday",
                  "Asia/Baghdad", "Baghdad, Iraq")
    assert moved.explanation.endswith(
        "; 2300 GMT is 02:00 on Tue 23 Jan 2024 in Baghdad, Iraq (Asia/Baghdad), UTC+3 in January")
    assert moved.timex == "2024-01-23"
