"""`build.py check`: everything a build checks, and optionally coverage; nothing written."""

from __future__ import annotations

import sys
from pathlib import Path

from dateline.cli.report import report
from dateline.errors import ContentError
from dateline.load.timezone import NO_TIMES, article_zone


def check(content: Path, coverage: bool = False, strict: bool = False) -> int:
    from dateline.engine.pipeline import build_site

    site, errors = build_site(content)
    if errors or site is None:
        return report(errors)
    warnings: list[ContentError] = []
    if coverage:
        from dateline.authoring.coverage import coverage_warnings

        for article in site.articles:
            warnings += coverage_warnings(article)
    if warnings and strict:
        return report(warnings)
    for warning in sorted(warnings, key=lambda w: w.sort_key):
        print("warning: " + warning.format(), file=sys.stderr)
    for article in site.articles:
        if article.dateline_line:
            print(f'note: {article.path}:{article.dateline_line}: no "dateline:" in the front '
                  f'matter; the dateline is "{article.dateline}", read from this line of the body',
                  file=sys.stderr)
        zone, zone_note = article.zone, article.zone_note
        if zone is None and zone_note == NO_TIMES:  # loading needed no zone: look it up now
            _, zone, zone_note = article_zone(article.dateline, None)
        if zone is None:
            print(f"note: {article.path}: {zone_note}, and no timezone is given: its "
                  'times of day are not read, only its days (add "timezone:" to its front '
                  "matter or to site.yaml)", file=sys.stderr)
    events = sum(len(timeline.events) for timeline in site.timelines)
    noun = "warning" if len(warnings) == 1 else "warnings"
    found = f"{len(warnings)} coverage {noun}" if warnings else "no problems found"
    print(f"{len(site.articles)} articles, {events} events: {found}")
    return 0
