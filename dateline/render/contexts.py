"""What each page's template receives: plain values built from the `Site`, and nothing else.

Each function makes one kind of page's context; `render` decides which pages to make and
renders them. Every value is a string, a number, a tuple or a frozen dataclass, so a context
pickles for a worker process and its `repr` shows all of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from dateline.display import format_day, format_span
from dateline.jsontext import script_safe_json
from dateline.model import Article, DateStyle, Event, Site, Timeline
from dateline.render.markup import dated_phrases, mark_phrases
from dateline.render.views import (
    EventView,
    Link,
    Nav,
    event_view,
    group_by_day,
    group_by_month,
    in_page_order,
    summarise,
    tag_slug,
    zone_shown,
)

# The chrome: what every page shows of the site around its own content (language, site title,
# and (title, slug) of each timeline for the nav).
Chrome = tuple[str, str, tuple[tuple[str, str], ...]]
EXPORT_LINKS = (
    ("JSON", "events.json"),
    ("CSV", "events.csv"),
    ("Atom feed", "feed.xml"),
    ("Calendar (ICS)", "calendar.ics"),
    ("TimelineJS", "timelinejs.json"),
    ("PDF brief", "brief.pdf"),
)
EXPORTS = tuple(Link(text, href) for text, href in EXPORT_LINKS)
DEFAULT_STYLE: DateStyle = "ap"
EVENT_SCHEDULED = "https://schema.org/EventScheduled"


@dataclass(frozen=True, slots=True)
class ArticleEvent:
    """An event listed under an article; `anchor` is set when the body had no phrase to mark."""

    event: EventView
    anchor: str | None


# The dash (or colon) a wire dateline ends with, before the story: not part of the place and day.
DATELINE_CLOSE = " -\u2013\u2014:"


def json_ld(data: Mapping[str, object]) -> Markup:
    """JSON for a <script type="application/ld+json"> that no value can close or comment out;
    compact, since no reader needs it indented and indenting forces the pure-Python encoder."""
    return Markup(script_safe_json(data, sort_keys=True))


def site_chrome(site: Site) -> Chrome:
    """What every page shows of the site: language, title, and the timelines for the nav."""
    return (
        site.config.language,
        site.config.title,
        tuple((t.config.title, t.config.slug) for t in site.timelines),
    )


def with_chrome(
    chrome: Chrome, root: str, context: dict[str, object]
) -> dict[str, object]:
    language, title, timelines = chrome
    return {
        "lang": language,
        "site_title": title,
        "root": root,
        "home_href": f"{root}index.html",
        "stylesheet_href": f"{root}static/style.css",
        "nav": Nav(root, timelines),
        "json_ld": None,
        "feed_href": None,
        **context,
    }


def home_context(site: Site) -> dict[str, object]:
    updated = format_span(site.updated, site.updated, DEFAULT_STYLE) if site.updated else None
    return {
        "page_title": site.config.title,
        "timelines": tuple(summarise(timeline, "") for timeline in site.timelines),
        "updated": updated,
    }


def timeline_context(site: Site, timeline: Timeline, title: str) -> dict[str, object]:
    config = timeline.config
    ordered = in_page_order(timeline.events, config.order)
    style = config.date_style
    links: dict[str, Link] = {}
    zoned = zone_shown(ordered)
    views = [
        event_view(e, style, title, "../", on_timeline_page=True, tag_links=links,
                   show_zone=show)
        for e, show in zip(ordered, zoned, strict=True)
    ]
    return {
        "page_title": f"{config.title} \u2014 {site.config.title}",
        "timeline": summarise(timeline, "../"),
        "title": config.title,
        "order_note": "Newest first" if config.order == "newest-first" else "Oldest first",
        "years": group_by_day(views) or group_by_month(views),
        "exports": EXPORTS,
        "feed_href": "feed.xml",
        "json_ld": json_ld(event_list(config.title, views)),
    }


def event_list(name: str, views: Sequence[EventView]) -> dict[str, object]:
    """The timeline as a schema.org ItemList of Events, in page order."""
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "item": _event_item(view),
                "position": position,
            }
            for position, view in enumerate(views, start=1)
        ],
        "name": name,
        "numberOfItems": len(views),
    }


def _event_item(view: EventView) -> dict[str, object]:
    """A schema.org Event; one told only ahead of time says `EventScheduled`, and one still
    under way has no `endDate` (its last day seen is not its end; `description` says it)."""
    item: dict[str, object] = {
        "@type": "Event",
        "description": view.lead,
        "name": view.what,
        "startDate": view.datetime,
        "url": f"index.html#{view.id}",
    }
    if not view.ongoing:
        item["endDate"] = view.end_datetime
    if view.scheduled:
        item["eventStatus"] = EVENT_SCHEDULED
    return item


def article_context(
    site: Site,
    article: Article,
    events: Sequence[Event],
    views: Sequence[EventView],
    body: str,
    titles: Mapping[str, str],
) -> dict[str, object]:
    style = next(
        (t.config.date_style for t in site.timelines if t.config.slug == article.timeline),
        DEFAULT_STYLE,
    )
    marked_body, marked = mark_phrases(body, dated_phrases(article, events))
    listed = tuple(
        ArticleEvent(view, None if view.id in marked else f"at-{view.id}") for view in views
    )
    structured: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "dateline": article.dateline,
        "datePublished": article.published.isoformat(),
    }
    if article.source:
        structured["publisher"] = {"@type": "Organization", "name": article.source}
    if article.url:
        structured["isBasedOn"] = article.url
    return {
        "page_title": f"{article.title} \u2014 {site.config.title}",
        "title": article.title,
        "dateline": article.dateline.rstrip(DATELINE_CLOSE),
        "published": format_day(article.published, style),
        "published_datetime": article.published.isoformat(),
        "source": article.source,
        "url": article.url,
        "timeline": Link(
            titles.get(article.timeline, article.timeline), f"../{article.timeline}/index.html"
        ),
        "tags": tuple(Link(tag, f"../tags/{tag_slug(tag)}.html") for tag in article.tags),
        "body": Markup(marked_body),
        "events": listed,
        "json_ld": json_ld(structured),
    }


def events_of_article(
    article: Article, events: Mapping[tuple[str, str], Event]
) -> tuple[Event, ...]:
    """The article's events as merged on its timeline, in date order like the timeline."""
    wanted = dict.fromkeys(spec.id for spec in article.events)
    found = (events.get((article.timeline, event_id)) for event_id in wanted)
    return tuple(sorted((e for e in found if e is not None), key=lambda e: e.sort_key))


