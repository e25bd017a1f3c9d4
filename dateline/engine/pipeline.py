"""The build as one function per stage: read → load → assemble → make outputs → swap in.

Only `write.Staging` touches the output directory, and only a build without problems commits.
Three ways through, cheapest first: nothing changed (only the content is read); only article
bodies changed (their pages are remade from what the last build kept, nothing is assembled);
anything else (the site is assembled and each unit whose inputs changed is made again).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from dateline.engine.articles import (
    ArticleStore,
    ContentFile,
    LoadedArticle,
    content_errors,
    prepare_loading,
    unreadable,
)
from dateline.engine.cache import ShardedTable, files_fingerprint, fingerprint, mark_start
from dateline.engine.confine import leads_out, link_out, links_out_of
from dateline.engine.guard import refuse_foreign, refuse_unsafe_place
from dateline.engine.manifest import Manifest
from dateline.engine.parallel import Workers
from dateline.engine.pause import pause_at
from dateline.engine.write import Stamp, site_stamps
from dateline.errors import ContentError
from dateline.model import Site, SiteConfig

MAX_FILE_BYTES = 2_000_000
PACKAGE = Path(__file__).resolve().parents[1]
# The bundled templates: packaged as dateline/templates in the wheel, the top-level templates/
# folder in a checkout.
BUNDLED_TEMPLATES = (
    PACKAGE / "templates" if (PACKAGE / "templates").is_dir() else PACKAGE.parent / "templates"
)
CLOCK_MARGIN_NS = 2_000_000_000  # file systems with 2-second timestamps exist


@dataclass(frozen=True, slots=True)
class Written:
    files: int
    changed: int


def display_path(path: Path) -> str:
    """Project-relative where possible, as users see paths in their editor."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def read_content(
    content_dir: Path, known: Mapping[str, tuple[Stamp, str]] | None = None, before: int = 0
) -> tuple[ContentFile | None, list[ContentFile], list[ContentError]]:
    """site.yaml and every article; names starting with `_` or `.` are skipped.

    An article whose stamp (inode, size, mtime) is in `known` with its fingerprint, and whose
    mtime is older than `before` (the start of the build that recorded it, less a margin for
    coarse clocks), is not read: like git's index, the stamp stands for the bytes. A file
    written while that build ran is always read again."""
    shown = display_path(content_dir)
    if not content_dir.is_dir():
        return None, [], [ContentError(shown, 0, 0, "no such content directory")]
    prefix = "" if shown == "." else f"{shown}/"
    config_path = content_dir / "site.yaml"
    config = None
    errors: list[ContentError] = []
    if config_path.is_symlink() and leads_out(config_path, content_dir):
        errors.append(link_out(f"{prefix}site.yaml", shown))
    elif config_path.is_file():
        try:
            info = config_path.stat()
            data = config_path.read_bytes()
        except OSError as problem:
            errors.append(unreadable(f"{prefix}site.yaml", problem))
        else:
            stamp = (info.st_ino, info.st_size, info.st_mtime_ns)
            config = ContentFile.of(f"{prefix}site.yaml", str(config_path), stamp, data)
    else:
        errors.append(ContentError(f"{prefix}site.yaml", 0, 0, "missing", "create site.yaml"))
    articles = []
    with os.scandir(content_dir) as entries:
        listed = sorted(
            (e.name, e.is_symlink()) for e in entries if e.name.endswith(".md") and e.is_file()
        )
    for name, linked in listed:
        if name.startswith(("_", ".")):
            continue
        source = os.path.join(content_dir, name)
        if linked and leads_out(Path(source), content_dir):
            errors.append(link_out(prefix + name, shown))
            continue
        try:
            info = os.stat(source)
        except OSError as problem:
            errors.append(unreadable(prefix + name, problem))
            continue
        stamp = (info.st_ino, info.st_size, info.st_mtime_ns)
        if info.st_size > MAX_FILE_BYTES:
            limit = f"larger than {MAX_FILE_BYTES // 1_000_000} MB"
            errors.append(ContentError(prefix + name, 0, 0, limit))
            continue
        seen = (known or {}).get(prefix + name)
        if seen is not None and seen[0] == stamp and info.st_mtime_ns < before:
            articles.append(ContentFile(prefix + name, seen[1], source, stamp, None))
            continue
        try:
            with open(source, "rb") as handle:
                data = handle.read()
        except OSError as problem:
            errors.append(unreadable(prefix + name, problem))
            continue
        articles.append(ContentFile.of(prefix + name, source, stamp, data))
    return config, articles, errors


