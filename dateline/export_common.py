"""What every export needs, worked out once per timeline: the content's own timestamps, stable
identifiers and the event texts several formats share, never the clock."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from html import escape
from operator import attrgetter
from urllib.parse import quote

from dateline.display import format_date
from dateline.model import Article, Event, Site, SourceRef, Timeline

# Without any article date (an empty timeline) the exports still need a fixed instant.
EPOCH_DAY = date(1970, 1, 1)

# Tag URIs (RFC 4151) name feed entries: the authority `dateline` and the year the scheme was
# fixed, 2024, never change, so an entry keeps its id for as long as its timeline slug and event
# id stay the same, whatever other events come and go.
TAG_AUTHORITY = "tag:dateline,2024:"

_ARTICLE_PATH = attrgetter("path")
_SORT_KEY = attrgetter("sort_key")


@dataclass(frozen=True, slots=True)
class ExportEvent:
    """One event with the texts that several formats share, so each is computed once."""

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


def _find_article(articles: tuple[Article, ...], source: SourceRef) -> Article | None:
    """The reporting article: `Site.articles` is sorted by path, so bisect; scan if it is not."""
    index = bisect_left(articles, source.path, key=_ARTICLE_PATH)
    if index < len(articles) and articles[index].stem == source.article:
        return articles[index]
    return next((article for article in articles if article.stem == source.article), None)


def event_updated(articles: tuple[Article, ...], event: Event, fallback: date) -> date:
    """The newest `published` among the articles that report the event."""
    newest: date | None = None
    for source in event.sources:
        article = _find_article(articles, source)
        if article is not None and (newest is None or article.published > newest):
            newest = article.published
    return fallback if newest is None else newest


def prepare_export(site: Site, timeline: Timeline) -> TimelineExport:
    """Sort the events once and compute what the formats share."""
    updated = timeline_updated(site, timeline)
    style = timeline.config.date_style
    articles = site.articles
    events = tuple(
        ExportEvent(
            event,
            format_date(event.date, style),
            event_updated(articles, event, updated),
            escape(event.what),
            f"<p>{escape(event.date.explanation)}</p>{sources_html(event)}",
        )
        for event in sorted(timeline.events, key=_SORT_KEY)
    )
    return TimelineExport(site, timeline, updated, events)


def tag_uri(timeline_slug: str, event_id: str | None = None) -> str:
    """A permanent id for a timeline's feed, or for one of its events."""
    specific = quote(timeline_slug, safe="-._~")
    if event_id is not None:
        specific += "/" + quote(event_id, safe="-._~")
    return TAG_AUTHORITY + specific


def source_label(source: SourceRef) -> str:
    """How a source reads in plain-text exports: "title (url)", or the title alone."""
    return f"{source.title} ({source.url})" if source.url else source.title


def source_credit(source: SourceRef) -> str:
    """Title and outlet: "US strikes militia sites, Example Wire"."""
    return f"{source.title}, {source.source}" if source.source else source.title


def sources_html(event: Event) -> str:
    """The reports behind an event as an HTML list of credits, linked where they have a URL."""
    items = []
    for source in event.sources:
        credit = escape(source_credit(source))
        if source.url:
            credit = f'<a href="{escape(source.url)}">{credit}</a>'
        items.append(f"<li>{credit}</li>")
    return "<ul>" + "".join(items) + "</ul>" if items else ""
