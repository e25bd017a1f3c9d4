"""The problems only the whole site shows: an unknown timeline, page names that differ only by
case, an event id used twice in an article, an anchor that names no event, anchors in a circle."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import get_close_matches

from dateline.assemble.reports import Key, Report
from dateline.errors import ContentError
from dateline.model import Article


def unknown_timeline(article: Article, known: list[str]) -> ContentError:
    """An article whose `timeline:` site.yaml does not list, with the closest one it does."""
    at = article.timeline_at
    close = get_close_matches(article.timeline, known, n=1)
    hint = f'did you mean "{close[0]}"?' if close else "add it under timelines: in site.yaml"
    return ContentError(
        article.path,
        at.line if at else 0,
        at.column if at else 0,
        f'unknown timeline "{article.timeline}"',
        hint,
        at.source_line if at else None,
    )


def page_name_collisions(articles: Sequence[Article]) -> list[ContentError]:
    """Files whose names differ only by case would be one page on macOS and Windows."""
    first: dict[str, Article] = {}
    errors = []
    for article in articles:
        other = first.setdefault(article.stem.casefold(), article)
        if other is not article:
            errors.append(
                ContentError(
                    article.path,
                    0,
                    0,
                    f"this file and {other.path} differ only by case, so they would be "
                    "the same page on some systems",
                    "rename one of them",
                )
            )
    return errors


def duplicate_ids(article: Article) -> list[ContentError]:
    """Each event id that an article uses a second time."""
    seen: set[str] = set()
    errors = []
    for spec in article.events:
        if spec.id in seen:
            errors.append(
                ContentError(
                    spec.id_at.path,
                    spec.id_at.line,
                    spec.id_at.column,
                    f'event id "{spec.id}" is used twice in this article',
                    "give each event of an article its own id",
                    spec.id_at.source_line,
                )
            )
        seen.add(spec.id)
    return errors


def unknown_anchor(report: Report, ids: Sequence[str]) -> ContentError:
    """An `anchor:` that names no event of its timeline, with the closest id that does."""
    at = report.spec.anchor_at or report.spec.at
    close = get_close_matches(report.spec.anchor or "", ids, n=1)
    return ContentError(
        at.path,
        at.line,
        at.column,
        f'anchor "{report.spec.anchor}" names no event of timeline "{report.article.timeline}"',
        f'did you mean "{close[0]}"?' if close
        else "anchor on the id of an event listed in an article of the same timeline",
        at.source_line,
    )


def cycle_error(cycle: list[Key], reports: dict[Key, list[Report]]) -> ContentError:
    """Events anchored on each other in a circle, none of which can be dated first."""
    first = reports[cycle[0]][0].spec
    at = first.anchor_at or first.at
    names = " → ".join(key[1] for key in [*cycle, cycle[0]])
    return ContentError(
        at.path,
        at.line,
        at.column,
        f"these events are anchored on each other in a circle: {names}",
        "anchor one of them on a dated event instead",
        at.source_line,
    )
