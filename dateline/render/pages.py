"""The HTML site's pages (home, timelines, articles, tags) and static assets, as bytes.

The engine renders each page as a unit of its own (`render_page`), so the cache can keep one.

Pure: the pages come from the `Site` and the templates alone, so the same input gives the same
bytes. Every link is relative and names a file, so the site works from any folder or file://.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, StrictUndefined, select_autoescape

from dateline.model import Article, DateStyle, Event, Site, Timeline
from dateline.render.contexts import (
    Chrome,
    article_context,
    home_context,
    site_chrome,
    tag_contexts,
    timeline_context,
    with_chrome,
)
from dateline.render.template_problems import SiteLoader
from dateline.render.views import Link, event_view, timeline_titles

STATIC_SUFFIXES = (".css", ".svg", ".txt")


def make_environment(template_dirs: Sequence[Path], reload: bool = True) -> Environment:
    """Templates looked up in order: a site's own folder first, then the bundled one. A build
    whose environment lives only as long as the templates' fingerprint passes reload=False, so
    Jinja does not look at each template file again every time a page asks for it."""
    return Environment(
        auto_reload=reload,
        loader=SiteLoader([str(folder) for folder in template_dirs]),
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




def render_page(env: Environment, page: Page) -> bytes:
    return env.get_template(page.template).render(page.context).encode("utf-8")


@dataclass(frozen=True)
class Kit:
    """What every page takes from the site's configuration, worked out once per site rather
    than once per page (the tag links fill in as pages need them)."""

    chrome: Chrome
    titles: dict[str, str]
    styles: dict[str, DateStyle]
    tag_links: dict[str, Link]


def site_kit(site: Site) -> Kit:
    styles = {t.config.slug: t.config.date_style for t in site.timelines}
    return Kit(site_chrome(site), timeline_titles(site), styles, {})


def events_by_key(site: Site) -> dict[tuple[str, str], Event]:
    return {(event.timeline, event.id): event for t in site.timelines for event in t.events}


def home_page(site: Site) -> Page:
    return Page("index.html", "index.html", with_chrome(site_chrome(site), "", home_context(site)))


def timeline_page(site: Site, timeline: Timeline) -> Page:
    slug = timeline.config.slug
    context = timeline_context(site, timeline, timeline_titles(site)[slug])
    chrome = site_chrome(site)
    return Page(f"{slug}/index.html", "timeline.html", with_chrome(chrome, "../", context))


def article_page(
    site: Site, article: Article, body: str, events: Sequence[Event], kit: Kit
) -> Page:
    """One article's page from its safe body HTML and its events as merged on the timeline.

    Reads only the site's configuration and timeline titles, never other events or articles,
    so a page whose article changed only in its body can be made from what the cache kept."""
    links = kit.tag_links
    views = [
        event_view(e, kit.styles[e.timeline], kit.titles[e.timeline], "../", tag_links=links)
        for e in events
    ]
    context = article_context(site, article, events, views, body, kit.titles)
    path = f"articles/{article.stem}.html"
    return Page(path, "article.html", with_chrome(kit.chrome, "../", context))


def tag_pages(site: Site, kit: Kit) -> list[Page]:
    views = {
        (event.timeline, event.id): event_view(
            event,
            kit.styles[event.timeline],
            kit.titles[event.timeline],
            "../",
            tag_links=kit.tag_links,
        )
        for timeline in site.timelines
        for event in timeline.events
    }
    return [
        Page(f"tags/{slug}.html", "tag.html", with_chrome(kit.chrome, "../", context))
        for slug, context in tag_contexts(site, views).items()
    ]


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
