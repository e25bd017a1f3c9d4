"""The HTML site as `{relative_path: bytes}`: home, timelines, articles, tags and static assets.

Pure: the pages come from the `Site` and the templates alone, so the same input gives the same
bytes. Every link is relative and names a file, so the site works from any folder or file://.
"""

from __future__ import annotations

import os
import posixpath
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)
from jinja2.loaders import split_template_path

from dateline.errors import TemplateProblem
from dateline.model import Article, DateStyle, Event, Site, Timeline
from dateline.render.bodies import body_html, new_converter
from dateline.render.contexts import (
    Chrome,
    article_context,
    events_of_article,
    home_context,
    site_chrome,
    tag_contexts,
    timeline_context,
    with_chrome,
)
from dateline.render.views import Link, event_view, timeline_titles

BUNDLED_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
STATIC_SUFFIXES = (".css", ".svg", ".txt")


class FolderLoader(FileSystemLoader):
    """Jinja's file loader, refusing a template or static file that a link takes out of the
    folder it is found in: the build refuses such links first, this keeps any other caller safe."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            found = posixpath.join(folder, *pieces)
            if os.path.isfile(found):
                if not Path(found).resolve().is_relative_to(Path(folder).resolve()):
                    raise TemplateProblem(
                        f"{template}: is a link leading outside the templates folder; not read"
                    )
                break
        return super().get_source(environment, template)


def make_environment(template_dirs: Sequence[Path], reload: bool = True) -> Environment:
    """Templates looked up in order: a site's own folder first, then the bundled one. A build
    whose environment lives only as long as the templates' fingerprint passes reload=False, so
    Jinja does not look at each template file again every time a page asks for it."""
    return Environment(
        auto_reload=reload,
        loader=FolderLoader([str(folder) for folder in template_dirs]),
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


def template_problem(problem: TemplateError) -> TemplateProblem:
    where = "a template"
    if isinstance(problem, TemplateSyntaxError):
        where = f"{problem.filename or problem.name}:{problem.lineno}"
    else:  # Jinja rewrites tracebacks so that template lines appear as frames
        for frame, line in traceback.walk_tb(problem.__traceback__):
            if frame.f_code.co_filename.endswith((".html", ".css", ".xml")):
                where = f"{frame.f_code.co_filename}:{line}"
    return TemplateProblem(f"{where}: template error: {problem.message}; nothing was written.")


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


def site_pages(site: Site, bodies: Mapping[str, str]) -> list[Page]:
    """Every HTML page of the site, unrendered, in path order; bodies missing from `bodies` are
    made here."""
    kit = site_kit(site)
    events = events_by_key(site)
    pages = [home_page(site), *(timeline_page(site, t) for t in site.timelines)]
    converter = None
    for article in site.articles:
        body = bodies.get(article.path)
        if body is None:
            converter = converter or new_converter()
            body = body_html(article.body, converter)
        listed = events_of_article(article, events)
        pages.append(article_page(site, article, body, listed, kit))
    pages += tag_pages(site, kit)
    return sorted(pages, key=lambda page: page.path)


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
