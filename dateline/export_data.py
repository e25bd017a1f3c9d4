"""Data exports of a timeline: events.json, events.csv and TimelineJS3 JSON.

The JSON files hold one event per line, each written compactly by string building with the C
string encoder: as readable in an editor or `grep` as an indented file, at a fraction of its
size and many times faster than `json.dumps(..., indent=...)`, which runs the pure-Python encoder.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from html import escape

from dateline.export_common import ExportEvent, TimelineExport, source_label
from dateline.jsontext import json_string, make_script_safe
from dateline.model import SourceRef

CSV_HEADER = ("id", "start", "end", "display", "approximate", "what", "sources")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _json_document(opening: str, records: Iterable[str]) -> bytes:
    """`{...,"events":[` + one record a line + `]}`: script-safe UTF-8 with a final newline."""
    lines = ",\n".join(records)
    text = f"{opening}\n{lines}\n]}}\n" if lines else f"{opening}]}}\n"
    return make_script_safe(text).encode("utf-8")


def _nullable(text: str | None) -> str:
    return "null" if text is None else json_string(text)


def _source_record(source: SourceRef) -> str:
    return (
        f'{{"article":{json_string(source.article)},"title":{json_string(source.title)},'
        f'"source":{_nullable(source.source)},"url":{_nullable(source.url)},'
        f'"when":{json_string(source.when)},"line":{source.line:d}}}'
    )


def event_record(item: ExportEvent) -> str:
    """One event as events.json lists it, as JSON text; keys in the documented order."""
    event = item.event
    resolved = event.date
    sources = ",".join([_source_record(source) for source in event.sources])
    return (
        f'{{"id":{json_string(event.id)},"start":"{resolved.start.isoformat()}",'
        f'"end":"{resolved.end.isoformat()}","granularity":{json_string(resolved.granularity)},'
        f'"approximate":{"true" if resolved.approximate else "false"},'
        f'"timex":{json_string(resolved.timex)},"display":{json_string(item.display)},'
        f'"what":{json_string(event.what)},"explanation":{json_string(resolved.explanation)},'
        f'"sources":[{sources}]}}'
    )


def build_events_json(export: TimelineExport) -> bytes:
    """The machine-readable timeline; docs/events.schema.json describes it."""
    config = export.timeline.config
    opening = (
        f'{{"timeline":{json_string(config.slug)},"title":{json_string(config.title)},"events":['
    )
    return _json_document(opening, [event_record(item) for item in export.events])


def neutralise_formula(cell: str) -> str:
    """Keep spreadsheets from running a cell as a formula: prefix it with an apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def build_events_csv(export: TimelineExport) -> bytes:
    """One row per event for spreadsheets (RFC 4180: CRLF rows, quoted where needed)."""
    rows = []
    for item in export.events:
        event = item.event
        resolved = event.date
        rows.append((
            neutralise_formula(event.id),
            resolved.start.isoformat(),  # ISO dates and true/false never start a formula
            resolved.end.isoformat(),
            neutralise_formula(item.display),
            "true" if resolved.approximate else "false",
            neutralise_formula(event.what),
            neutralise_formula(" | ".join([source_label(source) for source in event.sources])),
        ))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _timelinejs_date(day: date) -> str:
    # TimelineJS reads each part with parseInt; its own examples write them as strings.
    return f'{{"year":"{day.isoformat()[:4]}","month":"{day.month}","day":"{day.day}"}}'


def timelinejs_slide(item: ExportEvent) -> str:
    """One slide as JSON text: dates, the approximate display, headline and HTML body."""
    event = item.event
    resolved = event.date
    parts = [f'{{"start_date":{_timelinejs_date(resolved.start)}']
    if resolved.end != resolved.start:
        parts.append(f'"end_date":{_timelinejs_date(resolved.end)}')
    if resolved.approximate:
        # TimelineJS would print the span's first day as if it were certain.
        parts.append(f'"display_date":{json_string(item.display)}')
    parts.append(
        f'"text":{{"headline":{json_string(item.what_html)},'
        f'"text":{json_string(item.notes_html)}}},"unique_id":{json_string(event.id)}}}'
    )
    return ",".join(parts)


def build_timelinejs(export: TimelineExport) -> bytes:
    """TimelineJS3's JSON format, for newsrooms that embed its slider."""
    config = export.timeline.config
    title_text = f'"headline":{json_string(escape(config.title))}'
    if config.description:
        title_text += f',"text":{json_string("<p>" + escape(config.description) + "</p>")}'
    opening = f'{{"title":{{"text":{{{title_text}}}}},"events":['
    return _json_document(opening, [timelinejs_slide(item) for item in export.events])
