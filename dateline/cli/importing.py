"""`build.py import`: raw copy (a plain-text or HTML story, an Atom or RSS feed) into article
files with drafted events, never overwriting one."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.cli.report import published_option, report
from dateline.cli.suggest import timeline_events

if TYPE_CHECKING:
    from dateline.authoring.stories import Story, StoryError

STDIN = "-"


def import_copy(sources: list[str], content: Path, timeline: str | None,
                published_text: str | None) -> int:
    """Write one article per story; say what was created and what skipped. Exit 1 when a
    source could not be read or gave no story, after doing all the others."""
    from dateline.authoring.article_file import article_file, file_name
    from dateline.authoring.stories import StoryError
    from dateline.engine.pipeline import display_path

    published = None
    if published_text is not None:
        published = published_option(published_text)
        if published is None:
            return 1
    chosen = chosen_timeline(content, timeline)
    if isinstance(chosen, int):
        return chosen
    known = timeline_events(content, chosen) if content.is_dir() else []
    failed = False
    for source in sources:
        try:
            stories = read_stories(source, published)
        except (OSError, StoryError) as problem:
            print(f"error: {problem}", file=sys.stderr)
            failed = True
            continue
        for story in stories:
            if isinstance(story, StoryError):
                print(f"error: {story}", file=sys.stderr)
                failed = True
                continue
            path = content / file_name(story)
            if path.exists():
                print(f"skipped {story.title!r}: {display_path(path)} already exists")
                continue
            try:
                text, article = article_file(story, chosen, display_path(path), known)
            except StoryError as problem:
                print(f"error: {source}: {problem}", file=sys.stderr)
                failed = True
                continue
            try:
                content.mkdir(parents=True, exist_ok=True)
                with path.open("x", encoding="utf-8") as written:  # never replaces a file
                    written.write(text)
            except OSError as problem:
                print(f"error: cannot write {display_path(path)}: {problem.strerror}",
                      file=sys.stderr)
                failed = True
                continue
            known.extend(article.events)
            drafted = len(article.events)
            print(f"created {display_path(path)} ({drafted} drafted "
                  f"event{'' if drafted == 1 else 's'})")
    return 1 if failed else 0


def read_stories(source: str, published: date | None) -> list[Story | StoryError]:
    from dateline.authoring.stories import (
        StoryError,
        kind_of,
        page_text,
        stories_from_feed,
        story_from_html,
        story_from_text,
    )

    if source == STDIN:
        data, name = sys.stdin.buffer.read(), "standard input"
    else:
        try:
            data, name = Path(source).read_bytes(), source
        except OSError as problem:
            raise OSError(f"cannot read {source}: {problem.strerror}") from None
    kind = kind_of(name, data)
    if kind == "feed":
        return stories_from_feed(data, name, published)
    if kind == "html":
        return [story_from_html(page_text(data, name), name, published)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        raise StoryError(f"{name}: not UTF-8 text (byte {problem.start})") from None
    return [story_from_text(text, name, published)]


def chosen_timeline(content: Path, timeline: str | None) -> str | int:
    """--timeline, checked against site.yaml; without it, site.yaml's only timeline. An exit
    code when neither names one."""
    from dateline.engine.pipeline import display_path
    from dateline.load.fields import SLUG, SLUG_RULE
    from dateline.load.site_config import load_site_config

    config_path = content / "site.yaml"
    slugs: list[str] | None = None
    if config_path.is_file():
        config, errors = load_site_config(display_path(config_path), config_path.read_bytes())
        if errors or config is None:
            return report(errors)
        slugs = [t.slug for t in config.timelines]
    if timeline is None:
        if slugs is not None and len(slugs) == 1:
            return slugs[0]
        among = f"; one of: {', '.join(slugs)}" if slugs else ""
        print(f"error: say which timeline the stories go on with --timeline SLUG{among}",
              file=sys.stderr)
        return 1
    if slugs is not None and timeline not in slugs:
        print(f'error: no timeline "{timeline}" in {display_path(config_path)}; one of: '
              + ", ".join(slugs), file=sys.stderr)
        return 1
    if slugs is None and not SLUG.fullmatch(timeline):
        print(f"error: --timeline {json.dumps(timeline, ensure_ascii=False)} cannot name a "
              f"timeline; {SLUG_RULE}", file=sys.stderr)
        return 1
    return timeline


