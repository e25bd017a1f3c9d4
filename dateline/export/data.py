"""Data exports of a timeline: events.json, events.csv and TimelineJS3 JSON.

The JSON files hold one event per line, each written compactly by string building with the C
string encoder: as readable in an editor or `grep` as an indented file, at a fraction of its
size and many times faster than `json.dumps(..., indent=...)`, which runs the pure-Python encoder.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape

from dateline.export.common import Memo, TimelineExport, source_label
from dateline.jsontext import json_string, make_script_safe_bytes
from dateline.model import ResolvedDate, Timing

CSV_HEADER = ("id", "start", "end", "display", "approximate", "what", "sources", "ongoing",
              "status", "time", "zone")
SCHEDULED_MARK = " (scheduled)"  # after the date of an event no report has seen happen
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _json_document(opening: str, records: Iterable[str]) -> bytes:
    """`{...,"events":[` + one record a line + `]}`: script-safe UTF-8 with a final newline."""
    lines = ",\n".join(records)
    text = f"{opening}\n{lines}\n]}}\n" if lines else f"{opening}]}}\n"
    return make_script_safe_bytes(text.encode("utf-8"))


def _nullable(text: str | None) -> str:
    return "null" if text is None else json_string(text)


def _source_reference(key: tuple[str, str, str | None, str | None]) -> str:
    """The part of a source record its article decides: the same for each event it reports."""
    article, title, outlet, url = key
    return (
        f'{{"article":{json_string(article)},"title":{json_string(title)},'
        f'"source":{_nullable(outlet)},"url":{_nullable(url)},'
    )


def _event_records(export: TimelineExport) -> list[str]:
    """Each event as events.json lists it, as JSON text; keys in the documented order."""
    days = Memo(date.isoformat)  # several events a day
    references = Memo(_source_reference)
    records = []
    for item in export.events:
        event = item.event
        resolved = event.date
        sources = ",".join([
            f'{references[source.article, source.title, source.source, source.url]}'
            f'"when":{json_string(source.when)},"line":{source.line:d}}}'
            for source in event.sources
        ])
        timing = resolved.timing
        if timing is None:
            when = (f'"start":"{days[resolved.start]}","end":"{days[resolved.end]}",'
                    f'"granularity":{json_string(resolved.granularity)},')
        else:  # a timed event: date-times with the offset, its granularity, and the zone
            when = (f'"start":"{timing.start}","end":"{timing.end}",'
                    f'"granularity":"{timing.granularity}","zone":{json_string(timing.zone)},')
        approximate = _approximate(resolved)
        records.append(
            f'{{"id":{json_string(event.id)},{when}'
            f'"approximate":{"true" if approximate else "false"},'
            f'"ongoing":{"true" if resolved.ongoing else "false"},'
            f'"timex":{json_string(resolved.timex)},"display":{json_string(item.display)},'
            f'"status":"{event.status}","what":{json_string(event.what)},"explanation":{json_string(resolved.explanation)},'
            f'"sources":[{sources}]}}'
        )
    return records


def build_events_json(export: TimelineExport) -> bytes:
    """The machine-readable timeline; docs/events.schema.json describes it."""
    config = export.timeline.config
    opening = (
        f'{{"timeline":{json_string(config.slug)},"title":{json_string(config.title)},"events":['
    )
    return _json_document(opening, _event_records(export))


def csv_text(text: str) -> str:
    """A cell as `csv.writer` writes it (QUOTE_MINIMAL: quoted when it holds a quote, comma or
    line break, quotes doubled), after the formula guard: written by hand, as that costs half
    the C writer's time. A cell a spreadsheet would run gets an apostrophe in front."""
    if text.startswith(FORMULA_PREFIXES):
        text = "'" + text
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def build_events_csv(export: TimelineExport) -> bytes:
    """One row per event for spreadsheets (RFC 4180: CRLF rows, quoted where needed)."""
    rows = [",".join(CSV_HEADER)]
    displays = Memo(csv_text)  # several events a day
    for event, display, _, _, _ in export.events:
        resolved = event.date
        sources = " | ".join([source_label(source) for source in event.sources])
        rows.append(
            # ISO dates and true/false need neither quotes nor the formula guard.
            f"{csv_text(event.id)},{resolved.start.isoformat()},{resolved.end.isoformat()},"
            f"{displays[display]},{'true' if _approximate(resolved) else 'false'},"
            f"{csv_text(event.what)},{csv_text(sources)},"
            f"{'true' if resolved.ongoing else 'false'},{event.status},{_csv_time(resolved.timing)}"
        )
    rows.append("")
    return "\r\n".join(rows).encode("utf-8")


def _approximate(resolved: ResolvedDate) -> bool:
    """The day's or, for a timed event, the time's: 'morning' is a reasoned span of hours."""
    return resolved.approximate or (resolved.timing is not None and resolved.timing.approximate)


def _csv_time(timing: Timing | None) -> str:
    """The time and zone cells: '07:40' or '02:00/04:00' in the event's zone, its IANA name;
    both empty for an event of days."""
    if timing is None:
        return ","
    start, end = timing.start[11:16], timing.end[11:16]
    shown = start if timing.start == timing.end else f"{start}/{end}"
    return f"{shown},{timing.zone}"


def _timelinejs_time(moment: str) -> str:
    """A date-time as TimelineJS reads it: the wall-clock parts in the event's zone."""
    day = date.fromisoformat(moment[:10])
    return (f'{{"year":"{moment[:4]}","month":"{day.month}","day":"{day.day}",'
            f'"hour":"{int(moment[11:13])}","minute":"{int(moment[14:16])}"}}')


def _timelinejs_date(day: date) -> str:
    # TimelineJS reads each part with parseInt; its own examples write them as strings.
    return f'{{"year":"{day.isoformat()[:4]}","month":"{day.month}","day":"{day.day}"}}'


def _timelinejs_slides(export: TimelineExport) -> list[str]:
    """Each slide as JSON text: dates, the approximate display, headline and HTML body."""
    days = Memo(_timelinejs_date)
    slides = []
    for item in export.events:
        event = item.event
        resolved = event.date
        timing = resolved.timing
        if timing is not None:
            dates = f'"start_date":{_timelinejs_time(timing.start)}'
            if timing.end != timing.start:
                dates += f',"end_date":{_timelinejs_time(timing.end)}'
        else:
            dates = f'"start_date":{days[resolved.start]}'
            if resolved.end != resolved.start:
                dates += f',"end_date":{days[resolved.end]}'
        if timing is not None or resolved.approximate or resolved.ongoing or (
            event.status == "scheduled"
        ):
            # TimelineJS shows hours in the reader's own zone, prints a span's first day as if
            # it were certain, an ongoing event as if it had ended and a scheduled one as if it
            # had happened: the page's words say which.
            shown = item.display + (SCHEDULED_MARK if event.status == "scheduled" else "")
            dates += f',"display_date":{json_string(shown)}'
        slides.append(
            f'{{{dates},"text":{{"headline":{json_string(item.what_html)},'
            f'"text":{json_string(item.notes_html)}}},"unique_id":{json_string(event.id)}}}'
        )
    return slides


def build_timelinejs(export: TimelineExport) -> bytes:
    """TimelineJS3's JSON format, for newsrooms that embed its slider."""
    config = export.timeline.config
    title_text = f'"headline":{json_string(escape(config.title))}'
    if config.description:
        title_text += f',"text":{json_string("<p>" + escape(config.description) + "</p>")}'
    opening = f'{{"title":{{"text":{{{title_text}}}}},"events":['
    return _json_document(opening, _timelinejs_slides(export))
