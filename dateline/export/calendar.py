"""The iCalendar file (RFC 5545) of a timeline: one VEVENT per event, all-day unless the event
has a time of day, which is written in UTC (an instant every calendar reads alike).

UIDs are `<event>@<timeline>.dateline`, so a calendar that subscribed once updates its events in
place. DTSTAMP is the newest report of the event, never the time of the build.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from dateline.export.common import Memo, TimelineExport
from dateline.model import ResolvedDate

PRODUCT_ID = "-//dateline//dateline timeline export//EN"
MAX_LINE_OCTETS = 75
ONE_DAY = timedelta(days=1)


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    if "\r" in value:
        value = value.replace("\r\n", "\\n").replace("\r", "\\n")
    return value.replace("\n", "\\n")


def fold_line(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character;
    every piece after the first starts with the space that marks a continuation."""
    if line.isascii():  # one octet a character: cut the text itself
        if len(line) <= MAX_LINE_OCTETS:
            return [line]
        step = MAX_LINE_OCTETS - 1
        rest = range(MAX_LINE_OCTETS, len(line), step)
        return [line[:MAX_LINE_OCTETS]] + [" " + line[start : start + step] for start in rest]
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


def folded(line: str) -> str:
    """A content line, folded, as text with CRLF between its pieces (none after the last)."""
    if len(line) <= MAX_LINE_OCTETS and line.isascii():
        return line
    return "\r\n".join(fold_line(line))


def ics_date(day: date) -> str:
    """YYYYMMDD, the year always four digits (`strftime("%Y")` drops zeros before 1000)."""
    return day.isoformat().replace("-", "")


def _escaped_display(display: str) -> str:
    return escape_text(display) + "\\n"


def _escaped_source(key: tuple[str, str | None]) -> str:
    """One line of a description's source list, escaped: "\\n- title (url)"."""
    title, url = key
    return "\\n- " + escape_text(f"{title} ({url})" if url else title)


def _categories_line(tags: tuple[str, ...]) -> str:
    if not tags:
        return ""
    return folded("CATEGORIES:" + ",".join([escape_text(tag) for tag in tags])) + "\r\n"


def build_calendar(export: TimelineExport) -> bytes:
    """Every event as an all-day entry, for calendar apps; CRLF lines, folded at 75 octets."""
    config = export.timeline.config
    uid_suffix = f"@{config.slug}.dateline"
    days = Memo(ics_date)  # several events a day, and few report dates
    categories = Memo(_categories_line)
    displays = Memo(_escaped_display)
    sources = Memo(_escaped_source)
    lines = [
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        f"PRODID:{PRODUCT_ID}\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
        f"{folded('X-WR-CALNAME:' + escape_text(config.title))}\r\n"
    ]
    for item in export.events:
        event = item.event
        resolved = event.date
        summary = event.what + (" (date approximate)" if resolved.approximate else "")
        if resolved.ongoing:
            summary += " (still under way)"
        # RFC 5545 3.8.1.11: an event told only ahead of time is not yet confirmed.
        status = "STATUS:TENTATIVE\r\n" if event.status == "scheduled" else ""
        # The description's lines (date, explanation, "Sources:" and one line a source) are
        # escaped one by one, the repeated ones once: TEXT escaping keeps "\n" apart.
        description = displays[item.display] + escape_text(resolved.explanation)
        if event.sources:
            listed = "".join([sources[ref.title, ref.url] for ref in event.sources])
            description += "\\n\\nSources:" + listed
        lines.append(
            "BEGIN:VEVENT\r\n"
            f"{folded(f'UID:{event.id}{uid_suffix}')}\r\n"
            f"DTSTAMP:{days[item.updated]}T000000Z\r\n"
            f"{_when(resolved, days)}\r\n"
            f"{folded('SUMMARY:' + escape_text(summary))}\r\n"
            f"{folded('DESCRIPTION:' + description)}\r\n"
            f"{status}TRANSP:TRANSPARENT\r\n"
            f"{categories[event.tags]}"
            "END:VEVENT\r\n"
        )
    lines.append("END:VCALENDAR\r\n")
    return "".join(lines).encode("utf-8")


def _when(resolved: ResolvedDate, days: Memo[date, str]) -> str:
    """DTSTART and DTEND (or DURATION): days for an event of days, UTC date-times for a timed
    one; a timed instant has no DTEND, so it ends when it starts (RFC 5545 3.6.1)."""
    timing = resolved.timing
    if timing is None:
        return (f"DTSTART;VALUE=DATE:{days[resolved.start]}\r\n"
                f"{_until(resolved.start, resolved.end, days)}")
    start = f"DTSTART:{ics_instant(timing.start_at)}"
    if timing.end == timing.start:
        return start
    return f"{start}\r\nDTEND:{ics_instant(timing.end_at)}"


def ics_instant(moment: datetime) -> str:
    """YYYYMMDDTHHMMSSZ: the moment in UTC."""
    utc = moment.astimezone(UTC)
    return f"{ics_date(utc.date())}T{utc:%H%M%S}Z"


def _until(start: date, end: date, days: Memo[date, str]) -> str:
    """DTEND of an all-day event is exclusive: the day after the last day. The calendar's last
    day has none, so there the event says how long it lasts instead (RFC 5545 allows either)."""
    if end == date.max:
        return f"DURATION:P{(end - start).days + 1}D"
    return f"DTEND;VALUE=DATE:{days[end + ONE_DAY]}"
