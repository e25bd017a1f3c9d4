"""Every output file from the assembled site, remaking only what the last build cannot lend.

Each output is fingerprinted by exactly what it is made from: a page by its template's name and
its whole context (the article, its events' resolved dates and sources, the site's chrome), a
timeline's exports by that timeline and the articles they cite, a brief by its print HTML.
The cache table is salted with the code and template hashes, so a template edit remakes all.
Results are merged by path, so the bytes do not depend on the cache or on the worker count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from jinja2 import Environment

from dateline.cache import fingerprint, well_formed
from dateline.model import Site, Timeline
from dateline.parallel import CHUNKS_PER_WORKER, export_timelines, render_pages, run_tasks
from dateline.render import (
    Page,
    article_page_inputs,
    make_environment,
    site_pages,
    static_files,
)

Entry = tuple[str, dict[str, bytes]]  # (fingerprint of the inputs, {path: bytes})


def render_outputs(
    site: Site,
    bodies: Mapping[str, str],
    folders: Sequence[Path],
    pdf: bool,
    jobs: int,
    last: Mapping[str, object],
) -> dict[str, Entry]:
    """Table entries for every output: reused from `last` where the fingerprint matches."""
    env = make_environment(folders)
    entries: dict[str, Entry] = {}
    unchanged: set[str] = set()
    for path, inputs in article_page_inputs(site).items():
        key = fingerprint("article inputs", inputs)
        if _hit(last, path, key):
            entries[f"page:{path}"] = (key, {path: _bytes(last, path)})
            unchanged.add(path)
        else:
            entries[f"page:{path}"] = (key, {})
    pages = site_pages(site, bodies, skip=unchanged)
    keys = [
        entries[f"page:{page.path}"][0]
        if page.path.startswith("articles/")
        else fingerprint(page.template, context_bytes(page))
        for page in pages
    ]
    stale = [page for page, key in zip(pages, keys, strict=True) if not _hit(last, page.path, key)]
    fresh = dict(zip([page.path for page in stale], _render(stale, folders, jobs), strict=True))
    for page, key in zip(pages, keys, strict=True):
        data = fresh[page.path] if page.path in fresh else _bytes(last, page.path)
        entries[f"page:{page.path}"] = (key, {page.path: data})
    for path, data in static_files(env).items():
        entries[f"page:{path}"] = (fingerprint(data), {path: data})
    entries.update(_exports(site, jobs, last))
    if pdf:
        entries.update(_briefs(site, env, jobs, last))
    return entries


def context_bytes(page: Page) -> str:
    """A page's inputs as text for its fingerprint: every value in a context is a string, a
    number, a tuple or a frozen dataclass, whose repr shows all of it (and is faster than
    pickling slotted dataclasses)."""
    return repr(page.context)


def export_scope(site: Site, timeline: Timeline) -> Site:
    """The part of the site a timeline's exports read: its config, the timeline, and the
    articles it cites (for their `published`; bodies are left out, as no export reads them,
    so a body edit that leaves the events alone does not remake the exports)."""
    cited = {source.article for event in timeline.events for source in event.sources}
    articles = tuple(
        replace(article, body="")
        for article in site.articles
        if article.stem in cited or article.timeline == timeline.config.slug
    )
    return Site(site.config, (timeline,), articles, site.updated)


def _hit(last: Mapping[str, object], path: str, key: str) -> bool:
    entry = last.get(f"page:{path}")
    return well_formed(entry) and entry[0] == key and path in entry[1]  # type: ignore[index]


def _bytes(last: Mapping[str, object], path: str) -> bytes:
    entry = last[f"page:{path}"]
    assert isinstance(entry, tuple)
    data: bytes = entry[1][path]
    return data


def _render(pages: Sequence[Page], folders: Sequence[Path], jobs: int) -> list[bytes]:
    """Pages rendered in chunks, on `jobs` workers when there are enough of them."""
    names = tuple(str(folder) for folder in folders)
    size = max(1, -(-len(pages) // (max(jobs, 1) * CHUNKS_PER_WORKER)))
    tasks = [(names, pages[start : start + size]) for start in range(0, len(pages), size)]
    return run_tasks(render_pages, tasks, jobs if len(pages) >= 32 else 1)


def _exports(site: Site, jobs: int, last: Mapping[str, object]) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    stale: list[tuple[str, Site]] = []
    for timeline in site.timelines:
        name = f"export:{timeline.config.slug}"
        scope = export_scope(site, timeline)
        key = fingerprint(repr(scope))
        entry = last.get(name)
        if well_formed(entry) and isinstance(entry, tuple) and entry[0] == key:
            entries[name] = entry
        else:
            stale.append((key, scope))
    tasks = [(scope, scope.timelines) for _, scope in stale]
    for (key, scope), files in zip(stale, run_tasks(export_timelines, tasks, jobs), strict=True):
        entries[f"export:{scope.timelines[0].config.slug}"] = (key, files)
    return entries


def _briefs(
    site: Site, env: Environment, jobs: int, last: Mapping[str, object]
) -> dict[str, Entry]:
    """Each timeline's PDF, remade only when its print HTML (or its date stamp) changed."""
    from dateline.parallel import print_briefs
    from dateline.pdf import brief_epoch, brief_html

    entries: dict[str, Entry] = {}
    stale: list[tuple[str, str, str, int]] = []
    for timeline in site.timelines:
        name = f"pdf:{timeline.config.slug}"
        html = brief_html(site, timeline, env)
        epoch = brief_epoch(timeline)
        key = fingerprint(html, str(epoch))
        entry = last.get(name)
        if well_formed(entry) and isinstance(entry, tuple) and entry[0] == key:
            entries[name] = entry
        else:
            stale.append((name, key, html, epoch))
    tasks = [
        [(f"{name.removeprefix('pdf:')}/brief.pdf", html, epoch)] for name, _, html, epoch in stale
    ]
    for (name, key, _, _), files in zip(stale, run_tasks(print_briefs, tasks, jobs), strict=True):
        entries[name] = (key, files)
    return entries
