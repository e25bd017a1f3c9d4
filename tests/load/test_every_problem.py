"""Every problem of a file is reported in one run, several in one mapping included."""

from __future__ import annotations

from dateline.load.site_config import load_site_config

SITE = b"""\
title: Desk
timelines:
  quake:
    title: Quake
    order: random
    date_style: fancy
    paper: a3
"""


def test_every_bad_setting_of_a_timeline_is_reported_at_once() -> None:
    config, errors = load_site_config("content/site.yaml", SITE)
    assert config is None
    assert [(error.line, error.column) for error in errors] == [(5, 12), (6, 17), (7, 12)]
    assert ['"random"' in errors[0].message, '"fancy"' in errors[1].message,
            '"a3"' in errors[2].message] == [True, True, True]


def test_front_matter_that_is_never_closed_is_named_so() -> None:
    from dateline.load.article import load_article

    unclosed = b"---\ntitle: A\npublished: 2024-01-24\n\nBody.\n"
    article, errors = load_article("content/a.md", unclosed)
    assert article is None
    assert [(e.line, e.message) for e in errors] == [
        (1, "the front matter opened here is never closed")]
    assert "---" in (errors[0].hint or "")
