"""transport: what goes in comes back equal and of the same types; bad bytes are a ValueError."""

from __future__ import annotations

import marshal
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.engine import transport
from dateline.engine.transport import DATE, TUPLE, Codec, pack, unpack
from dateline.errors import ContentError
from dateline.load.article import load_article
from dateline.model import (
    Article,
    Event,
    EventSpec,
    Position,
    ResolvedDate,
    Site,
    SiteConfig,
    SourceRef,
    Span,
    Timeline,
    TimelineConfig,
)

ROOT = Path(__file__).resolve().parent.parent
HERE = Position("content/a.md", 10, 11)
SPEC = EventSpec(
    "strike", "Tuesday", "A strike.", "talks", "past", None, HERE, Position("content/a.md", 9, 9),
    None,
)  # fmt: skip
ARTICLE = Article(
    "content/a.md", "a", "Strikes", "Baghdad, Jan. 24", date(2024, 1, 24), date(2024, 1, 24),
    "the dateline", None, "https://example.org/a", "iraq", ("iraq", "strikes"), (SPEC, SPEC),
    "Body \u00e9\n", 12,
)  # fmt: skip
RESOLVED = ResolvedDate(
    date(2024, 1, 23), date(2024, 1, 23), "day", False, "2024-01-23", "Tuesday → Tue 23 Jan"
)
CONFIG = TimelineConfig("iraq", "Iraq", None, "oldest-first", "ap", "a4")
SOURCE = SourceRef("a", "content/a.md", "Strikes", "Wire", None, "Tuesday", 10)
EVENT = Event("strike", "iraq", RESOLVED, "A strike.", (SOURCE,), ("iraq",), "quoted")
TIMELINE = Timeline(CONFIG, (EVENT, EVENT), date(2024, 1, 25))
SITE = Site(SiteConfig("News", "en", (CONFIG,)), (TIMELINE,), (ARTICLE,), None)
EVERY_CLASS = [
    Span(date(1, 1, 1), date(9999, 12, 31)),
    RESOLVED,
    HERE,
    SPEC,
    ARTICLE,
    SOURCE,
    EVENT,
    CONFIG,
    TIMELINE,
    SITE.config,
    SITE,
    ContentError("content/a.md", 3, 0, "no title", hint="add one", source_line="---"),
]


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


@pytest.mark.parametrize("value", EVERY_CLASS, ids=lambda value: type(value).__name__)
def test_every_registered_class_comes_back_equal(value: object) -> None:
    assert same(unpack(pack(value)), value)


def test_the_defaults_and_the_span_property_survive() -> None:
    back = unpack(pack(ARTICLE))
    assert isinstance(back, Article) and back.timeline_at is None
    resolved = unpack(pack(RESOLVED))
    assert isinstance(resolved, ResolvedDate)
    assert resolved.span == Span(date(2024, 1, 23), date(2024, 1, 23))


def test_plain_values_and_containers_come_back() -> None:
    value = {
        "empty": (),
        "nested": ((), ((HERE,), [date(2024, 2, 29)])),
        "atoms": (1, -(2**70), 1.5, True, False, None, b"\x00\xff", "x"),
        "dict": {"inner": [ARTICLE, None]},
    }
    assert same(unpack(pack(value)), value)
    assert same(unpack(pack([(), []])), [(), []])


def test_a_real_article_from_the_example_site() -> None:
    path = ROOT / "content" / "2024-01-24-us-strikes-kataib-hezbollah.md"
    article, errors = load_article(f"content/{path.name}", path.read_bytes())
    assert errors == [] and article is not None and article.events
    assert same(unpack(pack((article, tuple(errors)))), (article, ()))


@given(
    st.text(),  # surrogates included
    st.dates(),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text() | st.dates(),
        lambda inner: (
            st.lists(inner, max_size=4).map(tuple)
            | st.lists(inner, max_size=4)
            | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        ),
        max_leaves=20,
    ),
)
def test_strings_dates_and_nesting_round_trip(text: str, day: date, tree: object) -> None:
    error = ContentError(text, 1, 2, text * 3, hint=None, source_line=text)
    value = (Span(day, day), error, tree, [tree])
    assert same(unpack(pack(value)), value)


