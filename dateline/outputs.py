"""Every output of the site, made by worker processes straight into the staging directory, or
lent from the last build where nothing it is made from has changed.

Outputs come in units, each made whole by one task: the home page, a timeline's page and
exports, a timeline's brief, an article's page, the tag pages, the static files. A unit's key
fingerprints what it is made from, computed from the content files' fingerprints alone:

- a timeline's events come only from its own articles, so a timeline's key covers the site
  configuration and the `front` of each of its articles (everything but their bodies);
- an article's page is its file and its timeline's key;
- the home and tag pages read every timeline's key.

Templates and dateline's own code salt the whole manifest, so editing either remakes all.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, TemplateError

from dateline.articles import CODEC, LoadedArticle
from dateline.cache import fingerprint
from dateline.contexts import events_of_article
from dateline.export import export_timeline
from dateline.model import Article, Event, Site, SiteConfig, Timeline
from dateline.render import (
    Kit,
    article_page,
    events_by_key,
    home_page,
    make_environment,
    render_page,
    static_files,
    tag_pages,
    template_problem,
    timeline_page,
)
from dateline.write import Stamp, write_file

ARTICLES_PER_TASK = 200


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # "home", "static", "tags", "timeline:<slug>", "brief:<slug>", "article:<path>"
    key: str


@dataclass(frozen=True, slots=True)
class Made:
    """What a task reports back: each unit's files and stamps, how many had new bytes, and
    each article page's events as merged (packed), so a body-only edit can remake it alone."""

    stamps: dict[str, dict[str, Stamp]]
    events: dict[str, bytes]
    changed: int


@dataclass(frozen=True)
class OutputInputs:
    """What every unit is made from. Forked workers inherit it; it is never pickled."""

    site: Site
    articles: Mapping[str, LoadedArticle]  # by path: the article and its body HTML
    article_events: Mapping[str, tuple[Event, ...]]  # by article path
    folders: tuple[str, ...]
    templates: str  # fingerprint of the template folders: a new one means a new environment
    staging: str
    old: str
    kit: Kit


def timeline_keys(
    site: Site, loaded: Mapping[str, LoadedArticle], chrome: str
) -> dict[str, str]:
    fronts: dict[str, list[str]] = {t.config.slug: [chrome, t.config.slug] for t in site.timelines}
    for article in site.articles:
        fronts[article.timeline] += [article.path, loaded[article.path].front]
    return {slug: fingerprint(*parts) for slug, parts in fronts.items()}


def plan(
    site: Site, loaded: Mapping[str, LoadedArticle], file_keys: Mapping[str, str], chrome: str,
    pdf: bool,
) -> list[Unit]:
    """Every unit of the site and its key, cheapest to compute first."""
    keys = timeline_keys(site, loaded, chrome)
    every = sorted(keys.values())
    units = [
        Unit("static", fingerprint("static")),
        Unit("home", fingerprint("home", *every)),
        Unit("tags", fingerprint("tags", *every)),
    ]
    for slug, key in keys.items():
        units.append(Unit(f"timeline:{slug}", fingerprint("timeline", key)))
        if pdf:
            units.append(Unit(f"brief:{slug}", fingerprint("brief", key)))
    for article in site.articles:
        key = fingerprint("article", keys[article.timeline], file_keys[article.path])
        units.append(Unit(f"article:{article.path}", key))
    return units


def tasks_for(units: Sequence[str], jobs: int) -> list[tuple[str, ...]]:
    """Units grouped for workers: the heavy ones alone and first, article pages in chunks."""
    heavy = [(name,) for name in units if name.startswith(("brief:", "timeline:", "tags"))]
    light = [name for name in units if name.startswith(("home", "static"))]
    pages = [name for name in units if name.startswith("article:")]
    size = max(1, min(ARTICLES_PER_TASK, -(-len(pages) // max(jobs * 4, 1))))
    chunks = [tuple(pages[start : start + size]) for start in range(0, len(pages), size)]
    return heavy + ([tuple(light)] if light else []) + chunks


def prepare(inputs: OutputInputs) -> None:
    """Compile the page templates before workers fork, so each inherits them compiled."""
    env = _environment(inputs.folders, inputs.templates)
    for name in ("index.html", "timeline.html", "article.html", "tag.html"):
        try:
            env.get_template(name)
        except TemplateError as problem:
            raise template_problem(problem) from None


def make(inputs: OutputInputs, task: tuple[str, ...]) -> Made:
    """Make a task's units and write their files into the staging directory."""
    env = _environment(inputs.folders, inputs.templates)
    stamps: dict[str, dict[str, Stamp]] = {}
    events: dict[str, bytes] = {}
    changed = 0
    for name in task:
        try:
            files, packed = _unit_files(inputs, env, name)
        except TemplateError as problem:
            raise template_problem(problem) from None
        stamps[name] = {}
        for path, data in files.items():
            stamps[name][path], new = write_file(inputs.staging, inputs.old, path, data)
            changed += new
        if packed:
            events[name] = packed
    return Made(stamps, events, changed)


def article_events(site: Site, paths: Container[str]) -> dict[str, tuple[Event, ...]]:
    """The merged events of the articles at `paths`: only the pages to be made need them."""
    index = events_by_key(site)
    return {
        article.path: events_of_article(article, index)
        for article in site.articles
        if article.path in paths
    }


def skeleton(config: SiteConfig) -> Site:
    """The site without events or articles: all an article page reads besides its own."""
    return Site(config, tuple(Timeline(t, (), None) for t in config.timelines), (), None)


@lru_cache(maxsize=4)
def _environment(folders: tuple[str, ...], templates: str) -> Environment:
    """One environment per process and version of the templates, so each compiles once."""
    return make_environment([Path(folder) for folder in folders], reload=False)


def _unit_files(
    inputs: OutputInputs, env: Environment, name: str
) -> tuple[dict[str, bytes], bytes]:
    kind, _, item = name.partition(":")
    site = inputs.site
    if kind == "article":
        entry = inputs.articles[item]
        article = entry.article
        assert isinstance(article, Article) and entry.body is not None
        events = inputs.article_events[item]
        page = article_page(site, article, entry.body, events, inputs.kit)
        return {page.path: render_page(env, page)}, CODEC.pack(events)
    if kind == "timeline":
        timeline = _timeline(site, item)
        page = timeline_page(site, timeline)
        return {page.path: render_page(env, page), **export_timeline(site, timeline)}, b""
    if kind == "brief":
        from dateline.pdf import brief_epoch, brief_html, html_to_pdf

        timeline = _timeline(site, item)
        pdf = html_to_pdf(brief_html(site, timeline, env), brief_epoch(timeline))
        return {f"{item}/brief.pdf": pdf}, b""
    if kind == "tags":
        return {page.path: render_page(env, page) for page in tag_pages(site, inputs.kit)}, b""
    if kind == "home":
        page = home_page(site)
        return {page.path: render_page(env, page)}, b""
    return static_files(env), b""


def _timeline(site: Site, slug: str) -> Timeline:
    return next(t for t in site.timelines if t.config.slug == slug)
