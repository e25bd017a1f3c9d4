"""Each event's date from its reports: every report read against its own article (its
reference date, anchor and zone), then the reports of one event merged into one Event."""

from __future__ import annotations

from dataclasses import replace

from dateline.assemble.merge import after_the_fact, event_status, merge_reports, merge_times
from dateline.assemble.reports import Key, Report
from dateline.dates import resolve
from dateline.dates.timing import timed
from dateline.errors import ContentError, DateError
from dateline.load.ahead import read_back_preview
from dateline.load.timezone import NO_TIMES
from dateline.model import (
    Article,
    DateProblem,
    Event,
    EventSpec,
    Presolved,
    ResolvedDate,
    SiteConfig,
    SourceRef,
    Span,
)

SITE_ZONE_NOTE = "the site's timezone"


def resolve_spec(
    article: Article, spec: EventSpec, anchor: Span | None = None, anchor_label: str = "the anchor",
    anchor_date: ResolvedDate | None = None,
) -> ResolvedDate | DateProblem:
    """One event's date as its article words it, against the article's reference date, with
    its time of day in the article's zone when the words state one; a preview read back from
    the dateline for want of `direction:` is a problem, not a date."""
    try:
        day = resolve(
            spec.when,
            article.reference,
            anchor=anchor,
            direction=spec.direction,
            reference_label=article.reference_note,
            anchor_label=anchor_label,
        )
        read_back = read_back_preview(spec, article.reference, day, article.reference_note)
        if read_back is not None:
            return DateProblem(read_back, 0)
        where = "the site's timezone" if article.zone_note == SITE_ZONE_NOTE else article.place
        return timed(day, spec.when, article.zone, where, anchor_date)
    except DateError as problem:
        return DateProblem(problem.message, problem.offset)


def presolve(article: Article) -> Presolved:
    """The dates that need only the article itself: a worker reads them with the article, and
    the cache keeps them with it, so the serial assembly resolves only anchored events."""
    return tuple(None if spec.anchor else resolve_spec(article, spec) for spec in article.events)


def with_site_zone(article: Article, config: SiteConfig) -> Article:
    """The article with the site's `timezone:` when neither its front matter nor its dateline's
    city gives one. Its presolved dates were read without that zone, so they are read again;
    an article none of whose events states a time needs no zone."""
    if article.zone is not None or config.timezone is None or article.zone_note == NO_TIMES:
        return article
    return replace(article, zone=config.timezone, zone_note=SITE_ZONE_NOTE)


def resolve_event(
    key: Key, group: list[Report], resolved: dict[Key, Event]
) -> tuple[Event | None, list[ContentError]]:
    """The event its reports date, once every anchor it names is in `resolved`; or the problems
    that its reports' dates have, or the conflict between them."""
    dates: list[ResolvedDate] = []
    read: list[Report] = []
    errors: list[ContentError] = []
    for report in group:
        spec, article = report.spec, report.article
        found = report.known
        if spec.anchor is not None:
            if (key[0], spec.anchor) not in resolved:
                continue  # an unknown anchor, already reported
            anchor_date = resolved[(key[0], spec.anchor)].date
            found = resolve_spec(article, spec, anchor_date.span, spec.anchor, anchor_date)
        elif found is None:
            found = resolve_spec(article, spec)
        if isinstance(found, DateProblem):
            column = spec.at.column + found.offset
            errors.append(ContentError(spec.at.path, spec.at.line, column, found.message,
                                       source_line=spec.at.source_line))
        else:
            dates.append(found)
            read.append(report)
    if errors or not dates:
        return None, errors
    # Reports that tell the event after the fact speak first: their wording, quote and
    # explanation replace a preview's ("Divers plan to bring out ...") once it has happened.
    order = sorted(range(len(read)), key=lambda i: (not after_the_fact(read[i], dates[i]),
                                                    read[i].told))
    read, dates = [read[i] for i in order], [dates[i] for i in order]
    merged, conflict = merge_reports(read, dates)
    if merged is not None:
        merged, conflict = merge_times(read, dates, merged)
    if merged is None:
        return None, [conflict] if conflict else []
    first = min(group, key=lambda report: report.told)
    return (
        Event(
            id=key[1],
            timeline=key[0],
            date=merged,
            what=read[0].spec.what,
            sources=tuple(_source(report) for report in group),
            tags=tuple(sorted({tag for report in group for tag in report.article.tags})),
            quote=next((r.spec.quote for r in [*read, *group] if r.spec.quote), None),
            status=event_status(read, dates),
            told=first.told,
        ),
        [],
    )


def _source(report: Report) -> SourceRef:
    article = report.article
    return SourceRef(
        article=article.stem,
        path=article.path,
        title=article.title,
        source=article.source,
        url=article.url,
        when=report.spec.when,
        line=report.spec.at.line,
    )

