"""A timeline's exports as data: each output format names its file, media type and builder.

Like Hugo's output formats, adding a format is one row in `OUTPUT_FORMATS`; `export_timeline`
runs them all on one `TimelineExport` (what the formats share, computed once) and returns
`{relative_path: bytes}` for the writer, touching no disk or clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dateline.export.calendar import build_calendar
from dateline.export.common import TimelineExport, prepare_export
from dateline.export.data import build_events_csv, build_events_json, build_timelinejs
from dateline.export.feed import build_atom_feed
from dateline.model import Site, Timeline

Builder = Callable[[TimelineExport], bytes]


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """One file written beside each timeline page."""

    name: str
    file_name: str
    media_type: str
    builder: Builder
    rel: str = "alternate"  # how the timeline page links to it


OUTPUT_FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat("json", "events.json", "application/json", build_events_json),
    OutputFormat("csv", "events.csv", "text/csv; charset=utf-8", build_events_csv),
    OutputFormat("atom", "feed.xml", "application/atom+xml", build_atom_feed),
    OutputFormat("ics", "calendar.ics", "text/calendar; charset=utf-8", build_calendar),
    OutputFormat("timelinejs", "timelinejs.json", "application/json", build_timelinejs),
)


def export_path(timeline: Timeline, output: OutputFormat) -> str:
    return f"{timeline.config.slug}/{output.file_name}"


def export_timeline(site: Site, timeline: Timeline) -> dict[str, bytes]:
    """Every export of one timeline, keyed by site-relative path."""
    export = prepare_export(site, timeline)  # sorting, dates and shared texts, done once
    return {export_path(timeline, output): output.builder(export) for output in OUTPUT_FORMATS}