def template_dirs(content_dir: Path) -> list[Path]:
    """A site's own templates/ (beside its content/) first, then the bundled ones."""
    own = content_dir.resolve().parent / "templates"
    return (
        [own, BUNDLED_TEMPLATES]
        if own.is_dir() and own != BUNDLED_TEMPLATES
        else [BUNDLED_TEMPLATES]
    )


def code_fingerprint() -> str:
    """dateline's own source: a cache made by other code is never trusted, version or not."""
    return files_fingerprint([Path(__file__).resolve().parent.parent], "*.py")  # not __pycache__


def output_cache(cache_dir: Path | None, out: Path) -> Path | None:
    """The output's own part of the cache (its manifest and kept staging folder): outputs
    sharing a parent folder, and so a cache, may be built at the same time."""
    return cache_dir / "outputs" / out.absolute().name if cache_dir else None


def check_output_place(content_dir: Path, out: Path) -> None:
    """Refuse an output over the content, the templates, the project or the home folder."""
    own_templates = content_dir.resolve().parent / "templates"
    refuse_unsafe_place(out, content_dir, [own_templates, BUNDLED_TEMPLATES])


def check_output(content_dir: Path, out: Path, cache_dir: Path | None) -> None:
    """Every check a build makes of its output before it writes there, made up front (by
    `serve`, before it starts); raises OutputRefused."""
    check_output_place(content_dir, out)
    present = site_stamps(out)
    if present is None:
        return
    found = present

    def vouched() -> Collection[str]:
        salt = fingerprint(code_fingerprint(), files_fingerprint(template_dirs(content_dir)))
        return _vouched(Manifest.load(output_cache(cache_dir, out), salt), found)

    refuse_foreign(out, found, vouched)


def build_site(
    content_dir: Path, jobs: int = 1, cache_dir: Path | None = None
) -> tuple[Site | None, list[ContentError]]:
    """Every article loaded and every event resolved, or all the problems found."""
    config_file, files, errors = read_content(content_dir)
    with Workers(jobs) as workers:
        loaded = ArticleStore(cache_dir, code_fingerprint()).load(files, workers)
    config, problems = _config(config_file)
    errors += problems + content_errors(loaded)
    site, assemble_errors = _assemble(config, loaded) if config else (None, [])
    return (site if not errors else None), errors + assemble_errors


@contextmanager
def collector_paused() -> Iterator[None]:
    """A build makes millions of objects that live until it ends; Python's cyclic collector
    would walk them over and over and find next to nothing to free."""
    # bench/build_speed.py corpus, 10,000 articles, cold: 25.7 s CPU with this, 34.5 s without.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(
    content_dir: Path, out: Path, pdf: bool, jobs: int, cache_dir: Path | None,
    workers: Workers | None = None,
) -> tuple[Written | None, list[ContentError]]:
    """Build the site into `out`, or change nothing there and return every problem. The
    per-article work runs on `workers` when given (a Dask cluster's), else in `jobs` processes."""
    with collector_paused(), workers or Workers(jobs) as running:
        return _build(content_dir, out, pdf, running, cache_dir)


