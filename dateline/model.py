"""The values that flow through the pipeline: frozen, so no stage can change another's."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

Granularity = Literal[
    "day", "week", "weekend", "month", "season", "quarter", "year", "decade", "range"
]
TimeGranularity = Literal["minute", "hour", "part-of-day"]
Direction = Literal["past", "future"]
Order = Literal["oldest-first", "newest-first"]
DateStyle = Literal["ap", "iso", "long"]
Paper = Literal["a4", "letter"]
Status = Literal["scheduled", "reported"]


@dataclass(frozen=True, slots=True)
class Span:
    """An inclusive run of days; a single day has start == end."""

    start: date
    end: date


@dataclass(frozen=True, slots=True)
class Timing:
    """The time of day of a one-day event, in the article's zone.

    `start` and `end` are ISO 8601 date-times with the zone's offset ('2024-01-23T07:40:00+03:00'),
    kept as text so every export writes them as read; equal for a stated instant, apart for a
    span ('between 2 and 4 a.m.', 'morning'). The event's day is the local day of `start`, or
    the day named when the words run past midnight ('Monday night')."""

    start: str
    end: str
    zone: str  # IANA name, e.g. "Asia/Baghdad"
    granularity: TimeGranularity
    approximate: bool
    part: str = ""  # the part of the day named, e.g. "morning", for part-of-day granularity

    @property
    def start_at(self) -> datetime.datetime:
        return datetime.datetime.fromisoformat(self.start)

    @property
    def end_at(self) -> datetime.datetime:
        return datetime.datetime.fromisoformat(self.end)

    @property
    def utc_start(self) -> str:
        """The start in UTC, for ordering events of different offsets."""
        return self.start_at.astimezone(datetime.UTC).isoformat()


class ResolvedDate(NamedTuple):
    """What a date expression means, and how we know.

    A NamedTuple where the other values are frozen dataclasses: the resolver makes one for every
    expression it reads, and a tuple is made in a fifth of the time a frozen dataclass takes (its
    fields are set one by one through `object.__setattr__`). It is just as immutable."""

    start: date
    end: date
    granularity: Granularity
    approximate: bool
    timex: str
    explanation: str
    # The event was still under way on `end` (the day the report was filed): "since Tuesday".
    # `end` is then the last day it is known to have lasted, not the day it ended.
    ongoing: bool = False
    timing: Timing | None = None  # the time of day, when the text states one and a zone is known

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class DateProblem:
    """A `DateError` kept as a value, so a worker process can hand it over and the cache keep it."""

    message: str
    offset: int


Presolved = tuple[ResolvedDate | DateProblem | None, ...]  # an article's events; None: anchored


@dataclass(frozen=True, slots=True)
class Position:
    """Where a value stands in a source file: project-relative path, 1-based line and column,
    and that line as read, so a later stage's problem shows it without reading the file again."""

    path: str
    line: int
    column: int
    source_line: str | None  # as a report shows it; None where the line is past the file's end


@dataclass(frozen=True, slots=True)
class EventSpec:
    """One event as an article's front matter lists it, before its date is resolved."""

    id: str
    when: str
    what: str
    anchor: str | None
    direction: Direction
    quote: str | None
    at: Position  # the `when:` value; resolver errors point inside it
    id_at: Position
    anchor_at: Position | None
    direction_stated: bool = False  # `direction:` written out, not taken as the default "past"


@dataclass(frozen=True, slots=True)
class Article:
    """One Markdown file of `content/`, its front matter checked."""

    path: str  # project-relative, e.g. "content/2024-01-24-iraq.md"
    stem: str  # file name without ".md": the article page's name
    title: str
    dateline: str
    published: date
    reference: date  # the dateline's day, or `published` when the dateline has none
    reference_note: str  # how the reference date was read, for explanations
    source: str | None
    url: str | None
    timeline: str
    tags: tuple[str, ...]
    events: tuple[EventSpec, ...]
    body: str  # Markdown, as written
    body_line: int  # 1-based line of the file where the body starts
    timeline_at: Position | None = None  # the `timeline:` value, for "unknown timeline"
    place: str | None = None  # the dateline's place as written, e.g. "Baghdad [Iraq]"
    zone: str | None = None  # IANA name its times are read in; None: days only
    zone_note: str = ""  # how the zone was chosen, for explanations and `check`
    dateline_line: int = 0  # the body's line the dateline was read from; 0: the front matter


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One article's report of an event."""

    article: str  # article stem
    path: str
    title: str
    source: str | None
    url: str | None
    when: str
    line: int


@dataclass(frozen=True, slots=True)
class Event:
    """An event of a timeline, merged from every article that reports it."""

    id: str
    timeline: str
    date: ResolvedDate
    what: str
    sources: tuple[SourceRef, ...]
    tags: tuple[str, ...]
    quote: str | None
    # "scheduled" when every report was filed before the event (a preview), else "reported".
    status: Status = "reported"
    # Where the event's earliest report tells it among all reports of the site (0 first): the
    # order of events that share their days, as the first article to tell them did.
    told: int = 0

    @property
    def sort_key(self) -> tuple[datetime.date, datetime.date, bool, str, int, str]:
        """By day; within a day, timed events by their instant, then untimed ones in the
        order the first report told them."""
        timing = self.date.timing
        return (self.date.start, self.date.end, timing is None,
                timing.utc_start if timing else "", self.told, self.id)


@dataclass(frozen=True, slots=True)
class TimelineConfig:
    slug: str
    title: str
    description: str | None
    order: Order
    date_style: DateStyle
    paper: Paper


@dataclass(frozen=True, slots=True)
class Timeline:
    config: TimelineConfig
    events: tuple[Event, ...]  # sorted by Event.sort_key, oldest first
    updated: date | None  # newest `published` among its articles: the "as of" date


@dataclass(frozen=True, slots=True)
class SiteConfig:
    title: str
    language: str
    timelines: tuple[TimelineConfig, ...]
    timezone: str | None = None  # IANA name for articles whose dateline names no known city


@dataclass(frozen=True, slots=True)
class Site:
    """Everything the renderers need: no renderer reads a file or a clock."""

    config: SiteConfig
    timelines: tuple[Timeline, ...]
    articles: tuple[Article, ...]  # sorted by path
    updated: date | None  # newest `published` of all
