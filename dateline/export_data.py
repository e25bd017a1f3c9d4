"""Data exports of a timeline: events.json, events.csv and TimelineJS3 JSON."""

from __future__ import annotations

import csv
import io
from html import escape
from typing import Any

from dateline.display import format_date
from dateline.export_common import source_label, sources_html
from dateline.jsontext import script_safe_json
from dateline.model import Event, Site, Timeline

CSV_HEADER = ("id", "start", "end", "display", "approximate", "what", "sources")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _json_bytes(value: object) -> bytes:
    """Readable, byte-stable JSON: UTF-8 (not \\u escapes), two-space indent, final newline."""
    return (script_safe_json(value, indent=2) + "\n").encode("utf-8")


def _ordered(timeline: Timeline) -> list[Event]:
    return sorted(timeline.events, key=lambda event: event.sort_key)


def event_record(event: Event, timeline: Timeline) -> dict[str, object]:
    """One event as events.json lists it; keys in the documented order."""
    resolved = event.date
    return {
        "id": event.id,
        "start": resolved.start.isoformat(),
        "end": resolved.end.isoformat(),
        "granularity": resolved.granularity,
        "approximate": resolved.approximate,
        "timex": resolved.timex,
        "display": format_date(resolved, timeline.config.date_style),
        "what": event.what,
        "explanation": resolved.explanation,
        "sources": [
            {
                "article": source.article,
                "title": source.title,
                "source": source.source,
                "url": source.url,
                "when": source.when,
                "line": source.line,
            }
            for source in event.sources
        ],
    }


def build_events_json(site: Site, timeline: Timeline) -> bytes:
    """The machine-readable timeline; docs/events.schema.json describes it."""
    document = {
        "timeline": timeline.config.slug,
        "title": timeline.config.title,
        "events": [event_record(event, timeline) for event in _ordered(timeline)],
    }
    return _json_bytes(document)


def neutralise_formula(cell: str) -> str:
    """Keep spreadsheets from running a cell as a formula: prefix it with an apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def build_events_csv(site: Site, timeline: Timeline) -> bytes:
    """One row per event for spreadsheets (RFC 4180: CRLF rows, quoted where needed)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    style = timeline.config.date_style
    for event in _ordered(timeline):
        row = (
            event.id,
            event.date.start.isoformat(),
            event.date.end.isoformat(),
            format_date(event.date, style),
            "true" if event.date.approximate else "false",
            event.what,
            " | ".join(source_label(source) for source in event.sources),
        )
        writer.writerow([neutralise_formula(cell) for cell in row])
    return buffer.getvalue().encode("utf-8")


def _timelinejs_date(day_text: str) -> dict[str, str]:
    # TimelineJS reads each part with parseInt; its own examples write them as strings.
    year, month, day = day_text.split("-")
    return {"year": year, "month": str(int(month)), "day": str(int(day))}


def _timelinejs_body(event: Event) -> str:
    """The slide's HTML: how the date was read, then the reports it rests on."""
    return f"<p>{escape(event.date.explanation)}</p>" + sources_html(event)


def timelinejs_slide(event: Event, timeline: Timeline) -> dict[str, Any]:
    resolved = event.date
    slide: dict[str, Any] = {"start_date": _timelinejs_date(resolved.start.isoformat())}
    if resolved.end != resolved.start:
        slide["end_date"] = _timelinejs_date(resolved.end.isoformat())
    if resolved.approximate:
        # TimelineJS would print the span's first day as if it were certain.
        slide["display_date"] = format_date(resolved, timeline.config.date_style)
    slide["text"] = {"headline": escape(event.what), "text": _timelinejs_body(event)}
    slide["unique_id"] = event.id
    return slide


def build_timelinejs(site: Site, timeline: Timeline) -> bytes:
    """TimelineJS3's JSON format, for newsrooms that embed its slider."""
    config = timeline.config
    title_text = {"headline": escape(config.title)}
    if config.description:
        title_text["text"] = f"<p>{escape(config.description)}</p>"
    document = {
        "title": {"text": title_text},
        "events": [timelinejs_slide(event, timeline) for event in _ordered(timeline)],
    }
    return _json_bytes(document)
