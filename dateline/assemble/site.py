"""The Site from its dated events: each timeline's events in order, a quote shown once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from dateline.assemble.reports import Key
from dateline.model import Article, Event, Site, SiteConfig, Timeline


def site_from(config: SiteConfig, articles: list[Article], events: dict[Key, Event]) -> Site:
    """Every timeline of site.yaml with its events in date order, each updated on its newest
    article's publication date."""
    by_timeline: dict[str, list[Event]] = defaultdict(list)
    for event in events.values():
        by_timeline[event.timeline].append(event)
    updated: dict[str, date] = {}
    for article in articles:
        if article.timeline not in updated or article.published > updated[article.timeline]:
            updated[article.timeline] = article.published
    timelines = tuple(
        Timeline(
            config=timeline,
            events=_quoted_once(sorted(by_timeline[timeline.slug], key=lambda e: e.sort_key)),
            updated=updated.get(timeline.slug),
        )
        for timeline in config.timelines
    )
    newest = max((article.published for article in articles), default=None)
    return Site(config=config, timelines=timelines, articles=tuple(articles), updated=newest)


def _quoted_once(events: list[Event]) -> tuple[Event, ...]:
    """A sentence that tells of several events is shown under the first of them only: the same
    quote under three events of one day is noise, not evidence."""
    shown: set[str] = set()
    once = []
    for event in events:
        if event.quote is not None and event.quote in shown:
            event = replace(event, quote=None)
        elif event.quote is not None:
            shown.add(event.quote)
        once.append(event)
    return tuple(once)

