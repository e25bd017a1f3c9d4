"""What the page templates receive: every date already formatted, every link already relative.

Templates never compute dates or paths (so an overriding template cannot get them wrong); these
immutable values are the whole vocabulary a template can use, documented in docs/templates.md.
The ones made per event are named tuples: a build makes some 500,000 of them, and a tuple is
built several times faster than a frozen dataclass, whose fields are set one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from markupsafe import escape

from dateline.display import (
    APPROX,
    EN_DASH,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    bounding_dates,
    format_bounds,
    format_date,
    format_span,
    format_time,
    history,
    zone_abbreviation,
)
from dateline.model import DateStyle, Event, Order, Site, Timeline


class Link(NamedTuple):
    text: str
    href: str


@dataclass(frozen=True, slots=True)
class Nav:
    """The site's timelines as links from a page at `root`: a template may loop over them (each a
    *Link*) or print the whole (`{{ nav }}`) for one `<li>` a link, escaped.

    Made for every page of the site, so the links are made only when a template asks: printed
    whole, the nav costs a page one output instead of two escaped values for each timeline.
    """

    root: str
    timelines: tuple[tuple[str, str], ...]  # (title, slug)

    def __iter__(self) -> Iterator[Link]:
        root = self.root
        return (Link(title, f"{root}{slug}/index.html") for title, slug in self.timelines)

    def __len__(self) -> int:
        return len(self.timelines)

    def __html__(self) -> str:
        return "".join(
            f'<li><a href="{escape(link.href)}">{escape(link.text)}</a></li>\n' for link in self
        )


class SourceView(NamedTuple):
    number: int
    note_id: str  # the footnote's element id: "<element_id>-src-<number>"
    title: str
    outlet: str | None
    article_href: str  # the dated phrase on the article page
    url: str | None  # the outlet's own page
    when: str  # the expression as this article words it


class EventView(NamedTuple):
    id: str
    element_id: str  # unique on its page: the id itself, or timeline-qualified on tag pages
    timeline: Link  # the event's timeline (for tag pages)
    permalink: str  # the event on its timeline page
    lead: str  # "Tue, Jan. 23, 2024", "early Jan. 2024"
    lead_parts: tuple[str, ...]  # the lead split at a spaced dash, so a line breaks only there
    datetime: str  # ISO start date for <time datetime>
    end_datetime: str
    approximate: bool
    span: str | None  # the exact days of an approximate date, when the lead does not show them
    what: str
    quote: str | None
    sources: tuple[SourceView, ...]
    tags: tuple[Link, ...]
    explanation: str
    scheduled: bool = False  # every report came before the event: shown as not yet history
    ongoing: bool = False  # no report has seen it end; the lead says "still under way as of"
    time_part: str = ""  # a timed lead's time, "7:40 a.m. EST": its own unbroken run after the day


@dataclass(frozen=True, slots=True)
class MonthGroup:
    heading: str  # "January"
    events: tuple[EventView, ...]


@dataclass(frozen=True, slots=True)
class YearGroup:
    heading: str  # "2024"
    events: tuple[EventView, ...]  # dated no finer than the year: shown before its months
    months: tuple[MonthGroup, ...]


@dataclass(frozen=True, slots=True)
class TimelineSummary:
    link: Link  # to the timeline page, relative to the page showing the summary
    description: str | None
    span: str | None  # "Oct. 7, 2023 – Jan. 30, 2024"; None without events
    count: str  # "12 events"
    updated: str | None  # "Jan. 30, 2024"


SPACED_DASH = f" {EN_DASH} "
NOT_SLUG = re.compile(r"[^a-z0-9]+")
IS_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def tag_slug(tag: str) -> str:
    """A file name for a tag's page: lower case letters, digits and hyphens only."""
    if IS_SLUG.fullmatch(tag):  # most tags already are one: one C call instead of three
        return tag
    slug = NOT_SLUG.sub("-", tag.lower()).strip("-")
    return slug or "tag"


def summarise(timeline: Timeline, root: str) -> TimelineSummary:
    config = timeline.config
    style = config.date_style
    bounds = bounding_dates(history(timeline.events))
    count = len(timeline.events)
    updated = timeline.updated
    return TimelineSummary(
        link=Link(config.title, f"{root}{config.slug}/index.html"),
        description=config.description,
        span=format_bounds(*bounds, style) if bounds else None,
        count=f"{count} event" if count == 1 else f"{count} events",
        updated=format_span(updated, updated, style) if updated else None,
    )


