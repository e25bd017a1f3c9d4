"""Merging one event's reports from several articles: the date they all allow, its time of
day, whether it has happened, and the conflict when the reports cannot all hold."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.assemble.reports import Report
from dateline.dates.timing import time_text, timed_report_to_keep
from dateline.errors import ContentError
from dateline.model import ResolvedDate, Span, Status


def event_status(group: Sequence[Report], dates: Sequence[ResolvedDate]) -> Status:
    """"scheduled" when every report was filed before the event: a preview says
    `direction: future`, or its date starts after the article's reference; else "reported"."""
    if any(after_the_fact(r, d) for r, d in zip(group, dates, strict=True)):
        return "reported"
    return "scheduled"


def after_the_fact(report: Report, resolved: ResolvedDate) -> bool:
    """Whether the report tells of the event after it began: no preview (`direction: future`),
    and a date that starts by its article's reference date."""
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


def merge_times(
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

