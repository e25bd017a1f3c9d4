"""Dates as readers see them, in AP, ISO or long style.

Our own month and weekday tables: `strftime` follows the machine's locale, and AP's month
abbreviations (Jan. but March, Sept.) are not any locale's. The resolver's lexicon reads its
names from here too, so pages and explanations spell a month one way.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from types import MappingProxyType
from zoneinfo import ZoneInfo

from dateline.model import DateStyle, Event, ResolvedDate, Timing

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)  # "Jan", as explanations write it
AP_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS = tuple(name[:3] for name in WEEKDAY_NAMES)  # "Mon", as AP and we write it
SEASONS = MappingProxyType({3: "spring", 6: "summer", 9: "autumn", 12: "winter"})  # by first month
EN_DASH = "\u2013"
APPROX = " (approx.)"


def format_day(day: date, style: DateStyle = "ap") -> str:
    """One day with its weekday: the lead of a single-day event."""
    if style == "iso":
        return day.isoformat()
    if style == "long":
        return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    weekday = WEEKDAY_ABBREVIATIONS[day.weekday()]
    return f"{weekday}, {AP_MONTHS[day.month - 1]} {day.day}, {day.year}"


def format_span(start: date, end: date, style: DateStyle = "ap") -> str:
    """A run of days without weekdays, sharing what the two ends share ("Jan. 12–22, 2024")."""
    if style == "iso":
        if start == end:
            return start.isoformat()
        return f"{start.isoformat()} {EN_DASH} {end.isoformat()}"
    if style == "long":
        return _long_span(start, end)
    return _ap_span(start, end)


def format_date(resolved: ResolvedDate, style: DateStyle = "ap", *, zone: bool = True) -> str:
    """The display form of a resolved date; approximate ones say so. A timed one adds its
    time, and its zone's abbreviation unless `zone` is False (shown once per day)."""
    start, end = resolved.start, resolved.end
    if resolved.ongoing:
        text = format_ongoing(start, end, style)
        return text + APPROX if resolved.approximate else text
    if start == end:
        text = format_day(start, style)
        if resolved.timing is not None:
            text += ", " + format_time(resolved.timing, start, style, zone=zone)
        return text + APPROX if resolved.approximate and resolved.timing is None else text
    part = _part_of_month(start, end)
    if resolved.approximate and part is not None and style != "iso":
        joiner = "-" if part == "mid" else " "
        return f"{part}{joiner}{_month_year(start, style, abbreviated=True)}"
    text = _named_period(resolved, style) or format_span(start, end, style)
    return text + APPROX if resolved.approximate else text


def format_ongoing(start: date, seen: date, style: DateStyle = "ap") -> str:
    """An event no report has seen end: "since March 23; still under way as of March 25, 2021",
    the start's year written only where it differs."""
    if style == "iso":
        return f"since {start.isoformat()}; still under way as of {seen.isoformat()}"
    last = format_span(seen, seen, style)
    if style == "long":
        first = f"{start.day} {MONTH_NAMES[start.month - 1]}"
    else:
        first = f"{AP_MONTHS[start.month - 1]} {start.day}"
    if start.year != seen.year:
        first += f" {start.year}" if style == "long" else f", {start.year}"
    return f"since {first}; still under way as of {last}"


def history(events: Iterable[Event]) -> Iterator[ResolvedDate]:
    """The dates of the events that happened: a timeline's span leaves scheduled ones out."""
    return (event.date for event in events if event.status == "reported")


PART_NAMES = MappingProxyType({"early": "early in the day", "late": "late in the day"})


def format_time(timing: Timing, day: date, style: DateStyle = "ap", *, zone: bool = True) -> str:
    """'7:40 a.m. EST', 'about 10 p.m.', '2–4 a.m.', 'morning' (AP); '22:30 UTC+3' (ISO, long),
    on the event's `day` (the midnight that ends it is '24:00')."""
    local = ZoneInfo(timing.zone)
    start, end = timing.start_at.astimezone(local), timing.end_at.astimezone(local)
    if timing.part:
        text = PART_NAMES.get(timing.part, timing.part)
    elif start == end:
        text = _clock(start, day, style)
        text = f"about {text}" if timing.approximate else text
    else:
        first, last = _clock(start, day, style), _clock(end, day, style)
        if style == "ap" and first[-4:] == last[-4:] and first[-4:] in ("a.m.", "p.m."):
            first = first[:-5]  # '2–4 a.m.': the shared half of the day once
        text = f"{first}{EN_DASH}{last}"
    return f"{text} {zone_abbreviation(timing)}" if zone else text


def zone_abbreviation(timing: Timing) -> str:
    """The zone's abbreviation at the event's start ('EST', 'BST'); 'UTC+3' where the zone
    database has only a number ('+03', as for Asia/Baghdad)."""
    start = timing.start_at.astimezone(ZoneInfo(timing.zone))
    name = start.tzname() or ""
    offset = start.utcoffset()
    if name and name[0] not in "+-" or offset is None:
        return name
    minutes = int(offset.total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes >= 0 else '-'}{hours}" + (f":{rest:02d}" if rest else "")


