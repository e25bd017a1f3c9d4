"""`build.py suggest`: draft events for the dated phrases no event covers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dateline.cli.report import report
from dateline.model import EventSpec


def timeline_events(folder: Path, timeline: str, leave_out: Path | None = None) -> list[EventSpec]:
    """The events of the articles under `folder` on `timeline` (but `leave_out`): what a
    relative date ("three months after it ran aground") may name as its anchor, and ids a
    draft must not take. Files that do not load are left out here; `check` reports them."""
    from dateline.load.article import load_article

    left_out = leave_out.resolve() if leave_out is not None else None
    found: list[EventSpec] = []
    for other in sorted(folder.rglob("*.md")):
        if other.resolve() == left_out:
            continue
        try:
            article, errors = load_article(other.name, other.read_bytes())
        except OSError:
            continue
        if article is not None and not errors and article.timeline == timeline:
            found.extend(article.events)
    return found


def suggest(path: Path, write: bool) -> int:
    from dateline.authoring.suggest import suggest as draft
    from dateline.authoring.suggest import suggest_events
    from dateline.authoring.suggest_write import SuggestWriteError, with_suggestions
    from dateline.engine.pipeline import display_path
    from dateline.load.article import load_article

    try:
        data = path.read_bytes()
    except OSError as problem:
        print(f"error: cannot read {path}: {problem.strerror}", file=sys.stderr)
        return 1
    article, errors = load_article(display_path(path), data)
    if errors or article is None:
        return report(errors)
    others = timeline_events(path.parent, article.timeline, leave_out=path)
    if not write:
        print(suggest_events(article, timeline_events=others)
              or "# every dated phrase of the body is covered")
        return 0
    suggestions = draft(article, timeline_events=others)
    original = data.decode("utf-8")
    try:
        updated = with_suggestions(original, suggestions, str(path))
        if updated != original:
            _replace(path, updated.encode("utf-8"))
    except SuggestWriteError as problem:
        print(f"error: {problem}; {path} was not changed", file=sys.stderr)
        return 1
    except OSError as problem:
        print(f"error: cannot write {path}: {problem.strerror}; it was not changed",
              file=sys.stderr)
        return 1
    print(f"added {len(suggestions)} events to {display_path(path)}")
    return 0


def _replace(path: Path, data: bytes) -> None:
    """Write `data` beside `path`, then swap it in: the file is whole before or after."""
    temporary = path.with_name(f".{path.name}.suggest")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
