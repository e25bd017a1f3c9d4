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


def _published_by_path(articles: tuple[Article, ...]) -> Memo[str, date | None]:
    """Each reporting article's `published`, looked up once: `Site.articles` is sorted by path,
    so bisect (and look at every article if that finds nothing)."""

    def find(path: str) -> date | None:
        index = bisect_left(articles, path, key=_ARTICLE_PATH)
        if index < len(articles) and articles[index].path == path:
            return articles[index].published
        return next((item.published for item in articles if item.path == path), None)

    return Memo(find)


def _newest_report(event: Event, published: Memo[str, date | None], fallback: date) -> date:
    """The newest `published` among the articles that report the event."""
    days = [day for source in event.sources if (day := published[source.path]) is not None]
    return max(days, default=fallback)


def _credit_for(key: tuple[str, str | None, str | None]) -> str:
    title, outlet, url = key
    credit = escape(f"{title}, {outlet}" if outlet else title)
    return f'<li><a href="{escape(url)}">{credit}</a></li>' if url else f"<li>{credit}</li>"


def prepare_export(site: Site, timeline: Timeline) -> TimelineExport:
    """Sort the events once and compute what the formats share."""
    updated = timeline_updated(site, timeline)
    style = timeline.config.date_style
    published = _published_by_path(site.articles)
    credits = Memo(_credit_for)  # an article reports several events: escape its credit once
    events = []
    for event in sorted(timeline.events, key=_SORT_KEY):
        items = "".join([credits[ref.title, ref.source, ref.url] for ref in event.sources])
        events.append(ExportEvent(
            event,
            format_date(event.date, style),
            _newest_report(event, published, updated),
            escape(event.what),
            f"<p>{escape(event.date.explanation)}</p><ul>{items}</ul>"
            if items
            else f"<p>{escape(event.date.explanation)}</p>",
        ))
    return TimelineExport(site, timeline, updated, tuple(events))


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