def test_a_long_string_comes_back() -> None:
    text = "\ud800 long " * 200_000
    assert unpack(pack(ContentError("p", 0, 0, text))) == ContentError("p", 0, 0, text)


def test_other_classes_are_refused_at_pack() -> None:
    @dataclass(frozen=True)
    class Unregistered:
        name: str

    for value in (Unregistered("x"), {1: "int key"}, {"x"}, 1j, Position("p", True, 1)):
        with pytest.raises(TypeError):
            pack(value)


def test_a_codec_can_register_more_classes() -> None:
    @dataclass(frozen=True, slots=True)
    class Loaded:
        article: Article | None
        errors: tuple[ContentError, ...]
        body: str | None

    codec = Codec(transport.REGISTERED + (Loaded,))
    value = [Loaded(ARTICLE, (), "<p>x</p>"), Loaded(None, (ContentError("p", 1, 1, "m"),), None)]
    assert same(codec.unpack(codec.pack(value)), value)
    with pytest.raises(ValueError):  # a different class list has a different header
        unpack(codec.pack(value))
    with pytest.raises(TypeError):
        Codec((Loaded, Loaded))


def test_only_immutable_classes_can_be_registered() -> None:
    """Frozen dataclasses and NamedTuples; a mutable dataclass or a plain class is refused."""

    class Pair(NamedTuple):
        left: str
        right: int

    codec = Codec(transport.REGISTERED + (Pair,))
    assert same(codec.unpack(codec.pack([Pair("a", 1)])), [Pair("a", 1)])

    @dataclass
    class Mutable:
        name: str

    class Plain:
        name: str

    for refused in (Mutable, Plain, tuple):
        with pytest.raises(TypeError):
            Codec(transport.REGISTERED + (refused,))


HEADER = pack(None)[: len(pack(None)) - len(marshal.dumps(None, 4))]
POSITION_TAG = 2 + transport.REGISTERED.index(Position)
SPAN_TAG = 2 + transport.REGISTERED.index(Span)


@pytest.mark.parametrize(
    "tree",
    [
        (999, "x"),  # unknown tag
        (POSITION_TAG, "content/a.md", 10),  # a field missing
        (POSITION_TAG, "content/a.md", 10, 11, 12),  # a field too many
        (POSITION_TAG, 10, 10, 11),  # an int where a str belongs
        (POSITION_TAG, "p", True, 11),  # a bool is not an int
        (SPAN_TAG, (DATE, 1), (TUPLE, 1)),  # a tuple where a date belongs
        (SPAN_TAG, (DATE, 1), "2024-01-01"),
        (DATE, "738000"),
        (DATE, 0),  # not a valid ordinal
        (DATE, 1, 2),
        (),  # no tag
        ("Position", "p", 1, 1),  # a class name is not a tag
        ("dateline.model.Position", ("p", 1, 1)),
        (TUPLE, {1, 2}),  # marshal can write sets; we never do
        (TUPLE, 1j),
        (TUPLE, compile("1", "f", "eval")),
        {"key": (999,)},
        {1: "int key"},
        [(POSITION_TAG, "p", 1)],
        (2 + transport.REGISTERED.index(Article), *(["x"] * 15)),
    ],
)
def test_tampered_trees_are_a_value_error(tree: object) -> None:
    with pytest.raises(ValueError):
        unpack(HEADER + marshal.dumps(tree, 4))  # type: ignore[arg-type]


@given(st.binary(max_size=200), st.integers(min_value=0, max_value=10_000), st.binary(max_size=8))
def test_random_and_damaged_bytes_are_a_value_error(noise: bytes, at: int, patch: bytes) -> None:
    for data in (noise, HEADER + noise):
        try:
            unpack(data)
        except ValueError:
            pass
    good = pack(SITE)
    at %= len(good)
    damaged = good[:at] + patch + good[at + len(patch) :]
    try:
        back = unpack(damaged)
    except ValueError:
        return
    assert type(back) is Site  # a damaged string may still read, but only as a Site


def test_bytes_from_pickle_or_nothing_are_a_value_error() -> None:
    import pickle

    for data in (b"", pickle.dumps(ARTICLE), pack(ARTICLE)[:-1], b"DLT1" + b"\0" * 8):
        with pytest.raises(ValueError):
            unpack(data)
