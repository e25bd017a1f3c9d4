"""Data exports of a timeline: events.json, events.csv and TimelineJS3 JSON.

The JSON files hold one event per line, each written compactly: as readable in an editor or
`grep` as an indented file, at a fraction of its size.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from datetime import date
from html import escape

from dateline.export.common import TimelineExport, source_label
from dateline.jsontext import make_script_safe_bytes
from dateline.model import ResolvedDate, Timing

CSV_HEADER = ("id", "start", "end", "display", "approximate", "what", "sources", "ongoing",
              "status", "time", "zone")
SCHEDULED_MARK = " (scheduled)"  # after the date of an event no report has seen happen
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _json_document(
    fields: Mapping[str, object], list_key: str, records: Iterable[Mapping[str, object]]
) -> bytes:
    """An object of `fields` and then the list `list_key` of `records`, one record a line:
    script-safe UTF-8 with a final newline."""
    start = f'{_compact(fields)[:-1]},"{list_key}":['  # the fields without their closing brace
    lines = ",\n".join(_compact(record) for record in records)
    text = f"{start}\n{lines}\n]}}\n" if lines else f"{start}]}}\n"
    return make_script_safe_bytes(text.encode("utf-8"))


def _compact(value: Mapping[str, object]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _event_records(export: TimelineExport) -> list[dict[str, object]]:
    """Each event as events.json lists it; keys in the documented order."""
    records: list[dict[str, object]] = []
    for item in export.events:
        event = item.event
        resolved = event.date
        timing = resolved.timing
        record: dict[str, object] = {"id": event.id}
        if timing is None:
            record |= {"start": resolved.start.isoformat(), "end": resolved.end.isoformat(),
                       "granularity": resolved.granularity}
        else:  # a timed event: date-times with the offset, its granularity, and the zone
            record |= {"start": timing.start, "end": timing.end,
                       "granularity": timing.granularity, "zone": timing.zone}
        record |= {
            "approximate": _approximate(resolved), "ongoing": resolved.ongoing,
            "timex": resolved.timex, "display": item.display, "status": event.status,
            "what": event.what, "explanation": resolved.explanation,
            "sources": [
                {"article": source.article, "title": source.title, "source": source.source,
                 "url": source.url, "when": source.when, "line": source.line}
                for source in event.sources
            ],
        }
        records.append(record)
    return records


def build_events_json(export: TimelineExport) -> bytes:
    """The machine-readable timeline; docs/events.schema.json describes it."""
    config = export.timeline.config
    fields = {"timeline": config.slug, "title": config.title}
    return _json_document(fields, "events", _event_records(export))


def formula_safe(text: str) -> str:
    """A cell a spreadsheet would run as a formula, with an apostrophe in front."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def build_events_csv(export: TimelineExport) -> bytes:
    """One row per event for spreadsheets (RFC 4180: CRLF rows, quoted where needed)."""
    text = io.StringIO()
    rows = csv.writer(text, lineterminator="\r\n")
    rows.writerow(CSV_HEADER)
    for event, display, _, _, _ in export.events:
        resolved = event.date
        sources = " | ".join([source_label(source) for source in event.sources])
        rows.writerow([
            formula_safe(event.id), resolved.start.isoformat(), resolved.end.isoformat(),
            formula_safe(display), _csv_bool(_approximate(resolved)), formula_safe(event.what),
            formula_safe(sources), _csv_bool(resolved.ongoing), event.status,
            *_csv_time(resolved.timing),
        ])
    return text.getvalue().encode("utf-8")


def _csv_bool(value: bool) -> str:
    return "true" if value else "false"


def _approximate(resolved: ResolvedDate) -> bool:
    """The day's or, for a timed event, the time's: 'morning' is a reasoned span of hours."""
    return resolved.approximate or (resolved.timing is not None and resolved.timing.approximate)


def _csv_time(timing: Timing | None) -> tuple[str, str]:
    """The time and zone cells: '07:40' or '02:00/04:00' in the event's zone, its IANA name;
    both empty for an event of days."""
    if timing is None:
        return "", ""
    start, end = timing.start[11:16], timing.end[11:16]
    return (start if timing.start == timing.end else f"{start}/{end}"), timing.zone


def _timelinejs_time(moment: str) -> dict[str, str]:
    """A date-time as TimelineJS reads it: the wall-clock parts in the event's zone."""
    day = date.fromisoformat(moment[:10])
    return {**_timelinejs_date(day), "hour": str(int(moment[11:13])),
            "minute": str(int(moment[14:16]))}


def _timelinejs_date(day: date) -> dict[str, str]:
    # TimelineJS reads each part with parseInt; its own examples write them as strings.
    return {"year": day.isoformat()[:4], "month": str(day.month), "day": str(day.day)}


def _timelinejs_slides(export: TimelineExport) -> list[dict[str, object]]:
    """Each slide: dates, the approximate display, headline and HTML body."""
    slides: list[dict[str, object]] = []
    for item in export.events:
        event = item.event
        resolved = event.date
        timing = resolved.timing
        slide: dict[str, object]
        if timing is not None:
            slide = {"start_date": _timelinejs_time(timing.start)}
            if timing.end != timing.start:
                slide["end_date"] = _timelinejs_time(timing.end)
        else:
            slide = {"start_date": _timelinejs_date(resolved.start)}
            if resolved.end != resolved.start:
                slide["end_date"] = _timelinejs_date(resolved.end)
        if timing is not None or resolved.approximate or resolved.ongoing or (
            event.status == "scheduled"
        ):
            # TimelineJS shows hours in the reader's own zone, prints a span's first day as if
            # it were certain, an ongoing event as if it had ended and a scheduled one as if it
            # had happened: the page's words say which.
            shown = item.display + (SCHEDULED_MARK if event.status == "scheduled" else "")
            slide["display_date"] = shown
        slide["text"] = {"headline": item.what_html, "text": item.notes_html}
        slide["unique_id"] = event.id
        slides.append(slide)
    return slides


def build_timelinejs(export: TimelineExport) -> bytes:
    """TimelineJS3's JSON format, for newsrooms that embed its slider."""
    config = export.timeline.config
    title: dict[str, str] = {"headline": escape(config.title)}
    if config.description:
        title["text"] = "<p>" + escape(config.description) + "</p>"
    return _json_document({"title": {"text": title}}, "events", _timelinejs_slides(export))
