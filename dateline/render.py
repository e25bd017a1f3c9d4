"""The HTML site as `{relative_path: bytes}`: home, timelines, articles, tags and static assets.

Pure: the pages come from the `Site` and the templates alone, so the same input gives the same
bytes. Every link is relative and names a file, so the site works from any folder or file://.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from dateline.bodies import body_html, new_converter
from dateline.contexts import (
    article_context,
    events_of_article,
    home_context,
    site_chrome,
    tag_contexts,
    timeline_context,
    with_chrome,
)
from dateline.model import Site
from dateline.views import event_view, timeline_titles

BUNDLED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC_SUFFIXES = (".css", ".svg", ".txt")


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
    styles = [(t.config.slug, t.config.date_style) for t in site.timelines]
    chrome = repr((site_chrome(site), styles))
    events = {(event.timeline, event.id): event for t in site.timelines for event in t.events}
    return {
        f"articles/{article.stem}.html": repr(
            (chrome, article, events_of_article(article, events))
        )
        for article in site.articles
    }


def site_pages(
    site: Site, bodies: Mapping[str, str], skip: Container[str] = ()
) -> list[Page]:
    """Every HTML page of the site but those in `skip`, unrendered, in path order; bodies
    missing from `bodies` are made here."""
    chrome = site_chrome(site)
    styles = {t.config.slug: t.config.date_style for t in site.timelines}
    titles = timeline_titles(site)
    shared = {
        (event.timeline, event.id): event_view(
            event, styles[event.timeline], titles[event.timeline], "../"
        )
        for timeline in site.timelines
        for event in timeline.events
    }
    pages = [Page("index.html", "index.html", with_chrome(chrome, "", home_context(site)))]
    for timeline in site.timelines:
        context = timeline_context(site, timeline, titles[timeline.config.slug])
        path = f"{timeline.config.slug}/index.html"
        pages.append(Page(path, "timeline.html", with_chrome(chrome, "../", context)))
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
        listed = events_of_article(article, events)
        context = article_context(
            site, article, listed, [shared[(e.timeline, e.id)] for e in listed], body, titles
        )
        pages.append(Page(path, "article.html", with_chrome(chrome, "../", context)))
    for slug, context in tag_contexts(site, shared).items():
        pages.append(Page(f"tags/{slug}.html", "tag.html", with_chrome(chrome, "../", context)))
    return sorted(pages, key=lambda page: page.path)


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
