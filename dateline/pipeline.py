"""The build as one function per stage: read → load → assemble → render/export/pdf → files.

Nothing here writes to the output directory; `write.py` does, and only when no stage reported a
problem.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dateline.cache import (
    BUILD_KEY,
    files_fingerprint,
    fingerprint,
    load_table,
    output_files,
    save_table,
)
from dateline.errors import ContentError
from dateline.model import Article, Site

# Loading, assembling and rendering are imported where they are used: the resolver's import
# alone costs about a second, and a build whose inputs did not change needs none of them.

BUNDLED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
MAX_FILE_BYTES = 2_000_000


@dataclass(frozen=True, slots=True)
class ContentFile:
    """A source file's bytes and the path errors should name."""

    path: str
    data: bytes


def display_path(path: Path) -> str:
    """Project-relative where possible, as users see paths in their editor."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def read_content(
    content_dir: Path,
) -> tuple[ContentFile | None, list[ContentFile], list[ContentError]]:
    """site.yaml and every article; names starting with `_` or `.` are skipped."""
    errors: list[ContentError] = []
    if not content_dir.is_dir():
        shown = display_path(content_dir)
        return None, [], [ContentError(shown, 0, 0, "no such content directory")]
    config_path = content_dir / "site.yaml"
    config = None
    if config_path.is_file():
        config = ContentFile(display_path(config_path), config_path.read_bytes())
    else:
        errors.append(ContentError(display_path(config_path), 0, 0, "missing", "create site.yaml"))
    articles = []
    for path in sorted(content_dir.glob("*.md")):
        if path.name.startswith(("_", ".")) or not path.is_file():
            continue
        shown = display_path(path)
        if path.stat().st_size > MAX_FILE_BYTES:
            errors.append(
                ContentError(shown, 0, 0, f"larger than {MAX_FILE_BYTES // 1_000_000} MB")
            )
            continue
        articles.append(ContentFile(shown, path.read_bytes()))
    return config, articles, errors


def load_all(
    files: Sequence[ContentFile], jobs: int = 1, cache_dir: Path | None = None
) -> tuple[list[Article], list[ContentError], dict[str, str]]:
    """Every article, its errors and its body's HTML by path; unchanged files come from the cache.

    Files are keyed by their path and bytes, so an edit, a rename or a new dateline reloads
    exactly the files concerned; the rest are neither parsed nor converted again.
    """
    from dateline.parallel import LoadedArticle, load_files, run_chunked

    salt = code_fingerprint()
    cached = load_table(cache_dir, "articles", salt)
    keys = [fingerprint(file.path, file.data) for file in files]
    missing = [(file.path, file.data) for file, key in zip(files, keys, strict=True)
               if not isinstance(cached.get(key), LoadedArticle)]
    fresh = iter(run_chunked(load_files, missing, jobs))
    table: dict[str, object] = {}
    articles: list[Article] = []
    errors: list[ContentError] = []
    bodies: dict[str, str] = {}
    for key in keys:
        entry = cached.get(key)
        loaded = entry if isinstance(entry, LoadedArticle) else next(fresh)
        table[key] = loaded
        errors += loaded.errors
        if loaded.article is not None:
            articles.append(loaded.article)
            if loaded.body is not None:
                bodies[loaded.article.path] = loaded.body
    if missing or len(table) != len(cached):
        save_table(cache_dir, "articles", salt, table)
    return articles, errors, bodies


def build_site(
    content_dir: Path, jobs: int = 1, cache_dir: Path | None = None
) -> tuple[Site | None, list[ContentError]]:
    """Every article loaded and every event resolved, or all the problems found."""
    config_file, files, errors = read_content(content_dir)
    site, _, problems = _site_from(config_file, files, jobs, cache_dir)
    return site, errors + problems


def _site_from(
    config_file: ContentFile | None,
    files: Sequence[ContentFile],
    jobs: int,
    cache_dir: Path | None,
) -> tuple[Site | None, dict[str, str], list[ContentError]]:
    from dateline.assemble import assemble
    from dateline.load import load_site_config

    errors: list[ContentError] = []
    config = None
    if config_file is not None:
        config, config_errors = load_site_config(config_file.path, config_file.data)
        errors += config_errors
    articles, load_errors, bodies = load_all(files, jobs, cache_dir)
    errors += load_errors
    if config is None:
        return None, bodies, errors
    site, assemble_errors = assemble(config, articles)
    return (site if not errors else None), bodies, errors + assemble_errors


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
    return files_fingerprint([Path(__file__).resolve().parent], "*.py")  # not __pycache__


def build_files(
    content_dir: Path, pdf: bool = True, jobs: int = 1, cache_dir: Path | None = None
) -> tuple[dict[str, bytes] | None, list[ContentError]]:
    """Every output file, or every problem; with a cache, only what changed is made again."""
    config_file, files, errors = read_content(content_dir)
    if errors:
        return None, errors + _site_from(config_file, files, jobs, cache_dir)[2]
    folders = template_dirs(content_dir)
    salt = fingerprint(code_fingerprint(), files_fingerprint(folders))
    inputs = fingerprint(
        "pdf" if pdf else "no-pdf",
        *(part for file in [config_file, *files] if file for part in (file.path, file.data)),
    )
    last = load_table(cache_dir, "outputs", salt)
    if last.get(BUILD_KEY) == inputs:  # nothing changed since the last build
        return output_files(last), []
    from dateline.outputs import render_outputs

    site, bodies, errors = _site_from(config_file, files, jobs, cache_dir)
    if site is None or errors:
        return None, errors
    table: dict[str, object] = dict(render_outputs(site, bodies, folders, pdf, jobs, last))
    table[BUILD_KEY] = inputs
    save_table(cache_dir, "outputs", salt, table)
    return output_files(table), []