def _clock(moment: datetime, day: date, style: DateStyle) -> str:
    hour, minute = moment.hour, moment.minute
    if style != "ap":
        closing = moment.date() > day and (hour, minute) == (0, 0)
        return "24:00" if closing else f"{hour:02d}:{minute:02d}"
    if minute == 0 and hour == 12:
        return "noon"
    if minute == 0 and hour == 0:
        return "midnight"
    suffix = "a.m." if hour < 12 else "p.m."
    shown = hour % 12 or 12
    return f"{shown}:{minute:02d} {suffix}" if minute else f"{shown} {suffix}"


def bounding_dates(dates: Iterable[ResolvedDate]) -> tuple[ResolvedDate, ResolvedDate] | None:
    """The dates that open and close a timeline: the earliest start and the latest end, the
    finer date winning a tie ("Jan. 1, 2015" before "2015")."""
    every = list(dates)
    if not every:
        return None
    first = min(every, key=lambda resolved: (resolved.start, resolved.end))
    last = max(every, key=lambda resolved: (resolved.end, resolved.start))
    return first, last


def format_bounds(first: ResolvedDate, last: ResolvedDate, style: DateStyle = "ap") -> str:
    """A timeline's reach, each end as coarse as the date that sets it: "2015 – July 31, 2021",
    "late 2021 – Jan. 30, 2024"; between two days, `format_span`'s shared month and year."""
    opening, closing = _bound(first, first.start, style), _bound(last, last.end, style)
    if opening is None and closing is None:
        return format_span(first.start, last.end, style)
    opening = opening or format_span(first.start, first.start, style)
    closing = closing or format_span(last.end, last.end, style)
    return opening if opening == closing else f"{opening} {EN_DASH} {closing}"


def _bound(resolved: ResolvedDate, day: date, style: DateStyle) -> str | None:
    """A date's name where it has one coarser than a day ("2015", "late 2021", "March 2015");
    None where the bound is a day."""
    if resolved.start == resolved.end or resolved.ongoing:
        return None
    named = format_date(resolved, style).removesuffix(APPROX)
    return None if named == format_span(resolved.start, resolved.end, style) else named


def _ap_span(start: date, end: date) -> str:
    first = f"{AP_MONTHS[start.month - 1]} {start.day}"
    if start == end:
        return f"{first}, {start.year}"
    if start.year != end.year:
        return f"{first}, {start.year} {EN_DASH} {AP_MONTHS[end.month - 1]} {end.day}, {end.year}"
    if start.month != end.month:
        return f"{first} {EN_DASH} {AP_MONTHS[end.month - 1]} {end.day}, {end.year}"
    return f"{first}{EN_DASH}{end.day}, {end.year}"


def _long_span(start: date, end: date) -> str:
    last = f"{end.day} {MONTH_NAMES[end.month - 1]} {end.year}"
    if start == end:
        return last
    if start.year != end.year:
        return f"{start.day} {MONTH_NAMES[start.month - 1]} {start.year} {EN_DASH} {last}"
    if start.month != end.month:
        return f"{start.day} {MONTH_NAMES[start.month - 1]} {EN_DASH} {last}"
    return f"{start.day}{EN_DASH}{last}"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _part_of_month(start: date, end: date) -> str | None:
    """"early", "mid" or "late" when the span is exactly that third of one month."""
    if (start.year, start.month) != (end.year, end.month):
        return None
    thirds = {(1, 10): "early", (11, 20): "mid", (21, _last_day(end.year, end.month)): "late"}
    return thirds.get((start.day, end.day))


def _month_year(day: date, style: DateStyle, *, abbreviated: bool = False) -> str:
    if style == "iso":
        return f"{day.year:04d}-{day.month:02d}"
    names = AP_MONTHS if abbreviated and style == "ap" else MONTH_NAMES
    return f"{names[day.month - 1]} {day.year}"


def _whole_months(start: date, end: date) -> bool:
    return start.day == 1 and end.day == _last_day(end.year, end.month)


def _named_period(resolved: ResolvedDate, style: DateStyle) -> str | None:
    """A name for spans that are whole calendar periods (month, season, quarter, year, decade)."""
    start, end = resolved.start, resolved.end
    if not _whole_months(start, end):
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 1:
        return _month_year(start, style)
    if start.month == 1 and end.month == 12:
        if start.year == end.year:
            return str(start.year)
        if months == 120 and start.year % 10 == 0:
            return f"the {start.year}s"
        return f"{start.year}{EN_DASH}{end.year}"
    if months == 3 and resolved.granularity == "season" and start.month in SEASONS:
        season = SEASONS[start.month]
        if start.year == end.year:
            return f"{season} {start.year}"
        return f"{season} {start.year}{EN_DASH}{str(end.year)[-2:]}"
    if resolved.granularity == "quarter" and months == 3 and start.month % 3 == 1:
        quarter = (start.month + 2) // 3
        return f"{start.year}-Q{quarter}" if style == "iso" else f"Q{quarter} {start.year}"
    if style == "iso":
        return f"{_month_year(start, style)} {EN_DASH} {_month_year(end, style)}"
    if start.year == end.year:
        return f"{MONTH_NAMES[start.month - 1]}{EN_DASH}{MONTH_NAMES[end.month - 1]} {end.year}"
    return f"{_month_year(start, style)} {EN_DASH} {_month_year(end, style)}"
