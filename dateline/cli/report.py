"""Problems printed for the terminal, each with its source line."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from dateline.errors import ContentError, format_report


def report(errors: Sequence[ContentError]) -> int:
    """Print every problem with its source line, and fail."""
    print(format_report(with_source_lines(errors)), file=sys.stderr)
    return 1


def with_source_lines(errors: Sequence[ContentError]) -> list[ContentError]:
    """Fill in the offending line where a later stage knew only its position."""
    files: dict[str, list[str]] = {}
    shown = []
    for error in errors:
        if error.line and error.source_line is None:
            if error.path not in files:
                try:
                    files[error.path] = Path(error.path).read_text("utf-8-sig").splitlines()
                except (OSError, UnicodeDecodeError):
                    files[error.path] = []
            lines = files[error.path]
            if error.line <= len(lines):
                error = replace(error, source_line=lines[error.line - 1])
        shown.append(error)
    return shown


def published_option(text: str) -> date | None:
    """`--published` as a day, or None after saying on the terminal why it is not one."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        print(f"error: --published {text!r} is not a date; write it as YYYY-MM-DD",
              file=sys.stderr)
        return None
