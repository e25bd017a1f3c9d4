"""The build as one function per stage: read → load → assemble → render/export/pdf → files.

Nothing here writes to the output directory; `write.py` does, and only when no stage reported a
problem.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dateline.assemble import assemble
from dateline.errors import ContentError
from dateline.load import load_article, load_site_config
from dateline.model import Article, Site

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


def load_all(files: Iterable[ContentFile]) -> tuple[list[Article], list[ContentError]]:
    articles: list[Article] = []
    errors: list[ContentError] = []
    for file in files:
        article, problems = load_article(file.path, file.data)
        errors += problems
        if article is not None:
            articles.append(article)
    return articles, errors


def build_site(content_dir: Path) -> tuple[Site | None, list[ContentError]]:
    """Every article loaded and every event resolved, or all the problems found."""
    config_file, files, errors = read_content(content_dir)
    config = None
    if config_file is not None:
        config, config_errors = load_site_config(config_file.path, config_file.data)
        errors += config_errors
    articles, load_errors = load_all(files)
    errors += load_errors
    if config is None:
        return None, errors
    site, assemble_errors = assemble(config, articles)
    return (site if not errors else None), errors + assemble_errors


def template_dirs(content_dir: Path) -> list[Path]:
    """A site's own templates/ (beside its content/) first, then the bundled ones."""
    own = content_dir.resolve().parent / "templates"
    return (
        [own, BUNDLED_TEMPLATES]
        if own.is_dir() and own != BUNDLED_TEMPLATES
        else [BUNDLED_TEMPLATES]
    )


def render_files(site: Site, content_dir: Path, pdf: bool) -> dict[str, bytes]:
    """Every output file of the site: pages, exports and (unless skipped) the PDF briefs."""
    from dateline.export import export_site
    from dateline.render import make_environment, render_site

    environment = make_environment(template_dirs(content_dir))
    files = render_site(site, environment)
    files.update(export_site(site))
    if pdf:
        from dateline.pdf import timeline_pdf

        for timeline in site.timelines:
            files.update(timeline_pdf(site, timeline, environment))
    return files


def build_files(
    content_dir: Path, pdf: bool = True
) -> tuple[dict[str, bytes] | None, list[ContentError]]:
    site, errors = build_site(content_dir)
    if site is None or errors:
        return None, errors
    return render_files(site, content_dir, pdf), []
