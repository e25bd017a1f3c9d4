"""records: each cached value comes back equal and of the same types through JSON text; any other
JSON is `Malformed`, never a value of another type."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.engine import records
from dateline.engine.articles import LoadedArticle, front_fingerprint, loaded_record, read_loaded
from dateline.engine.manifest import Manifest
from dateline.engine.records import Malformed
from dateline.errors import ContentError
from dateline.load.article import load_article
from dateline.model import (
    Article,
    DateProblem,
    Event,
    EventSpec,
    Position,
    ResolvedDate,
    SourceRef,
)

ROOT = Path(__file__).resolve().parent.parent
HERE = Position("content/a.md", 10, 11, "    when: Tuesday")
SPEC = EventSpec(
    "strike", "Tuesday", "A strike.", "talks", "past", None, HERE,
    Position("content/a.md", 9, 9, "  - id: strike"), Position("content/a.md", 11, 13, None), True,
)  # fmt: skip
ARTICLE = Article(
    "content/a.md", "a", "Strikes", "Baghdad, Jan. 24", date(2024, 1, 24), date(2024, 1, 24),
    "the dateline", None, "https://example.org/a", "iraq", ("iraq", "strikes"), (SPEC, SPEC),
    "Body \u00e9 \U0001f600\n", 12, Position("content/a.md", 5, 11, "timeline: iraq"),
)  # fmt: skip
RESOLVED = ResolvedDate(
    date(2024, 1, 23), date(2024, 1, 23), "day", False, "2024-01-23", "Tuesday → Tue 23 Jan"
)
SOURCE = SourceRef("a", "content/a.md", "Strikes", "Wire", None, "Tuesday", 10)
EVENT = Event("strike", "iraq", RESOLVED, "A strike.", (SOURCE, SOURCE), ("iraq",), "quoted")
ERROR = ContentError("content/a.md", 3, 0, "no title", hint="add one", source_line="---")
LOADED = LoadedArticle(
    ARTICLE, (ERROR,), "<p>x</p>", (RESOLVED, DateProblem("no such day", 4), None), "f" * 40
)

Write = Callable[[object], object]
Read = Callable[[object], object]
KINDS: list[tuple[object, Write, Read]] = [
    (HERE, records.position_record, records.read_position),  # type: ignore[list-item]
    (SPEC, records.event_spec_record, records.read_event_spec),  # type: ignore[list-item]
    (ARTICLE, records.article_record, records.read_article),  # type: ignore[list-item]
    (ERROR, records.content_error_record, records.read_content_error),  # type: ignore[list-item]
    (RESOLVED, records.resolved_record, records.read_resolved),  # type: ignore[list-item]
    (SOURCE, records.source_ref_record, records.read_source_ref),  # type: ignore[list-item]
    (EVENT, records.event_record, records.read_event),  # type: ignore[list-item]
    (LOADED, loaded_record, read_loaded),  # type: ignore[list-item]
]
IDS = [type(value).__name__ for value, _, _ in KINDS]


def same(left: object, right: object) -> bool:
    """Equal, and of the same type all the way down (1 == 1.0 == True would not do)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, tuple | list) and isinstance(right, tuple | list):
        return len(left) == len(right) and all(map(same, left, right))
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same(left[k], right[k]) for k in left)
    fields = getattr(left, "__dataclass_fields__", None)
    if fields is not None:
        return all(same(getattr(left, name), getattr(right, name)) for name in fields)
    return left == right


def through_json(record: object) -> object:
    return json.loads(json.dumps(record))


@pytest.mark.parametrize(("value", "write", "read"), KINDS, ids=IDS)
def test_each_cached_type_comes_back_equal_through_json(
    value: object, write: Write, read: Read
) -> None:
    assert same(read(through_json(write(value))), value)


@pytest.mark.parametrize(("value", "write", "read"), KINDS, ids=IDS)
def test_a_record_holds_every_field_of_its_type(value: object, write: Write, read: Read) -> None:
    """A field added to a model class must be added to its record too."""
    names = getattr(type(value), "_fields", None) or [f.name for f in dataclasses.fields(value)]  # type: ignore[arg-type]
    assert len(write(value)) == len(names)  # type: ignore[arg-type]