def event_view(
    event: Event,
    style: DateStyle,
    timeline_name: str,
    root: str,
    *,
    on_timeline_page: bool = False,
    tag_links: dict[str, Link] | None = None,
    show_zone: bool = True,
) -> EventView:
    """One event as a page shows it; `root` leads from the page to the site's top folder.

    `timeline_name` is the title of the event's timeline (see `timeline_titles`). Built some
    150,000 times for a 10,000-article site: a caller making many views with one `root` passes
    a `tag_links` dict, in which each tag's link is then made once.
    """
    resolved = event.date
    lead = format_date(resolved, style, zone=show_zone).removesuffix(APPROX)
    time_part = ""
    if resolved.timing is not None:
        time_part = format_time(resolved.timing, resolved.start, style, zone=show_zone)
        lead_parts: tuple[str, ...] = (lead.removesuffix(", " + time_part),)
    else:
        lead_parts = tuple(lead.split(SPACED_DASH)) if SPACED_DASH in lead else (lead,)
    span = None
    if resolved.approximate:
        exact = format_span(resolved.start, resolved.end, style)
        span = exact if exact != lead else None
    event_id = event.id
    timeline_href = f"{root}{event.timeline}/index.html"
    element_id = event_id if on_timeline_page else f"{event.timeline}--{event_id}"
    at_phrase = f".html#at-{event_id}"
    sources = tuple(
        SourceView(
            number,
            f"{element_id}-src-{number}",
            source.title,
            source.source,
            f"{root}articles/{source.article}{at_phrase}",
            source.url,
            source.when,
        )
        for number, source in enumerate(event.sources, start=1)
    )
    if tag_links is None:
        tag_links = {}
    tags = []
    for tag in event.tags:
        link = tag_links.get(tag)
        if link is None:
            link = tag_links[tag] = Link(tag, f"{root}tags/{tag_slug(tag)}.html")
        tags.append(link)
    return EventView(
        event_id,
        element_id,
        Link(timeline_name, timeline_href),
        f"#{event_id}" if on_timeline_page else f"{timeline_href}#{event_id}",
        lead,
        lead_parts,
        resolved.timing.start if resolved.timing else resolved.start.isoformat(),
        resolved.timing.end if resolved.timing else resolved.end.isoformat(),
        resolved.approximate,
        span,
        event.what,
        event.quote,
        sources,
        tuple(tags),
        resolved.explanation,
        event.status == "scheduled",
        resolved.ongoing,
        time_part,
    )


def zone_shown(events: Sequence[Event]) -> list[bool]:
    """Whether each event's lead names its zone: the first timed event of a day does, and any
    whose zone's abbreviation differs from the one shown before it that day."""
    shown: list[bool] = []
    last: tuple[date, str] | None = None
    for event in events:
        timing = event.date.timing
        if timing is None:
            shown.append(True)
            continue
        key = (event.date.start, zone_abbreviation(timing))
        shown.append(key != last)
        last = key
    return shown


def group_by_month(events: Iterable[EventView]) -> tuple[YearGroup, ...]:
    """Year and month headings over events already in page order (by their start date). An
    event of whole months sits under the heading of its reach: several months ("in 2015",
    "late last year") under its year, before the months; one month under that month, before its
    days. Any other event, a run of days included, sits under the month it starts in."""
    years: list[YearRows] = []
    for view in events:
        year, month = view.datetime[:4], MONTH_NAMES[int(view.datetime[5:7]) - 1]
        if not years or years[-1].heading != year:
            years.append(YearRows(year, [], []))
        whole_months = view.datetime[8:] == "01" and _is_last_day(view.end_datetime)
        if whole_months and view.datetime[:7] != view.end_datetime[:7]:
            years[-1].coarse.append(view)
            continue
        months = years[-1].months
        if not months or months[-1].heading != month:
            months.append(MonthRows(month, [], []))
        (months[-1].whole if whole_months else months[-1].days).append(view)
    return tuple(
        YearGroup(
            year.heading,
            tuple(year.coarse),
            tuple(MonthGroup(month.heading, (*month.whole, *month.days)) for month in year.months),
        )
        for year in years
    )


DAYS_FOR_DAY_HEADINGS = 7  # a timeline whose events all start within a week is told by the day


def group_by_day(events: Sequence[EventView]) -> tuple[YearGroup, ...] | None:
    """Day headings ("Tuesday 12 October") for a timeline told hour by hour, whose events all
    start within a week; None for any other, which `group_by_month` heads."""
    days = sorted({date.fromisoformat(view.datetime[:10]) for view in events})
    if len(events) < 2 or (days[-1] - days[0]).days >= DAYS_FOR_DAY_HEADINGS:
        return None
    years: list[YearRows] = []
    for view in events:
        day = date.fromisoformat(view.datetime[:10])
        heading = f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
        if not years or years[-1].heading != str(day.year):
            years.append(YearRows(str(day.year), [], []))
        rows = years[-1].months
        if not rows or rows[-1].heading != heading:
            rows.append(MonthRows(heading, [], []))
        rows[-1].days.append(view)
    return tuple(
        YearGroup(year.heading, (), tuple(MonthGroup(row.heading, tuple(row.days))
                                          for row in year.months))
        for year in years
    )


class MonthRows(NamedTuple):
    heading: str
    whole: list[EventView]
    days: list[EventView]


class YearRows(NamedTuple):
    heading: str
    coarse: list[EventView]
    months: list[MonthRows]


def _is_last_day(iso_day: str) -> bool:
    day = date.fromisoformat(iso_day)
    return (day + timedelta(days=1)).day == 1


def in_page_order(events: Sequence[Event], order: Order) -> tuple[Event, ...]:
    ordered = sorted(events, key=lambda e: e.sort_key)
    return tuple(reversed(ordered)) if order == "newest-first" else tuple(ordered)


def timeline_titles(site: Site) -> dict[str, str]:
    """Each timeline's title by slug: looked up per event, so built once per site."""
    return {timeline.config.slug: timeline.config.title for timeline in site.timelines}
