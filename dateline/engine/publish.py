"""From the site to the new output directory: every unit whose inputs changed is made by
forked workers straight into the staging directory, every other file is lent from the old site,
and the staging directory is swapped in. Runs only for a build without problems.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from dateline.engine.articles import ContentFile, LoadedArticle
from dateline.engine.cache import ShardedTable
from dateline.engine.manifest import Manifest, Record
from dateline.engine.outputs import (
    OutputInputs,
    PageSetting,
    PageSource,
    article_events,
    make,
    make_pages,
    page_tasks,
    plan,
    prepare_briefs,
)
from dateline.engine.parallel import WithShared, Workers
from dateline.engine.pause import pause_at
from dateline.engine.records import Malformed, events_record, read_events
from dateline.engine.write import Staging, Stamp
from dateline.model import Event, Site, SiteConfig
from dateline.render.pages import site_kit


@dataclass(frozen=True)
class Target:
    """Where and how a build writes: the output, its templates, its workers, and the cache's
    staging folder and table of article pages' events."""

    out: Path
    folders: tuple[str, ...]
    templates: str  # fingerprint of the template folders
    workers: Workers
    keep: Path | None
    events: ShardedTable

    def setting(self, config: SiteConfig) -> PageSetting:
        return PageSetting(config, self.folders, self.templates, "", str(self.out))

    def inputs(self, site: Site) -> OutputInputs:
        return OutputInputs(site, self.folders, self.templates, "", str(self.out), site_kit(site))


def kept_events(
    target: Target, last: Manifest, edited: Iterable[str]
) -> dict[str, tuple[Event, ...]] | None:
    """The edited articles' events as the last build merged them, or None when the cache no
    longer holds them all (then the site is assembled again)."""
    events: dict[str, tuple[Event, ...]] = {}
    for path in edited:
        record = target.events.get(last.units[f"article:{path}"][0])
        if record is None:
            return None
        try:
            events[path] = read_events(record)
        except Malformed:
            return None
    return events


def remake_pages(
    target: Target,
    config: SiteConfig,
    articles: Mapping[str, LoadedArticle],
    events: Mapping[str, tuple[Event, ...]],
    last: Manifest,
    present: Mapping[str, Stamp],
) -> tuple[dict[str, Record], int]:
    """Remake only the pages of articles whose bodies changed; lend every other file."""
    remade = [f"article:{path}" for path in sorted(articles)]
    keys = {unit: record[0] for unit, record in last.units.items()}
    lent = {unit: record for unit, record in last.units.items() if unit not in remade}
    sources = [(path, articles[path], events[path]) for path in sorted(articles)]
    return _stage(target, target.setting(config), None, lent, sources, keys, present)


def make_site(
    target: Target,
    site: Site,
    loaded: Mapping[str, LoadedArticle],
    files: Sequence[ContentFile],
    last: Manifest | None,
    present: Mapping[str, Stamp] | None,
    config_key: str,
    pdf: bool,
) -> tuple[dict[str, Record], int]:
    """Make every unit whose key changed or whose files were touched; lend the rest. The
    events of each article page made are kept in the cache for a later body-only edit."""
    file_keys = {file.path: file.key for file in files}
    units = plan(site, loaded, file_keys, config_key, pdf)
    keys = {unit.name: unit.key for unit in units}
    lent = {
        unit.name: last.units[unit.name]
        for unit in units
        if last is not None and present is not None and last.intact(unit.name, unit.key, present)
    }
    stale = [unit.name for unit in units if unit.name not in lent]
    made = {name.removeprefix("article:") for name in stale if name.startswith("article:")}
    sources: list[PageSource] = []
    for path, events in article_events(site, made).items():
        target.events.put(keys[f"article:{path}"], events_record(events))
        sources.append((path, loaded[path], events))
    others = [name for name in stale if not name.startswith("article:")]
    inputs = target.inputs(site)
    return _stage(target, target.setting(site.config), (inputs, others), lent, sources, keys,
                  present or {})


def _stage(
    target: Target,
    setting: PageSetting,
    others: tuple[OutputInputs, Sequence[str]] | None,
    lent: Mapping[str, Record],
    sources: Sequence[PageSource],
    keys: Mapping[str, str],
    live: Container[str],
) -> tuple[dict[str, Record], int]:
    """Stage the lent files and the made ones, then swap the staging in; with a cache, the
    staging directory is kept there for the next build to start from.

    Article pages are made from their own inputs, here and in the workers; the other
    units read the whole site, which only this process holds: it makes them first, while the
    workers start on the article pages. The PDF briefs, heavy enough to pay for forking
    workers that inherit the site, come last."""
    staging = Staging(target.out, target.keep, live)
    pause_at("staging")
    try:
        units = dict(lent)
        for record in lent.values():
            for path, stamp in record[1].items():
                staging.lend(path, stamp[0])
        root = str(staging.root)
        workers = target.workers
        tasks = page_tasks(replace(setting, staging=root), sources, workers.jobs)
        if others is not None:
            inputs, names = replace(others[0], staging=root), others[1]
            briefs = [name for name in names if name.startswith("brief:")]
            first = [partial(make, inputs, name) for name in names if name not in briefs]
            made = workers.run(make_pages, tasks, first)
            if len(briefs) > 1 and workers.jobs > 1:
                prepare_briefs(inputs)
            made += WithShared(make, inputs).run(briefs, workers.jobs)
        else:
            made = workers.run(make_pages, tasks)
        changed = 0
        for done in made:
            changed += done.changed
            for unit, stamps in done.stamps.items():
                units[unit] = (keys[unit], stamps)
        staging.commit(path for record in units.values() for path in record[1])
    except BaseException:
        staging.abort()
        raise
    return units, changed
