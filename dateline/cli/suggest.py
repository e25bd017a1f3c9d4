"""`build.py suggest`: draft events for the dated phrases no event covers."""

from __future__ import annotations

import sys
from pathlib import Path

from dateline.cli.report import report


def suggest(path: Path, write: bool) -> int:
    from dateline.authoring.suggest import SuggestWriteError, suggest_events, write_suggestions
    from dateline.authoring.suggest import suggest as draft
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
    if not write:
        print(suggest_events(article) or "# every dated phrase of the body is covered")
        return 0
    suggestions = draft(article)
    try:
        write_suggestions(path, suggestions)
    except SuggestWriteError as problem:
        print(f"error: {problem}; {path} was not changed", file=sys.stderr)
        return 1
    print(f"added {len(suggestions)} events to {display_path(path)}")
    return 0
