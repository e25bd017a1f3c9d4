"""From checked articles to timelines: resolve every event in anchor order, merge reports, sort."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from difflib import get_close_matches

from dateline.dates import resolve
from dateline.dates.anchors import dependency_order
from dateline.dates.timing import time_text, timed, timed_report_to_keep
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
    Site,
    SiteConfig,
    SourceRef,
    Span,
    Status,
    Timeline,
)

Key = tuple[str, str]  # (timeline slug, event id)


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of an event, with its date when it needs no anchor and was read."""

    article: Article
    spec: EventSpec
    known: ResolvedDate | DateProblem | None = None
    told: int = 0  # the report's place among all reports, first published first


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


SITE_ZONE_NOTE = "the site's timezone"


def with_site_zone(article: Article, config: SiteConfig) -> Article:
    """The article with the site's `timezone:` when neither its front matter nor its dateline's
    city gives one. Its presolved dates were read without that zone, so they are read again;
    an article none of whose events states a time needs no zone."""
    if article.zone is not None or config.timezone is None or article.zone_note == NO_TIMES:
        return article
    return replace(article, zone=config.timezone, zone_note=SITE_ZONE_NOTE)


def assemble(
    config: SiteConfig, articles: Sequence[Article], presolved: Mapping[str, Presolved] = {}
) -> tuple[Site | None, list[ContentError]]:
    """The whole site's data, or every problem found on the way; `presolved` holds dates that
    `presolve` already read, by article path."""
    articles = sorted(
        (with_site_zone(article, config) for article in articles), key=lambda a: a.path)
    errors: list[ContentError] = _page_name_collisions(articles)
    known = {timeline.slug for timeline in config.timelines}
    reports: dict[Key, list[Report]] = defaultdict(list)
    told = 0
    for article in articles:
        if article.timeline not in known:
            errors.append(_unknown_timeline(article, sorted(known)))
    for article in sorted(articles, key=lambda article: (article.published, article.path)):
        if article.timeline not in known:
            continue
        errors += _duplicate_ids(article)
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
                errors.append(_unknown_anchor(report, ids))
    order, cycles = dependency_order(anchors)
    errors += [_cycle_error(cycle, reports) for cycle in cycles]
    resolved: dict[Key, Event] = {}
    for key in order:
        if any(dep not in resolved for dep in anchors[key]):
            continue  # an anchor failed to resolve; its own error says why
        event, event_errors = _resolve_event(key, reports[key], resolved)
        errors += event_errors
        if event is not None:
            resolved[key] = event
    if errors:
        return None, errors
    return _site(config, articles, resolved), []


def _resolve_event(
    key: Key, group: list[Report], resolved: dict[Key, Event]
) -> tuple[Event | None, list[ContentError]]:
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
    order = sorted(range(len(read)), key=lambda i: (not _after_the_fact(read[i], dates[i]),
                                                    read[i].told))
    read, dates = [read[i] for i in order], [dates[i] for i in order]
    merged, conflict = merge_reports(read, dates)
    if merged is not None:
        merged, conflict = _merge_times(read, dates, merged)
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


def event_status(group: Sequence[Report], dates: Sequence[ResolvedDate]) -> Status:
    """"scheduled" when every report was filed before the event: a preview says
    `direction: future`, or its date starts after the article's reference; else "reported"."""
    if any(_after_the_fact(r, d) for r, d in zip(group, dates, strict=True)):
        return "reported"
    return "scheduled"


def _after_the_fact(report: Report, resolved: ResolvedDate) -> bool:
    return report.spec.direction != "future" and resolved.start <= report.article.reference