def tag_contexts(
    site: Site, views: Mapping[tuple[str, str], EventView]
) -> dict[str, dict[str, object]]:
    """One page per tag of any event or article, its events in date order across timelines."""
    names: dict[str, str] = {}
    tagged_events: dict[str, list[Event]] = {}
    tagged_articles: dict[str, list[Link]] = {}
    every_event = sorted(
        (event for timeline in site.timelines for event in timeline.events),
        key=lambda e: (e.sort_key, e.timeline),
    )
    slugs: dict[str, str] = {}
    for event in every_event:
        for tag in event.tags:
            slug = slugs.get(tag) or slugs.setdefault(tag, tag_slug(tag))
            names.setdefault(slug, tag)
            tagged_events.setdefault(slug, []).append(event)
    for article in site.articles:
        for tag in article.tags:
            slug = slugs.get(tag) or slugs.setdefault(tag, tag_slug(tag))
            names.setdefault(slug, tag)
            link = Link(article.title, f"../articles/{article.stem}.html")
            tagged_articles.setdefault(slug, []).append(link)
    contexts: dict[str, dict[str, object]] = {}
    for slug in sorted(names):
        events = tagged_events.get(slug, [])
        contexts[slug] = {
            "page_title": f"Tagged \u201c{names[slug]}\u201d \u2014 {site.config.title}",
            "tag": names[slug],
            "count": f"{len(events)} event" if len(events) == 1 else f"{len(events)} events",
            "years": group_by_month(views[(event.timeline, event.id)] for event in events),
            "articles": tuple(tagged_articles.get(slug, [])),
        }
    return contexts
