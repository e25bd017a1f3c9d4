"""`build.py new`: start an article file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dateline.cli.report import published_option, report


def new(headline: str, timeline: str, dateline: str, content: Path,
        published_text: str | None = None) -> int:
    """Scaffold an article published on `--published`, else on the day its dateline names
    (a backfill), else today: the one command allowed to read the clock."""
    from datetime import date

    from dateline.authoring.scaffold import article_text, file_name
    from dateline.dates import DateError, reference_date
    from dateline.dates.reference import dateline_day
    from dateline.engine.confine import leads_out, link_out
    from dateline.engine.pipeline import display_path
    from dateline.load.fields import SLUG, SLUG_RULE
    from dateline.load.site_config import load_site_config

    if published_text is not None:
        given = published_option(published_text)
        if given is None:
            return 1
        published = given
    else:
        today = date.today()
        published = dateline_day(dateline, today) or today
    config_path = content / "site.yaml"
    if config_path.is_symlink() and leads_out(config_path, content):
        return report([link_out(display_path(config_path), display_path(content))])
    if config_path.is_file():
        config, errors = load_site_config(display_path(config_path), config_path.read_bytes())
        if errors or config is None:
            return report(errors)
        slugs = [t.slug for t in config.timelines]
        if timeline not in slugs:
            print(
                f'error: no timeline "{timeline}" in {config_path}; one of: ' + ", ".join(slugs),
                file=sys.stderr,
            )
            return 1
    elif not SLUG.fullmatch(timeline):
        print(f"error: --timeline {json.dumps(timeline, ensure_ascii=False)} cannot name a "
              f"timeline; {SLUG_RULE}", file=sys.stderr)
        return 1
    try:
        reference_date(dateline, published)
    except DateError as problem:
        print(f"error: --dateline {dateline!r}: {problem.message}", file=sys.stderr)
        return 1
    path = content / file_name(headline, published)
    if path.exists():
        print(f"error: {path} already exists; choose another headline", file=sys.stderr)
        return 1
    content.mkdir(parents=True, exist_ok=True)
    path.write_text(article_text(headline, timeline, dateline, published), encoding="utf-8")
    print(f"created {display_path(path)}")
    return 0
