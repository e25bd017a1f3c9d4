"""The iCalendar file (RFC 5545) of a timeline: one all-day VEVENT per event.

UIDs are `<event>@<timeline>.dateline`, so a calendar that subscribed once updates its events in
place. DTSTAMP is the newest report of the event, never the time of the build.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from dateline.display import format_date
from dateline.export_common import event_updated, published_dates, source_label
from dateline.model import Event, Site, Timeline

PRODUCT_ID = "-//dateline//dateline timeline export//EN"
MAX_LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character;
    every piece after the first starts with the space that marks a continuation."""
    encoded = line.encode("utf-8")
    pieces: list[str] = []
    start, room = 0, MAX_LINE_OCTETS
    while len(encoded) - start > room:
        end = start + room
        while encoded[end] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            end -= 1
        pieces.append(encoded[start:end].decode("utf-8"))
        start, room = end, MAX_LINE_OCTETS - 1
    pieces.append(encoded[start:].decode("utf-8"))
    return [pieces[0]] + [" " + piece for piece in pieces[1:]]


def ics_date(day: date) -> str:
    return day.strftime("%Y%m%d")


def ics_timestamp(day: date) -> str:
    return day.strftime("%Y%m%dT000000Z")


def _description(event: Event, display: str) -> str:
    lines = [display, event.date.explanation]
    if event.sources:
        lines.append("")
        lines.append("Sources:")
        lines.extend(f"- {source_label(source)}" for source in event.sources)
    return "\n".join(lines)


def _event_lines(
    site: Site, timeline: Timeline, event: Event, published: Mapping[str, date]
) -> list[str]:
    display = format_date(event.date, timeline.config.date_style)
    summary = event.what + (" (date approximate)" if event.date.approximate else "")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{timeline.config.slug}.dateline",
        f"DTSTAMP:{ics_timestamp(event_updated(site, timeline, event, published))}",
        f"DTSTART;VALUE=DATE:{ics_date(event.date.start)}",
        # DTEND of an all-day event is exclusive: the day after the last day.
        f"DTEND;VALUE=DATE:{ics_date(event.date.end + timedelta(days=1))}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(_description(event, display))}",
        "TRANSP:TRANSPARENT",
    ]
    if event.tags:
        lines.append("CATEGORIES:" + ",".join(escape_text(tag) for tag in event.tags))
    lines.append("END:VEVENT")
    return lines


def build_calendar(site: Site, timeline: Timeline) -> bytes:
    """Every event as an all-day entry, for calendar apps; CRLF lines, folded at 75 octets."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(timeline.config.title)}",
    ]
    published = published_dates(site)
    for event in sorted(timeline.events, key=lambda event: event.sort_key):
        lines.extend(_event_lines(site, timeline, event, published))
    lines.append("END:VCALENDAR")
    folded = [piece for line in lines for piece in fold_line(line)]
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")
