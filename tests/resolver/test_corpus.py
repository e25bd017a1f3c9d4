"""The resolver corpus: every tests/resolver/corpus/*.yaml file, one test per expression.

File format (shared by every corpus file):
    reference: 2024-01-24              required
    anchor: 2024-01-20 | "a..b"        optional default for the cases
    direction: past | future           optional default
    cases:   {expression: day | [start, end] | {span, approximate, granularity, timex,
              explanation, anchor, direction, ongoing}}   (only the keys given are checked)
    errors:  {expression: text the message must contain | {message, anchor, direction}}
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from dateline.dates import DateError, Span, resolve

CORPUS = Path(__file__).parent / "corpus"
CHECKED_KEYS = {"span", "approximate", "granularity", "timex", "explanation", "anchor",
                "direction", "ongoing"}


@dataclass(frozen=True)
class Case:
    file: str
    expression: Any  # str when the file is well formed; anything else fails with advice
    reference: date
    anchor: Span | None
    direction: str
    expected: dict[str, Any]  # for errors: {"message": ...}
    is_error: bool


def to_date(value: object, where: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value.strip())
    raise ValueError(f"{where}: {value!r} is not a YYYY-MM-DD date")


def to_span(value: object, where: str) -> Span:
    """'2024-01-20', a date, '2024-01-20..2024-01-22' or [start, end]."""
    if isinstance(value, str) and ".." in value:
        first, last = value.split("..", 1)
        return Span(to_date(first, where), to_date(last, where))
    if isinstance(value, list):
        if len(value) != 2:
            raise ValueError(f"{where}: a span is [start, end], got {value!r}")
        return Span(to_date(value[0], where), to_date(value[1], where))
    day = to_date(value, where)
    return Span(day, day)


class StrictLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys silently; a corpus must not lose a case so."""


def mapping_without_duplicates(loader: StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    keys = [loader.construct_object(key) for key, _ in node.value]
    repeated = {key for key in keys if keys.count(key) > 1}
    if repeated:
        raise ValueError(f"line {node.start_mark.line + 1}: keys repeated: "
                         f"{sorted(map(str, repeated))}")
    return loader.construct_mapping(node)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                             mapping_without_duplicates)


def read_file(path: Path) -> Iterator[Case]:
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader) or {}
    reference = to_date(document["reference"], f"{path.name}: reference")
    default_anchor = document.get("anchor")
    default_direction = document.get("direction", "past")
    sections = (("cases", False), ("errors", True))
    for section, is_error in sections:
        for expression, value in (document.get(section) or {}).items():
            where = f"{path.name}: {expression!r}"
            expected = dict(value) if isinstance(value, dict) else (
                {"message": value} if is_error else {"span": value})
            anchor_value = expected.pop("anchor", default_anchor)
            anchor = None if anchor_value is None else to_span(anchor_value, where)
            direction = expected.pop("direction", default_direction)
            yield Case(path.name, expression, reference, anchor, direction, expected, is_error)


def all_cases() -> list[Case]:
    return [case for path in sorted(CORPUS.glob("*.yaml")) for case in read_file(path)]


CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file}: {c.expression}" for c in CASES])
def test_expression(case: Case) -> None:
    if not isinstance(case.expression, str):
        pytest.fail(f"{case.file}: key {case.expression!r} was read by YAML as "
                    f"{type(case.expression).__name__}; quote it")
    if case.is_error:
        with pytest.raises(DateError) as raised:
            resolve(case.expression, case.reference, anchor=case.anchor,
                    direction=case.direction)  # type: ignore[arg-type]
        wanted = str(case.expected["message"]).lower()
        assert wanted in raised.value.message.lower(), raised.value.message
        return
    unknown = set(case.expected) - CHECKED_KEYS
    assert not unknown, f"unknown keys {unknown} in {case.file}"
    got = resolve(case.expression, case.reference, anchor=case.anchor,
                  direction=case.direction)  # type: ignore[arg-type]
    if "span" in case.expected:
        span = to_span(case.expected["span"], case.file)
        assert (got.start, got.end) == (span.start, span.end), got.explanation
    for key in ("approximate", "granularity", "timex", "ongoing"):
        if key in case.expected:
            assert getattr(got, key) == case.expected[key], (key, got)
    if "explanation" in case.expected:
        assert case.expected["explanation"] in got.explanation, got.explanation


def test_the_corpus_is_large_and_varied() -> None:
    """Wide enough to trust: at least 500 cases over at least 8 reference dates."""
    references = {case.reference for case in CASES}
    assert len(CASES) >= 500 and len(references) >= 8, (len(CASES), len(references))
