"""What every export needs, worked out once per timeline: the content's own timestamps, stable
identifiers and the event texts several formats share, never the clock."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from operator import attrgetter
from typing import Generic, NamedTuple, TypeVar
from urllib.parse import quote

from dateline.display import format_date
from dateline.model import Article, Event, Site, SourceRef, Timeline

# Without any article date (an empty timeline) the exports still need a fixed instant.
EPOCH_DAY = date(1970, 1, 1)

# Tag URIs (RFC 4151) name feed entries: the authority `dateline` and the year the scheme was
# fixed, 2024, never change, so an entry keeps its id for as long as its timeline slug and event
# id stay the same, whatever other events come and go.
TAG_AUTHORITY = "tag:dateline,2024:"

# RFC 3986 unreserved characters: what `quote(name, safe="-._~")` leaves alone.
_URI_UNRESERVED = re.compile(r"[A-Za-z0-9._~-]*")
_ARTICLE_PATH = attrgetter("path")
_SORT_KEY = attrgetter("sort_key")


Key = TypeVar("Key")
Value = TypeVar("Value")


class Memo(dict[Key, Value], Generic[Key, Value]):
    """A dict that computes a missing value once, for one export: dates, tag sets and credits
    repeat across a timeline's events, and a hit costs one C-level lookup."""

    def __init__(self, compute: Callable[[Key], Value]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, key: Key) -> Value:
        value = self[key] = self.compute(key)
        return value


class ExportEvent(NamedTuple):
    """One event with the texts that several formats share, so each is computed once
    (a NamedTuple: a third of a frozen dataclass's construction cost, 50,000 times a build)."""

    event: Event
    display: str  # the date in the timeline's style, as the page shows it
    updated: date  # the newest report of the event
    what_html: str  # `what`, HTML-escaped
    notes_html: str  # the explanation, then the reports it rests on, as HTML


@dataclass(frozen=True, slots=True)
class TimelineExport:
    """A timeline ready to be written in any format: events oldest first, "as of" date."""

    site: Site
    timeline: Timeline
    updated: date
    events: tuple[ExportEvent, ...]


def timeline_updated(site: Site, timeline: Timeline) -> date:
    """The "as of" date: the newest article of the timeline, else of the site."""
    return timeline.updated or site.updated or EPOCH_DAY


class _SharedParts:
    """Lookups that many events of one timeline repeat: an article's `published`, a source's
    HTML credit. Lives for one `prepare_export` call only."""

    def __init__(self, articles: tuple[Article, ...]) -> None:
        self._articles = articles
        self._published: dict[str, date | None] = {}
        self._credits: dict[tuple[str, str | None, str | None], str] = {}

    def published(self, source: SourceRef) -> date | None:
        """The reporting article's date: `Site.articles` is sorted by path, so bisect."""
        if source.path in self._published:
            return self._published[source.path]
        articles = self._articles
        index = bisect_left(articles, source.path, key=_ARTICLE_PATH)
        if index < len(articles) and articles[index].stem == source.article:
            found: Article | None = articles[index]
        else:  # not sorted, or not there: look at every article
            found = next((item for item in articles if item.stem == source.article), None)
        day = None if found is None else found.published
        self._published[source.path] = day
        return day

    def event_updated(self, event: Event, fallback: date) -> date:
        """The newest `published` among the articles that report the event."""
        newest = fallback
        seen = False
        for source in event.sources:
            day = self.published(source)
            if day is not None and (not seen or day > newest):
                newest, seen = day, True
        return newest

    def sources_html(self, event: Event) -> str:
        """`sources_html(event)`, each credit escaped once however many events cite it."""
        items = []
        for source in event.sources:
            key = (source.title, source.source, source.url)
            item = self._credits.get(key)
            if item is None:
                item = self._credits[key] = _credit_item(source)
            items.append(item)
        return "<ul>" + "".join(items) + "</ul>" if items else ""


def prepare_export(site: Site, timeline: Timeline) -> TimelineExport:
    """Sort the events once and compute what the formats share."""
    updated = timeline_updated(site, timeline)
    style = timeline.config.date_style
    shared = _SharedParts(site.articles)
    events = tuple(
        ExportEvent(
            event,
            format_date(event.date, style),
            shared.event_updated(event, updated),
            escape(event.what),
            f"<p>{escape(event.date.explanation)}</p>{shared.sources_html(event)}",
        )
        for event in sorted(timeline.events, key=_SORT_KEY)
    )
    return TimelineExport(site, timeline, updated, events)


def tag_uri(timeline_slug: str, event_id: str | None = None) -> str:
    """A permanent id for a timeline's feed, or for one of its events."""
    specific = _uri_segment(timeline_slug)
    if event_id is not None:
        specific += "/" + _uri_segment(event_id)
    return TAG_AUTHORITY + specific


def _uri_segment(name: str) -> str:
    """Percent-encoded, except that a slug (all `load` allows) is returned as it is."""
    return name if _URI_UNRESERVED.fullmatch(name) else quote(name, safe="-._~")


def source_label(source: SourceRef) -> str:
    """How a source reads in plain-text exports: "title (url)", or the title alone."""
    return f"{source.title} ({source.url})" if source.url else source.title


def source_credit(source: SourceRef) -> str:
    """Title and outlet: "US strikes militia sites, Example Wire"."""
    return f"{source.title}, {source.source}" if source.source else source.title


def sources_html(event: Event) -> str:
    """The reports behind an event as an HTML list of credits, linked where they have a URL."""
    items = [_credit_item(source) for source in event.sources]
    return "<ul>" + "".join(items) + "</ul>" if items else ""


def _credit_item(source: SourceRef) -> str:
    credit = escape(source_credit(source))
    if source.url:
        credit = f'<a href="{escape(source.url)}">{credit}</a>'
    return f"<li>{credit}</li>"
