"""Shared helpers: write a small content directory for a test; hypothesis profiles."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests take their number of examples from the profile, not from each test, so the
# whole suite stays quick by default and one flag searches harder: `--hypothesis-profile=long`
# (or DATELINE_HYPOTHESIS_PROFILE=long). No deadline: a busy machine must not fail a test.
PROFILE_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("default", max_examples=100, **PROFILE_SETTINGS)
settings.register_profile("long", max_examples=5_000, **PROFILE_SETTINGS)
settings.load_profile(os.environ.get("DATELINE_HYPOTHESIS_PROFILE", "default"))

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
