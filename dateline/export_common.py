"""What every export needs: the content's own timestamps and stable identifiers, never the clock."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from html import escape
from urllib.parse import quote

from dateline.model import Event, Site, SourceRef, Timeline

# Without any article date (an empty timeline) the exports still need a fixed instant.
EPOCH_DAY = date(1970, 1, 1)

# Tag URIs (RFC 4151) name feed entries: the authority `dateline` and the year the scheme was
# fixed, 2024, never change, so an entry keeps its id for as long as its timeline slug and event
# id stay the same, whatever other events come and go.
TAG_AUTHORITY = "tag:dateline,2024:"


def timeline_updated(site: Site, timeline: Timeline) -> date:
    """The "as of" date: the newest article of the timeline, else of the site."""
    return timeline.updated or site.updated or EPOCH_DAY


def published_dates(site: Site) -> dict[str, date]:
    """Each article's `published`, by stem: built once per export, looked up per event."""
    return {article.stem: article.published for article in site.articles}


def event_updated(
    site: Site, timeline: Timeline, event: Event, published: Mapping[str, date]
) -> date:
    """The newest `published` among the articles that report the event."""
    dates = [published[source.article] for source in event.sources if source.article in published]
    return max(dates, default=timeline_updated(site, timeline))


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
