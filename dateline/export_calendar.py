"""The iCalendar file (RFC 5545) of a timeline: one all-day VEVENT per event.

UIDs are `<event>@<timeline>.dateline`, so a calendar that subscribed once updates its events in
place. DTSTAMP is the newest report of the event, never the time of the build.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateline.display import format_date
from dateline.export_common import event_updated, source_label
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
    pieces: list[str] = []
    current, size = "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > MAX_LINE_OCTETS:
            pieces.append(current)
            current, size = " ", 1
        current += character
        size += width
    pieces.append(current)
    return pieces


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


def _event_lines(site: Site, timeline: Timeline, event: Event) -> list[str]:
    display = format_date(event.date, timeline.config.date_style)
    summary = event.what + (" (date approximate)" if event.date.approximate else "")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{timeline.config.slug}.dateline",
        f"DTSTAMP:{ics_timestamp(event_updated(site, timeline, event))}",
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
    for event in sorted(timeline.events, key=lambda event: event.sort_key):
        lines.extend(_event_lines(site, timeline, event))
    lines.append("END:VCALENDAR")
    folded = [piece for line in lines for piece in fold_line(line)]
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")
