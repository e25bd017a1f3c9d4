"""From the site to the new output directory: every unit whose inputs changed is made by
forked workers straight into the staging directory, every other file is lent from the old site,
and the staging directory is swapped in. Runs only for a build without problems.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dateline.articles import CODEC, ContentFile, LoadedArticle
from dateline.cache import BlobTable
from dateline.manifest import Manifest, Record
from dateline.model import Event, Site, SiteConfig
from dateline.outputs import OutputInputs, article_events, make, plan, prepare, skeleton, tasks_for
from dateline.parallel import WithShared
from dateline.render import site_kit
from dateline.write import Staging, Stamp


@dataclass(frozen=True)
class Target:
    """Where and how a build writes: the output, its templates, its workers, and the cache's
    staging folder and table of article pages' events."""

    out: Path
    folders: tuple[str, ...]
    templates: str  # fingerprint of the template folders
    jobs: int
    keep: Path | None
    events: BlobTable

    def inputs(
        self,
        site: Site,
        articles: Mapping[str, LoadedArticle],
        events: Mapping[str, tuple[Event, ...]],
    ) -> OutputInputs:
        kit, out = site_kit(site), str(self.out)
        return OutputInputs(site, articles, events, self.folders, self.templates, "", out, kit)


def kept_events(
    target: Target, last: Manifest, edited: Mapping[str, LoadedArticle]
) -> dict[str, tuple[Event, ...]] | None:
    """The edited articles' events as the last build merged them, or None when the cache no
    longer holds them all (then the site is assembled again)."""
    events: dict[str, tuple[Event, ...]] = {}
    for path in edited:
        packed = target.events.get(last.units[f"article:{path}"][0])
        try:
            value = CODEC.unpack(packed) if packed is not None else None
        except ValueError:
            return None
        if not (isinstance(value, tuple) and all(isinstance(e, Event) for e in value)):
            return None
        events[path] = value
    return events


def remake_pages(
    target: Target,
    config: SiteConfig,
    edited: Mapping[str, LoadedArticle],
    events: Mapping[str, tuple[Event, ...]],
    last: Manifest,
    present: Mapping[str, Stamp],
) -> tuple[dict[str, Record], int]:
    """Remake only the pages of articles whose bodies changed; lend every other file."""
    remade = [f"article:{path}" for path in sorted(edited)]
    keys = {unit: record[0] for unit, record in last.units.items()}
    lent = {unit: record for unit, record in last.units.items() if unit not in remade}
    inputs = target.inputs(skeleton(config), edited, events)
    return _stage(target, inputs, lent, remade, keys, present)


def make_site(
    target: Target,
    site: Site,
    loaded: Mapping[str, LoadedArticle],
    files: Sequence[ContentFile],
    last: Manifest | None,
    present: Mapping[str, Stamp] | None,
    chrome: str,
    pdf: bool,
) -> tuple[dict[str, Record], int]:
    """Make every unit whose key changed or whose files were touched; lend the rest."""
    file_keys = {file.path: file.key for file in files}
    units = plan(site, loaded, file_keys, chrome, pdf)
    keys = {unit.name: unit.key for unit in units}
    lent = {
        unit.name: last.units[unit.name]
        for unit in units
        if last is not None and present is not None and last.intact(unit.name, unit.key, present)
    }
    stale = [unit.name for unit in units if unit.name not in lent]
    made = {name.removeprefix("article:") for name in stale if name.startswith("article:")}
    inputs = target.inputs(site, loaded, article_events(site, made))
    return _stage(target, inputs, lent, stale, keys, present or {})


def _stage(
    target: Target,
    inputs: OutputInputs,
    lent: Mapping[str, Record],
    stale: Sequence[str],
    keys: Mapping[str, str],
    live: Container[str],
) -> tuple[dict[str, Record], int]:
    """Stage the lent files and the made ones, then swap the staging in; with a cache, the
    staging directory is kept there for the next build to start from."""
    staging = Staging(target.out, target.keep, live)
    try:
        units = dict(lent)
        for record in lent.values():
            for path, stamp in record[1].items():
                staging.lend(path, stamp[0])
        shared = replace(inputs, staging=str(staging.root))
        changed = 0
        tasks = tasks_for(stale, target.jobs)
        if target.jobs > 1 and len(tasks) > 1:
            prepare(shared)  # before the workers fork
        for made in WithShared(make, shared).run(tasks, target.jobs):
            changed += made.changed
            for unit, stamps in made.stamps.items():
                units[unit] = (keys[unit], stamps)
            for unit, packed in made.events.items():
                target.events.put(keys[unit], packed)
        staging.commit(path for record in units.values() for path in record[1])
    except BaseException:
        staging.abort()
        raise
    return units, changed
