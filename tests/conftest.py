"""Shared helpers: write a small content directory for a test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SITE_YAML = """\
title: Test desk
timelines:
  war:
    title: The war
"""


def article(
    events: str,
    *,
    dateline: str = "Baghdad [Iraq], January 24",
    published: str = "2024-01-24",
    timeline: str = "war",
    extra: str = "",
    body: str = "Body text.\n",
) -> str:
    """An article's text; `events` is the YAML list under `events:`, indented by two spaces."""
    return (
        "---\n"
        "title: A report\n"
        f'dateline: "{dateline}"\n'
        f"published: {published}\n"
        f"timeline: {timeline}\n"
        f"{extra}"
        "events:\n"
        f"{events}"
        "---\n"
        f"{body}"
    )


MakeContent = Callable[[dict[str, str]], Path]


@pytest.fixture
def make_content(tmp_path: Path) -> MakeContent:
    """A content directory holding site.yaml (unless given) and the named files."""

    def make(files: dict[str, str]) -> Path:
        content = tmp_path / "content"
        content.mkdir(exist_ok=True)
        files = {"site.yaml": SITE_YAML, **files}
        for name, text in files.items():
            (content / name).write_text(text, encoding="utf-8")
        return content

    return make
