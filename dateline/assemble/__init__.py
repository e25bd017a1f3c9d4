"""From checked articles to timelines: resolve every event in anchor order, merge reports, sort."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from dateline.assemble.events import SITE_ZONE_NOTE, presolve, resolve_event, with_site_zone
from dateline.assemble.problems import (
    cycle_error,
    duplicate_ids,
    page_name_collisions,
    unknown_anchor,
    unknown_timeline,
)
from dateline.assemble.reports import Key, Report
from dateline.assemble.site import site_from
from dateline.dates.anchors import dependency_order
from dateline.errors import ContentError
from dateline.model import Article, Event, Presolved, Site, SiteConfig

__all__ = ["assemble", "presolve", "with_site_zone"]


def assemble(
    config: SiteConfig, articles: Sequence[Article], presolved: Mapping[str, Presolved] = {}
) -> tuple[Site | None, list[ContentError]]:
    """The whole site's data, or every problem found on the way; `presolved` holds dates that
    `presolve` already read, by article path."""
    articles = sorted(
        (with_site_zone(article, config) for article in articles), key=lambda a: a.path)
    errors: list[ContentError] = page_name_collisions(articles)
    known = {timeline.slug for timeline in config.timelines}
    reports: dict[Key, list[Report]] = defaultdict(list)
    told = 0
    for article in articles:
        if article.timeline not in known:
            errors.append(unknown_timeline(article, sorted(known)))
    for article in sorted(articles, key=lambda article: (article.published, article.path)):
        if article.timeline not in known:
            continue
        errors += duplicate_ids(article)
        read = presolved.get(article.path) if article.zone_note != SITE_ZONE_NOTE else None
        read = read or (None,) * len(article.events)
        for spec, date_read in zip(article.events, read, strict=True):
            reports[(article.timeline, spec.id)].append(Report(article, spec, date_read, told))
            told += 1
    for group in reports.values():
        group.sort(key=lambda report: report.article.path)  # sources listed by path
    anchors: dict[Key, list[Key]] = {}
    for key, group in reports.items():
        anchors[key] = []
        for report in group:
            if report.spec.anchor is None:
                continue
            target = (key[0], report.spec.anchor)
            if target in reports:
                anchors[key].append(target)
            else:
                ids = sorted(event_id for timeline, event_id in reports if timeline == key[0])
                errors.append(unknown_anchor(report, ids))
    order, cycles = dependency_order(anchors)
    errors += [cycle_error(cycle, reports) for cycle in cycles]
    resolved: dict[Key, Event] = {}
    for key in order:
        if any(dep not in resolved for dep in anchors[key]):
            continue  # an anchor failed to resolve; its own error says why
        event, event_errors = resolve_event(key, reports[key], resolved)
        errors += event_errors
        if event is not None:
            resolved[key] = event
    if errors:
        return None, errors
    return site_from(config, articles, resolved), []

