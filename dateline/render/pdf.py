"""The printed brief: a timeline as a paginated PDF, made by WeasyPrint from templates/brief.html.

The HTML is built from the same model as the pages and never computes a date itself; the PDF's
bytes depend only on that HTML and on `epoch` (derived from the timeline's "as of" date), so two
builds of the same content give the same file.
"""

from __future__ import annotations

import calendar
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import groupby
from types import MappingProxyType

import jinja2

from dateline.display import (
    MONTH_NAMES,
    bounding_dates,
    format_bounds,
    format_date,
    format_span,
    history,
)
from dateline.model import Event, Paper, Site, Timeline

PAGE_SIZES: MappingProxyType[Paper, str] = MappingProxyType({"a4": "A4", "letter": "letter"})


@dataclass(frozen=True, slots=True)
class BriefSource:
    """One report behind an event, printed as a footnote with its URL spelled out.

    An article cited again is not a new footnote: the text repeats its first note's number
    (`first_note`), so one article is one note, however many events it reports.
    """

    title: str
    outlet: str | None
    url: str | None
    first_note: int | None


@dataclass(frozen=True, slots=True)
class BriefEvent:
    id: str
    lead: str  # the display date, printed bold before the text
    what: str
    approximate: bool
    explanation: str
    sources: tuple[BriefSource, ...]
    scheduled: bool = False  # every report came before the event: printed as scheduled


@dataclass(frozen=True, slots=True)
class BriefMonth:
    heading: str
    events: tuple[BriefEvent, ...]


@dataclass(frozen=True, slots=True)
class BriefYear:
    year: int
    months: tuple[BriefMonth, ...]


@dataclass(frozen=True, slots=True)
class Brief:
    """Everything templates/brief.html shows, already worded."""

    title: str
    site_title: str
    language: str
    description: str | None
    span: str | None  # "Oct. 7, 2023 – Jan. 30, 2024"; None for an empty timeline
    as_of: str | None
    as_of_iso: str | None
    event_count: int
    page_size: str
    years: tuple[BriefYear, ...]


def _brief_events(events: list[Event], timeline: Timeline) -> list[BriefEvent]:
    """The events as printed, footnotes numbered as CSS will number them: in document order."""
    first_notes: dict[str, int] = {}
    printed = []
    note = 0
    for event in events:
        sources = []
        for source in event.sources:
            again = first_notes.get(source.article)
            if again is None:
                note += 1
                first_notes[source.article] = note
            sources.append(BriefSource(source.title, source.source, source.url, again))
        printed.append(BriefEvent(
            id=event.id,
            lead=format_date(event.date, timeline.config.date_style),
            what=event.what,
            approximate=event.date.approximate,
            explanation=event.date.explanation,
            sources=tuple(sources),
            scheduled=event.status == "scheduled",
        ))
    return printed


def _years(timeline: Timeline) -> tuple[BriefYear, ...]:
    """Events under year and month headings, by the month each event starts in.

    A printed chronology reads forward, so the brief is oldest first whatever the page's order.
    """
    ordered = sorted(timeline.events, key=lambda event: event.sort_key)
    printed = zip(ordered, _brief_events(ordered, timeline), strict=True)
    years = []
    for year, in_year in groupby(printed, key=lambda pair: pair[0].date.start.year):
        months = tuple(
            BriefMonth(heading=MONTH_NAMES[month - 1], events=tuple(pair[1] for pair in in_month))
            for month, in_month in groupby(in_year, key=lambda pair: pair[0].date.start.month)
        )
        years.append(BriefYear(year, months))
    return tuple(years)


def build_brief(site: Site, timeline: Timeline) -> Brief:
    """The brief's content, worded with the timeline's date style."""
    config = timeline.config
    style = config.date_style
    events = timeline.events
    bounds = bounding_dates(history(events))
    span = format_bounds(*bounds, style) if bounds else None
    as_of = format_span(timeline.updated, timeline.updated, style) if timeline.updated else None
    return Brief(
        title=config.title,
        site_title=site.config.title,
        language=site.config.language,
        description=config.description,
        span=span,
        as_of=as_of,
        as_of_iso=timeline.updated.isoformat() if timeline.updated else None,
        event_count=len(events),
        page_size=PAGE_SIZES[config.paper],
        years=_years(timeline),
    )


def brief_html(site: Site, timeline: Timeline, env: jinja2.Environment) -> str:
    """The print HTML of a timeline, from templates/brief.html (overridable like every page)."""
    return env.get_template("brief.html").render(brief=build_brief(site, timeline))


def brief_epoch(timeline: Timeline) -> int:
    """Midnight UTC of the "as of" date, in seconds: the PDF's only timestamp."""
    if timeline.updated is None:
        return 0
    return calendar.timegm(timeline.updated.timetuple())


@contextmanager
def _source_date_epoch(epoch: int) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH while WeasyPrint runs, then put back what was there."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def pdf_unavailable() -> str | None:
    """Why WeasyPrint cannot run here (its system libraries, Pango, are missing), or None."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as problem:
        return str(problem).splitlines()[0]
    return None


def html_to_pdf(html: str, epoch: int) -> bytes:
    """Render print HTML to PDF bytes that depend only on `html` and `epoch`.

    Nothing is fetched (only data: URLs load), and the creation and modification dates and the
    file identifier come from the arguments, not from the clock.
    """
    import weasyprint  # slow to import; only builds that print need it

    stamp = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",))
    with _source_date_epoch(epoch):
        document = weasyprint.HTML(string=html, url_fetcher=fetcher).render()
        document.metadata.created = stamp
        document.metadata.modified = stamp
        pdf: bytes = document.write_pdf(pdf_identifier=identifier)
    return pdf
