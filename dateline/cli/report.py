"""Problems printed for the terminal, each with its source line."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date

from dateline.errors import ContentError, format_report


def report(errors: Sequence[ContentError]) -> int:
    """Print every problem with its source line, and fail."""
    print(format_report(errors), file=sys.stderr)
    return 1


def published_option(text: str) -> date | None:
    """`--published` as a day, or None after saying on the terminal why it is not one."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        print(f"error: --published {text!r} is not a date; write it as YYYY-MM-DD",
              file=sys.stderr)
        return None