def test_optional_fields_and_empty_tuples_come_back() -> None:
    bare = dataclasses.replace(ARTICLE, url=None, tags=(), events=(), timeline_at=None)
    assert same(records.read_article(through_json(records.article_record(bare))), bare)
    nothing = LoadedArticle(None, (), None, (), "")
    assert same(read_loaded(through_json(loaded_record(nothing))), nothing)


def test_a_real_article_from_the_example_site() -> None:
    path = ROOT / "content" / "2024-01-24-us-strikes-kataib-hezbollah.md"
    article, errors = load_article(f"content/{path.name}", path.read_bytes())
    assert errors == [] and article is not None and article.events
    assert same(records.read_article(through_json(records.article_record(article))), article)


def test_the_front_fingerprint_ignores_the_body_alone() -> None:
    edited = dataclasses.replace(ARTICLE, body="Another body.\n", body_line=20)
    assert front_fingerprint(edited) == front_fingerprint(ARTICLE)
    retitled = dataclasses.replace(ARTICLE, title="Other strikes")
    assert front_fingerprint(retitled) != front_fingerprint(ARTICLE)


def test_a_manifest_comes_back_equal_through_json() -> None:
    manifest = Manifest(
        "inputs", "chrome", True, {"content/a.md": ("key", "front")},
        {"article:content/a.md": ("unit", {"articles/a.html": (1, 2, 3)})},
        {"content/a.md": ((4, 5, 6), "key")}, 1_700_000_000_000_000_000,
    )  # fmt: skip
    assert same(Manifest.read(through_json(manifest.record())), manifest)


POSITION = records.position_record(HERE)


@pytest.mark.parametrize(
    ("read", "record"),
    [
        (records.read_position, POSITION[:2]),  # a field missing
        (records.read_position, [*POSITION, 12]),  # a field too many
        (records.read_position, [10, 10, 11]),  # a number where text belongs
        (records.read_position, ["p", True, 11]),  # true is not a number
        (records.read_position, ["p", 1.0, 11]),
        (records.read_position, {"path": "p", "line": 1, "column": 1}),
        (records.read_position, "content/a.md:10:11"),
        (records.read_position, None),
        (records.read_resolved, ["2024-01-23", "2024-02-30", "day", False, "t", "e"]),
        (records.read_resolved, ["2024-01-23", "2024-01-23", "fortnight", False, "t", "e"]),
        (records.read_resolved, ["2024-01-23", "2024-01-23", "day", 0, "t", "e"]),
        (records.read_resolved, [738000, "2024-01-23", "day", False, "t", "e"]),
        (records.read_event_spec, [*records.event_spec_record(SPEC)[:4], "sideways",
                                   *records.event_spec_record(SPEC)[5:]]),
        (records.read_event, [*records.event_record(EVENT)[:4], "not a list",
                              *records.event_record(EVENT)[5:]]),
        (records.read_presolved, [{"problem": ["m", 1], "extra": 1}]),
        (records.read_presolved, [{"problem": ["m"]}]),
        (records.read_presolved, "not a list"),
        (read_loaded, [*loaded_record(LOADED)[:4]]),
        (Manifest.read, {"inputs": "x"}),
        (Manifest.read, None),
    ],
)
def test_a_record_of_the_wrong_shape_or_types_is_malformed(read: Read, record: object) -> None:
    with pytest.raises(Malformed):
        read(record)


def plain_json() -> st.SearchStrategy[object]:
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
        lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=5), inner),
        max_leaves=30,
    )


@settings(max_examples=150, deadline=None)
@given(plain_json())
def test_any_json_reads_as_the_type_asked_for_or_is_malformed(record: object) -> None:
    for value, _, read in KINDS:
        try:
            back = read(record)
        except Malformed:
            continue
        assert type(back) is type(value)


@settings(max_examples=100, deadline=None)
@given(st.text(), st.dates(), st.integers(min_value=0, max_value=10**30))
def test_any_text_date_and_number_round_trip(text: str, day: date, number: int) -> None:
    error = ContentError(text, number, 2, text * 3, hint=None, source_line=text)
    assert same(records.read_content_error(through_json(records.content_error_record(error))),
                error)
    resolved = ResolvedDate(day, day, "week", True, text, text)
    assert same(records.read_resolved(through_json(records.resolved_record(resolved))), resolved)