def _build(
    content_dir: Path, out: Path, pdf: bool, workers: Workers, cache_dir: Path | None
) -> tuple[Written | None, list[ContentError]]:
    pause_at("reading")
    folders = template_dirs(content_dir)
    own = [folder for folder in folders if folder != BUNDLED_TEMPLATES]
    links = [problem for folder in own for problem in links_out_of(folder, display_path(folder))]
    if links:  # before the templates are fingerprinted, which reads every file
        return None, links + read_content(content_dir)[2]
    code = code_fingerprint()
    templates = files_fingerprint(folders)
    salt = fingerprint(code, templates)
    own_cache = output_cache(cache_dir, out)
    last = Manifest.load(own_cache, salt)
    started = mark_start(cache_dir)
    known, trusted = (last.sources, last.started - CLOCK_MARGIN_NS) if last else ({}, 0)
    config_file, files, errors = read_content(content_dir, known, trusted)
    inputs = fingerprint("pdf" if pdf else "no-pdf", *(f.key for f in [config_file, *files] if f))
    present = site_stamps(out)
    if not errors and last and last.inputs == inputs and last.untouched(present):
        return Written(len(present or ()), 0), []
    store = ArticleStore(cache_dir, code)
    keep = own_cache / "staging" if own_cache else None
    from dateline.engine.publish import Target, kept_events, make_site, remake_pages

    events = ShardedTable(own_cache, "events", salt)
    target = Target(out, tuple(map(str, folders)), templates, workers, keep, events)
    config, problems = _config(config_file)
    errors += problems
    edited = _bodies_edited(last, files, store, workers, present, config_file, pdf)
    kept = kept_events(target, last, edited) if last and edited is not None else None
    if last and config and edited is not None and kept is not None and present and not errors:
        _refuse_foreign(out, last, present)
        loaded = edited
        units, changed = remake_pages(target, config, edited, kept, last, present)
        store.save(None)
    else:
        prepare_loading()
        workers.start(len(files))  # while this process is small: see parallel.Workers
        loaded = store.load(files, workers)
        store.save(files)
        files = [replace(file, data=None) for file in files]
        errors += content_errors(loaded)
        if errors or config is None or config_file is None:
            return None, errors + (_assemble(config, loaded)[1] if config else [])
        site, assemble_errors = _assemble(config, loaded)
        if site is None:
            return None, assemble_errors
        _refuse_foreign(out, last, present)
        units, changed = make_site(target, site, loaded, files, last, present, config_file.key, pdf)
        events.keep_only(record[0] for unit, record in units.items() if unit.startswith("article:"))
    assert config_file is not None
    fronts = _fronts(files, loaded, last)
    sources = {file.path: (file.stamp, file.key) for file in files}
    Manifest(inputs, config_file.key, pdf, fronts, units, sources, started).save(own_cache, salt)
    events.save()
    return Written(sum(len(record[1]) for record in units.values()), changed), []


def _refuse_foreign(out: Path, last: Manifest | None, present: Mapping[str, Stamp] | None) -> None:
    """Before the first write: refuse an output folder holding anything dateline did not write."""
    if present is not None:
        refuse_foreign(out, present, lambda: _vouched(last, present))


def _vouched(last: Manifest | None, present: Mapping[str, Stamp]) -> Collection[str]:
    """The output's files when they are exactly those the last build wrote, untouched since."""
    return present.keys() if last is not None and last.untouched(present) else ()


def _config(config_file: ContentFile | None) -> tuple[SiteConfig | None, list[ContentError]]:
    if config_file is None:
        return None, []
    from dateline.load.site_config import load_site_config

    config, errors = load_site_config(config_file.path, config_file.read())
    return config, list(errors)


def _assemble(
    config: SiteConfig, loaded: Mapping[str, LoadedArticle]
) -> tuple[Site | None, list[ContentError]]:
    from dateline.assemble import assemble

    articles = [entry.article for entry in loaded.values() if entry.article is not None]
    presolved = {path: entry.dates for path, entry in loaded.items()}
    return assemble(config, articles, presolved)


def _fronts(
    files: Sequence[ContentFile], loaded: Mapping[str, LoadedArticle], last: Manifest | None
) -> dict[str, tuple[str, str]]:
    """Each file's fingerprint and front: from this build where it loaded the file, else from
    the last build, which held the same bytes."""
    fronts = {}
    for file in files:
        entry = loaded.get(file.path)
        if entry is None:
            assert last is not None, "a file not loaded now was loaded by the last build"
            fronts[file.path] = last.fronts[file.path]
        else:
            fronts[file.path] = (file.key, entry.front)
    return fronts


def _bodies_edited(
    last: Manifest | None,
    files: Sequence[ContentFile],
    store: ArticleStore,
    workers: Workers,
    present: Mapping[str, Stamp] | None,
    config_file: ContentFile | None,
    pdf: bool,
) -> dict[str, LoadedArticle] | None:
    """The articles changed since the last build, loaded, when only their bodies changed and
    every other file it wrote is still in place; None when anything else changed."""
    if last is None or present is None or config_file is None:
        return None
    paths = {file.path for file in files}
    if (last.config_key, last.pdf, set(last.fronts)) != (config_file.key, pdf, paths):
        return None
    changed = [file for file in files if last.fronts[file.path][0] != file.key]
    loaded = store.load(changed, workers)
    for path, entry in loaded.items():
        same_front = entry.front == last.fronts[path][1]
        if entry.errors or not same_front or f"article:{path}" not in last.units:
            return None
    units = {f"article:{path}" for path in loaded}
    intact = all(last.intact(unit, None, present) for unit in last.units if unit not in units)
    return loaded if intact else None
