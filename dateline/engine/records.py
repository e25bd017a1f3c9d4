"""Model values as plain JSON and back, for the on-disk cache: two functions per type.

A record is a JSON array of the value's fields in their declared order: dates as ISO text, a
`Literal` as its text, a missing optional value as null, a tuple as an array. Reading checks
the length of every record and the type of every field and raises `Malformed` for anything
else, so a cache file can only ever give back the values these functions build: no other
type, and no code run. Records are positional to keep the files small; the functions below are
the schema, and `tests/test_records.py` checks that they cover every field of each class.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateline.errors import ContentError
from dateline.model import (
    Article,
    DateProblem,
    Direction,
    Event,
    EventSpec,
    Granularity,
    Position,
    Presolved,
    ResolvedDate,
    SourceRef,
    Status,
    TimeGranularity,
    Timing,
)

T = TypeVar("T")
GRANULARITIES: frozenset[str] = frozenset(typing.get_args(Granularity))
DIRECTIONS: frozenset[str] = frozenset(typing.get_args(Direction))
STATUSES: frozenset[str] = frozenset(typing.get_args(Status))
TIME_GRANULARITIES: frozenset[str] = frozenset(typing.get_args(TimeGranularity))


class Malformed(ValueError):
    """A record that this version of dateline did not write: the cache entry is a miss."""


# Reading the fields: each returns the value with its exact type, or raises Malformed.


def fields(record: object, size: int) -> list[object]:
    if type(record) is not list or len(record) != size:
        raise Malformed(f"expected an array of {size} fields")
    return record


def text(value: object) -> str:
    if type(value) is not str:
        raise Malformed(f"expected text, found {type(value).__name__}")
    return value


def count(value: object) -> int:
    if type(value) is not int:  # JSON's true and false read as bool, never as int
        raise Malformed(f"expected a whole number, found {type(value).__name__}")
    return value


def flag(value: object) -> bool:
    if type(value) is not bool:
        raise Malformed(f"expected true or false, found {type(value).__name__}")
    return value


def day(value: object) -> date:
    try:
        return date.fromisoformat(text(value))
    except ValueError:
        raise Malformed("expected a date as YYYY-MM-DD") from None


def optional(read: Callable[[object], T], value: object) -> T | None:
    return None if value is None else read(value)


def items(read: Callable[[object], T], value: object) -> tuple[T, ...]:
    if type(value) is not list:
        raise Malformed("expected an array")
    return tuple(map(read, value))


def texts(value: object) -> tuple[str, ...]:
    return items(text, value)


def _granularity(value: object) -> Granularity:
    if value not in GRANULARITIES:
        raise Malformed("expected a granularity")
    return typing.cast(Granularity, value)


def _status(value: object) -> Status:
    if value not in STATUSES:
        raise Malformed("expected an event status")
    return typing.cast(Status, value)


def _direction(value: object) -> Direction:
    if value not in DIRECTIONS:
        raise Malformed("expected a direction")
    return typing.cast(Direction, value)


# One writer and one reader per type.


def position_record(position: Position) -> list[object]:
    return [position.path, position.line, position.column, position.source_line]


def read_position(record: object) -> Position:
    path, line, column, source_line = fields(record, 4)
    return Position(text(path), count(line), count(column), optional(text, source_line))


def event_spec_record(spec: EventSpec) -> list[object]:
    anchor_at = None if spec.anchor_at is None else position_record(spec.anchor_at)
    return [
        spec.id, spec.when, spec.what, spec.anchor, spec.direction, spec.quote,
        position_record(spec.at), position_record(spec.id_at), anchor_at, spec.direction_stated,
    ]  # fmt: skip


def read_event_spec(record: object) -> EventSpec:
    spec_id, when, what, anchor, direction, quote, at, id_at, anchor_at, stated = fields(
        record, 10)
    return EventSpec(
        text(spec_id), text(when), text(what), optional(text, anchor), _direction(direction),
        optional(text, quote), read_position(at), read_position(id_at),
        optional(read_position, anchor_at), flag(stated),
    )  # fmt: skip


def article_record(article: Article) -> list[object]:
    timeline_at = None if article.timeline_at is None else position_record(article.timeline_at)
    return [
        article.path, article.stem, article.title, article.dateline,
        article.published.isoformat(), article.reference.isoformat(), article.reference_note,
        article.source, article.url, article.timeline, list(article.tags),
        [event_spec_record(spec) for spec in article.events], article.body, article.body_line,
        timeline_at, article.place, article.zone, article.zone_note, article.dateline_line,
    ]  # fmt: skip


def read_article(record: object) -> Article:
    (
        path, stem, title, dateline, published, reference, reference_note, source, url,
        timeline, tags, events, body, body_line, timeline_at, place, zone, zone_note,
        dateline_line,
    ) = fields(record, 19)  # fmt: skip
    return Article(
        text(path), text(stem), text(title), text(dateline), day(published), day(reference),
        text(reference_note), optional(text, source), optional(text, url), text(timeline),
        texts(tags), items(read_event_spec, events), text(body), count(body_line),
        optional(read_position, timeline_at), optional(text, place), optional(text, zone),
        text(zone_note), count(dateline_line),
    )  # fmt: skip


def content_error_record(error: ContentError) -> list[object]:
    return [error.path, error.line, error.column, error.message, error.hint, error.source_line]


def read_content_error(record: object) -> ContentError:
    path, line, column, message, hint, source_line = fields(record, 6)
    return ContentError(
        text(path), count(line), count(column), text(message), optional(text, hint),
        optional(text, source_line),
    )  # fmt: skip


def resolved_record(resolved: ResolvedDate) -> list[object]:
    return [
        resolved.start.isoformat(), resolved.end.isoformat(), resolved.granularity,
        resolved.approximate, resolved.timex, resolved.explanation, resolved.ongoing,
        None if resolved.timing is None else timing_record(resolved.timing),
    ]  # fmt: skip


def read_resolved(record: object) -> ResolvedDate:
    start, end, granularity, approximate, timex, explanation, ongoing, timing = fields(record, 8)
    return ResolvedDate(
        day(start), day(end), _granularity(granularity), flag(approximate), text(timex),
        text(explanation), flag(ongoing), optional(read_timing, timing),
    )  # fmt: skip


def timing_record(timing: Timing) -> list[object]:
    return [timing.start, timing.end, timing.zone, timing.granularity, timing.approximate,
            timing.part]


def read_timing(record: object) -> Timing:
    start, end, zone, granularity, approximate, part = fields(record, 6)
    if granularity not in TIME_GRANULARITIES:
        raise Malformed("expected a time granularity")
    try:
        for moment in (start, end):
            datetime.fromisoformat(text(moment))
        ZoneInfo(text(zone))
    except (ValueError, ZoneInfoNotFoundError):
        raise Malformed("expected date-times and a zone name") from None
    return Timing(text(start), text(end), text(zone),
                  typing.cast(TimeGranularity, granularity), flag(approximate), text(part))


def presolved_record(dates: Presolved) -> list[object]:
    """Each event's date: an array for a date, {"problem": [message, offset]} for a problem,
    null for a date that waits for its anchor."""
    return [
        None if item is None
        else {"problem": [item.message, item.offset]} if isinstance(item, DateProblem)
        else resolved_record(item)
        for item in dates
    ]  # fmt: skip


def read_presolved(record: object) -> Presolved:
    return items(_read_presolved_item, record)


def _read_presolved_item(record: object) -> ResolvedDate | DateProblem | None:
    if record is None:
        return None
    if type(record) is dict:
        if record.keys() != {"problem"}:
            raise Malformed("expected {\"problem\": [message, offset]}")
        message, offset = fields(record["problem"], 2)
        return DateProblem(text(message), count(offset))
    return read_resolved(record)


def source_ref_record(source: SourceRef) -> list[object]:
    return [
        source.article, source.path, source.title, source.source, source.url, source.when,
        source.line,
    ]  # fmt: skip


def read_source_ref(record: object) -> SourceRef:
    article, path, title, source, url, when, line = fields(record, 7)
    return SourceRef(
        text(article), text(path), text(title), optional(text, source), optional(text, url),
        text(when), count(line),
    )  # fmt: skip


def event_record(event: Event) -> list[object]:
    return [
        event.id, event.timeline, resolved_record(event.date), event.what,
        [source_ref_record(source) for source in event.sources], list(event.tags), event.quote,
        event.status, event.told,
    ]  # fmt: skip


def read_event(record: object) -> Event:
    event_id, timeline, resolved, what, sources, tags, quote, status, told = fields(record, 9)
    return Event(
        text(event_id), text(timeline), read_resolved(resolved), text(what),
        items(read_source_ref, sources), texts(tags), optional(text, quote), _status(status),
        count(told),
    )  # fmt: skip


def events_record(events: tuple[Event, ...]) -> list[object]:
    return [event_record(event) for event in events]


def read_events(record: object) -> tuple[Event, ...]:
    return items(read_event, record)