def merge_reports(
    group: Sequence[Report], dates: Sequence[ResolvedDate]
) -> tuple[ResolvedDate | None, ContentError | None]:
    """One date that every report allows. A closed report puts the event within its span; an
    ongoing one ("since Tuesday") says it started then and was still under way on its end day.
    The event starts at the latest start and ends at the earliest closed end; with only ongoing
    reports it is still under way as of the latest of them. Reports that cannot all hold
    conflict."""
    every = range(len(dates))
    closed = [i for i in every if not dates[i].ongoing]
    still = [i for i in every if dates[i].ongoing]
    late = max(every, key=lambda i: dates[i].start)
    start = dates[late].start
    early = min(closed, key=lambda i: dates[i].end) if closed else None
    if early is not None and start > dates[early].end:
        return None, _conflict(group, dates, late, early, "the reports do not overlap")
    if still:
        first_seen = min(still, key=lambda i: dates[i].end)
        if start > dates[first_seen].end:
            return None, _conflict(group, dates, late, first_seen,
                                   "one has it start after the other saw it under way")
        last_seen = max(still, key=lambda i: dates[i].end)
        if early is not None and dates[last_seen].end > dates[early].end:
            return None, _conflict(group, dates, last_seen, early,
                                   "one saw it still under way after the other has it end")
    end = dates[early if early is not None else last_seen].end
    ongoing = early is None
    if all(resolved.span == dates[0].span and resolved.ongoing == dates[0].ongoing
           for resolved in dates):
        return dates[0], None
    places = _report_titles(group)
    for resolved in dates:
        if resolved.span == Span(start, end) and resolved.ongoing == ongoing:
            return _with_note(resolved, _merge_note(len(dates), places, ongoing, bool(still))), None
    return (
        ResolvedDate(
            start=start,
            end=end,
            granularity="range",
            approximate=any(resolved.approximate for resolved in dates),
            timex=f"{start.isoformat()}/{end.isoformat()}",
            explanation="; ".join(resolved.explanation for resolved in dates)
            + f"; the overlap that all {len(dates)} reports allow ({places})",
            ongoing=ongoing,
        ),
        None,
    )


def _merge_note(count: int, places: str, ongoing: bool, any_ongoing: bool) -> str:
    """Which report's date the merged event keeps, and why the others allow it."""
    if ongoing:
        return f"the newest of {count} reports ({places}), each of which saw it still under way"
    if any_ongoing:
        return (f"the dates that close it, of {count} reports ({places}); a report that saw it "
                "still under way allows them")
    return f"the narrowest of {count} reports ({places})"


def _conflict(
    group: Sequence[Report], dates: Sequence[ResolvedDate], here: int, there: int, why: str
) -> ContentError:
    """Two reports of one event that cannot both hold, named by file and line."""
    at, other = group[here].spec.at, group[there].spec.at
    return ContentError(
        at.path,
        at.line,
        at.column,
        f'event "{group[here].spec.id}" is dated {_span_text(dates[here])} here, but '
        f"{other.path}:{other.line} dates it {_span_text(dates[there])}; {why}",
        "check both expressions; one of them is wrong",
        at.source_line,
    )


def _merge_times(
    group: Sequence[Report], dates: Sequence[ResolvedDate], merged: ResolvedDate
) -> tuple[ResolvedDate | None, ContentError | None]:
    """The merged day keeps the narrowest time a report of that day states; two times that
    do not overlap (allowing half an hour each way for an approximate one) conflict."""
    kept = timed_report_to_keep(dates)
    if isinstance(kept, tuple):
        late, early = kept
        at, other = group[late].spec.at, group[early].spec.at
        late_timing, early_timing = dates[late].timing, dates[early].timing
        assert late_timing is not None and early_timing is not None
        return None, ContentError(
            at.path,
            at.line,
            at.column,
            f'event "{group[late].spec.id}" is timed {time_text(late_timing)} here, but '
            f"{other.path}:{other.line} times it {time_text(early_timing)}; "
            "the reports do not overlap",
            "check both times and their zones; one of them is wrong",
            at.source_line,
        )
    if kept is None or dates[kept].span != merged.span:
        return merged, None
    return merged._replace(timing=dates[kept].timing), None


def _report_titles(group: Sequence[Report]) -> str:
    """The reports of a merged event by their articles' titles: the explanation goes into
    public files, where a path would show where the publisher keeps them (errors name paths)."""
    return ", ".join(f"\u201c{report.article.title}\u201d" for report in group)


def _with_note(resolved: ResolvedDate, note: str) -> ResolvedDate:
    return resolved._replace(explanation=f"{resolved.explanation}; {note}")


def _span_text(resolved: ResolvedDate) -> str:
    if resolved.ongoing:
        return f"{resolved.start.isoformat()}.. (still under way on {resolved.end.isoformat()})"
    if resolved.start == resolved.end:
        return resolved.start.isoformat()
    return f"{resolved.start.isoformat()}..{resolved.end.isoformat()}"


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


def _site(config: SiteConfig, articles: list[Article], events: dict[Key, Event]) -> Site:
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


def _unknown_timeline(article: Article, known: list[str]) -> ContentError:
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


def _page_name_collisions(articles: Sequence[Article]) -> list[ContentError]:
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


def _duplicate_ids(article: Article) -> list[ContentError]:
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


def _unknown_anchor(report: Report, ids: Sequence[str]) -> ContentError:
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


def _cycle_error(cycle: list[Key], reports: dict[Key, list[Report]]) -> ContentError:
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
