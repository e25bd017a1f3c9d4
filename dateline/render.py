"""The HTML site as `{relative_path: bytes}`: home, timelines, articles, tags and static assets.

Pure: the pages come from the `Site` and the templates alone, so the same input gives the same
bytes. Every link is relative and names a file, so the site works from any folder or file://.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from dateline.display import format_day, format_span
from dateline.jsontext import script_safe_json
from dateline.markup import body_html, dated_phrases, mark_phrases, new_converter
from dateline.model import Article, DateStyle, Event, Site, Timeline
from dateline.views import (
    EventView,
    Link,
    event_view,
    group_by_month,
    in_page_order,
    summarise,
    tag_slug,
    timeline_titles,
)

BUNDLED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC_SUFFIXES = (".css", ".svg", ".txt")
EXPORT_LINKS = (
    ("JSON", "events.json"),
    ("CSV", "events.csv"),
    ("Atom feed", "feed.xml"),
    ("Calendar (ICS)", "calendar.ics"),
    ("TimelineJS", "timelinejs.json"),
    ("PDF brief", "brief.pdf"),
)
DEFAULT_STYLE: DateStyle = "ap"


@dataclass(frozen=True, slots=True)
class ArticleEvent:
    """An event listed under an article; `anchor` is set when the body had no phrase to mark."""

    event: EventView
    anchor: str | None


def make_environment(template_dirs: Sequence[Path]) -> Environment:
    """Templates looked up in order: a site's own folder first, then the bundled one."""
    return Environment(
        loader=FileSystemLoader([str(folder) for folder in template_dirs]),
        autoescape=select_autoescape(["html", "htm", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page before rendering: everything its template receives, and nothing else.

    Picklable and printable, so a worker process can render it and `repr` can fingerprint it.
    """

    path: str
    template: str
    context: Mapping[str, object]


def render_site(
    site: Site, env: Environment, bodies: Mapping[str, str] | None = None
) -> dict[str, bytes]:
    """Every page and static file of the HTML site, keyed by path relative to the site root.

    `bodies` maps an article's path to its `body_html`, when a worker or the cache made it.
    """
    pages = {page.path: render_page(env, page) for page in site_pages(site, bodies or {})}
    pages.update(static_files(env))
    return dict(sorted(pages.items()))


def render_page(env: Environment, page: Page) -> bytes:
    return env.get_template(page.template).render(page.context).encode("utf-8")


def article_page_inputs(site: Site) -> dict[str, str]:
    """Everything each article page is made from, as text, by page path: the article, its
    events as merged (dates, sources) and the site's chrome. Cheaper than the page's context,
    so an unchanged article page can be recognised without building it."""
    chrome = repr((_chrome(site), [(t.config.slug, t.config.date_style) for t in site.timelines]))
    events = {(event.timeline, event.id): event for t in site.timelines for event in t.events}
    return {
        f"articles/{article.stem}.html": repr(
            (chrome, article, _events_of_article(article, events))
        )
        for article in site.articles
    }


def site_pages(
    site: Site, bodies: Mapping[str, str], skip: Container[str] = ()
) -> list[Page]:
    """Every HTML page of the site but those in `skip`, unrendered, in path order; bodies
    missing from `bodies` are made here."""
    chrome = _chrome(site)
    styles = {t.config.slug: t.config.date_style for t in site.timelines}
    titles = timeline_titles(site)
    shared = {
        (event.timeline, event.id): event_view(
            event, styles[event.timeline], titles[event.timeline], "../"
        )
        for timeline in site.timelines
        for event in timeline.events
    }
    pages = [Page("index.html", "index.html", _with_chrome(chrome, "", _home_context(site)))]
    for timeline in site.timelines:
        context = _timeline_context(site, timeline, titles[timeline.config.slug])
        path = f"{timeline.config.slug}/index.html"
        pages.append(Page(path, "timeline.html", _with_chrome(chrome, "../", context)))
    events = {(event.timeline, event.id): event for t in site.timelines for event in t.events}
    converter = None
    for article in site.articles:
        path = f"articles/{article.stem}.html"
        if path in skip:
            continue
        body = bodies.get(article.path)
        if body is None:
            converter = converter or new_converter()
            body = body_html(article.body, converter)
        listed = _events_of_article(article, events)
        context = _article_context(
            site, article, listed, [shared[(e.timeline, e.id)] for e in listed], body, titles
        )
        pages.append(Page(path, "article.html", _with_chrome(chrome, "../", context)))
    for slug, context in _tag_contexts(site, shared).items():
        pages.append(Page(f"tags/{slug}.html", "tag.html", _with_chrome(chrome, "../", context)))
    return sorted(pages, key=lambda page: page.path)


def json_ld(data: Mapping[str, object]) -> Markup:
    """JSON for a <script type="application/ld+json"> that no value can close or comment out."""
    return Markup(script_safe_json(data, indent=1, sort_keys=True))


def _chrome(site: Site) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """What every page shows of the site: language, title, and the timelines for the nav."""
    return (
        site.config.language,
        site.config.title,
        tuple((t.config.title, t.config.slug) for t in site.timelines),
    )


def _with_chrome(
    chrome: tuple[str, str, tuple[tuple[str, str], ...]], root: str, context: dict[str, object]
) -> dict[str, object]:
    language, title, timelines = chrome
    common: dict[str, object] = {
        "lang": language,
        "site_title": title,
        "root": root,
        "home_href": f"{root}index.html",
        "stylesheet_href": f"{root}static/style.css",
        "nav": tuple(Link(name, f"{root}{slug}/index.html") for name, slug in timelines),
        "json_ld": None,
        "feed_href": None,
    }
    return {**common, **context}


def _home_context(site: Site) -> dict[str, object]:
    updated = format_span(site.updated, site.updated, DEFAULT_STYLE) if site.updated else None
    return {
        "page_title": site.config.title,
        "timelines": tuple(summarise(timeline, "") for timeline in site.timelines),
        "updated": updated,
    }


def _timeline_context(site: Site, timeline: Timeline, title: str) -> dict[str, object]:
    config = timeline.config
    ordered = in_page_order(timeline.events, config.order)
    style = config.date_style
    views = tuple(event_view(e, style, title, "../", on_timeline_page=True) for e in ordered)
    structured = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": config.title,
        "numberOfItems": len(views),
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "item": {
                    "@type": "Event",
                    "name": view.what,
                    "startDate": view.datetime,
                    "endDate": view.end_datetime,
                    "url": f"index.html#{view.id}",
                    "description": view.lead,
                },
            }
            for position, view in enumerate(views, start=1)
        ],
    }
    return {
        "page_title": f"{config.title} \u2014 {site.config.title}",
        "timeline": summarise(timeline, "../"),
        "title": config.title,
        "order_note": "Newest first" if config.order == "newest-first" else "Oldest first",
        "years": group_by_month(views),
        "exports": tuple(Link(text, href) for text, href in EXPORT_LINKS),
        "feed_href": "feed.xml",
        "json_ld": json_ld(structured),
    }


def _article_context(
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
        "dateline": article.dateline,
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


def _events_of_article(
    article: Article, events: Mapping[tuple[str, str], Event]
) -> tuple[Event, ...]:
    """The article's events as merged on its timeline, in date order like the timeline."""
    wanted = dict.fromkeys(spec.id for spec in article.events)
    found = (events.get((article.timeline, event_id)) for event_id in wanted)
    return tuple(sorted((e for e in found if e is not None), key=lambda e: e.sort_key))


def _tag_contexts(
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


def static_files(env: Environment) -> dict[str, bytes]:
    """Static assets through the loader, so a site's own templates/static/ overrides ours."""
    loader = env.loader
    if loader is None:
        return {}
    names = env.list_templates(filter_func=lambda name: name.startswith("static/"))
    files: dict[str, bytes] = {}
    for name in sorted(names):
        if name.endswith(STATIC_SUFFIXES):
            source, _, _ = loader.get_source(env, name)
            files[name] = source.encode("utf-8")
    return files
