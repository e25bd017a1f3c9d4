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

from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment

from dateline.engine.articles import LoadedArticle
from dateline.engine.cache import fingerprint
from dateline.engine.write import Stamp, write_file
from dateline.export.formats import export_timeline
from dateline.model import Event, Site, SiteConfig, Timeline
from dateline.render.contexts import events_of_article
from dateline.render.pages import (
    Kit,
    article_page,
    events_by_key,
    home_page,
    make_environment,
    render_page,
    site_kit,
    static_files,
    tag_pages,
    timeline_page,
)
from dateline.render.template_problems import template_problems

ARTICLES_PER_TASK = 200


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # "home", "static", "tags", "timeline:<slug>", "brief:<slug>", "article:<path>"
    key: str


@dataclass(frozen=True, slots=True)
class Made:
    """What a task reports back: each unit's files and stamps, and how many had new bytes."""

    stamps: dict[str, dict[str, Stamp]]
    changed: int


@dataclass(frozen=True)
class OutputInputs:
    """What the units other than article pages are made from. Only the build process holds
    it (and workers forked for the briefs inherit it); it is never pickled."""

    site: Site
    folders: tuple[str, ...]
    templates: str  # fingerprint of the template folders: a new one means a new environment
    staging: str
    old: str
    kit: Kit


@dataclass(frozen=True, slots=True)
class PageSetting:
    """What every article page is made from besides its own inputs: small and picklable, so
    that article pages can be made in any process, or by a distributed engine."""

    config: SiteConfig
    folders: tuple[str, ...]
    templates: str
    staging: str
    old: str


# An article page's inputs: (path, the article loaded, its events as merged)
PageSource = tuple[str, LoadedArticle, tuple[Event, ...]]
PageTask = tuple[PageSetting, tuple[PageSource, ...]]


def timeline_keys(
    site: Site, loaded: Mapping[str, LoadedArticle], config_key: str
) -> dict[str, str]:
    fronts: dict[str, list[str]] = {
        t.config.slug: [config_key, t.config.slug] for t in site.timelines
    }
    for article in site.articles:
        fronts[article.timeline] += [article.path, loaded[article.path].front]
    return {slug: fingerprint(*parts) for slug, parts in fronts.items()}


def plan(
    site: Site, loaded: Mapping[str, LoadedArticle], file_keys: Mapping[str, str], config_key: str,
    pdf: bool,
) -> list[Unit]:
    """Every unit of the site and its key, cheapest to compute first."""
    keys = timeline_keys(site, loaded, config_key)
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


def page_tasks(setting: PageSetting, sources: Sequence[PageSource], jobs: int) -> list[PageTask]:
    """Article pages in chunks: a few per process, so that none waits long for the last."""
    size = max(1, min(ARTICLES_PER_TASK, -(-len(sources) // max(jobs * 4, 1))))
    return [
        (setting, tuple(sources[start : start + size])) for start in range(0, len(sources), size)
    ]


def prepare_briefs(inputs: OutputInputs) -> None:
    """Import WeasyPrint and compile the brief's template before the workers for the briefs
    fork, so each inherits them ready."""
    import dateline.render.pdf  # noqa: F401

    env = _environment(inputs.folders, inputs.templates)
    with template_problems(env):
        env.get_template("brief.html")


def make(inputs: OutputInputs, name: str) -> Made:
    """Make one unit other than an article page and write its files into the staging folder."""
    env = _environment(inputs.folders, inputs.templates)
    with template_problems(env):
        return _written(inputs.staging, inputs.old, {name: _unit_files(inputs, env, name)})


def make_pages(task: PageTask) -> Made:
    """Make article pages from their own inputs and write them into the staging folder.
    Reads nothing else of the site, so a worker forked before the site was loaded can."""
    setting, sources = task
    site = skeleton(setting.config)
    kit = site_kit(site)
    env = _environment(setting.folders, setting.templates)
    units: dict[str, list[tuple[str, bytes]]] = {}
    for path, entry, events in sources:
        assert entry.article is not None and entry.body is not None
        page = article_page(site, entry.article, entry.body, events, kit)
        with template_problems(env):
            units[f"article:{path}"] = [(page.path, render_page(env, page))]
    return _written(setting.staging, setting.old, units)


def _written(
    staging: str, old: str, units: Mapping[str, Iterable[tuple[str, bytes]]]
) -> Made:
    """Write each unit's files, as they come: a unit may make them one at a time."""
    stamps: dict[str, dict[str, Stamp]] = {}
    changed = 0
    for name, files in units.items():
        stamps[name] = {}
        for path, data in files:
            stamps[name][path], new = write_file(staging, old, path, data)
            changed += new
    return Made(stamps, changed)


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
) -> Iterable[tuple[str, bytes]]:
    kind, _, item = name.partition(":")
    site = inputs.site
    if kind == "timeline":
        timeline = _timeline(site, item)
        page = timeline_page(site, timeline)
        return [(page.path, render_page(env, page)), *export_timeline(site, timeline).items()]
    if kind == "brief":
        from dateline.render.pdf import brief_epoch, brief_html, html_to_pdf

        timeline = _timeline(site, item)
        pdf = html_to_pdf(brief_html(site, timeline, env), brief_epoch(timeline))
        return [(f"{item}/brief.pdf", pdf)]
    if kind == "tags":  # some 2 MB a page on a large archive: rendered one at a time
        return ((page.path, render_page(env, page)) for page in tag_pages(site, inputs.kit))
    if kind == "home":
        page = home_page(site)
        return [(page.path, render_page(env, page))]
    return static_files(env).items()


def _timeline(site: Site, slug: str) -> Timeline:
    return next(t for t in site.timelines if t.config.slug == slug)
