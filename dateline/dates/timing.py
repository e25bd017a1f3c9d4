"""A one-day reading's time of day, in the article's zone: the clock or part of the day that the
words state (times.py), in the zone they state or the dateline's own, converted to the
dateline's local time. A time stated in another zone moves the event to the local day it falls
on ('2300 GMT Monday' in Baghdad is Tuesday 02:00); the dateline's own time keeps the day named.
An article without a zone keeps its days only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple

from dateline.dates import lexicon
from dateline.dates.resolve import normalise
from dateline.dates.spans import describe_day
from dateline.dates.times import ClockReading, GmtEquivalent, read_clock, read_gmt_equivalent
from dateline.dates.zones import (
    AMBIGUOUS_ABBREVIATIONS,
    FIXED_ABBREVIATIONS,
    LOCAL_WORDS,
    NAMED_ABBREVIATIONS,
    abbreviation_in,
    fixed_offset,
    zone,
)
from dateline.display import MONTH_NAMES
from dateline.errors import DateError
from dateline.model import ResolvedDate, Timing

_WORDS = "|".join(sorted((*FIXED_ABBREVIATIONS, *NAMED_ABBREVIATIONS, *AMBIGUOUS_ABBREVIATIONS,
                          *LOCAL_WORDS), key=len, reverse=True))
STATED_ZONE = re.compile(
    r"(?<![\w+-])(?P<offset>(?:(?:gmt|utc) ?)?(?P<sign>[+-])(?P<hours>1[0-4]|0?\d)"
    r"(?::?(?P<minutes>[0-5]\d))?)(?![\w:])"
    rf"|(?<![\w])(?P<word>{_WORDS.replace('z|', '')})(?![\w])"
    r"|(?<=\d)(?P<zulu>z)\b")
NUMBER = "|".join(sorted(lexicon.NUMBER_WORDS, key=len, reverse=True))
HOURS_FROM_ANCHOR = re.compile(
    r"(?:(?P<hedge>about|around|some|roughly|approximately|nearly|almost) )?"
    rf"(?P<count>\d{{1,3}}|an?|{NUMBER}) hours? "
    r"(?:(?P<later>later|after|afterwards|afterward)|earlier|before)")


class StatedZone(NamedTuple):
    where: tzinfo | None  # None: the dateline's own zone
    words: str  # as stated, e.g. "GMT", "+0300", "local time"; "" when none is


def states_time(when: str) -> bool:
    """Whether the words state a time of day, so that the article needs its zone."""
    return read_clock(normalise(when)[0]) is not None


def timed(resolved: ResolvedDate, when: str, zone_name: str | None, place: str | None,
          anchor: ResolvedDate | None = None) -> ResolvedDate:
    """`resolved` with the time of day its words state, when there is a zone to read it in."""
    anchor_timing = anchor.timing if anchor is not None else None
    if resolved.timing is not None:
        return resolved
    if zone_name is None and anchor_timing is None:
        return _unchecked(resolved, when)
    normal, positions = normalise(when)
    if anchor_timing is not None:
        shifted = _hours_from_anchor(resolved, normal, anchor_timing, zone_name)
        if shifted is not None:
            return shifted
    if zone_name is None:
        return _unchecked(resolved, when)
    if resolved.start != resolved.end:
        return resolved
    normal, equivalent = clock_words(normal)
    found = read_clock(normal)
    if found is None:
        return resolved
    clock = found[0]
    midnight = datetime.combine(resolved.start, time())
    wall_start = midnight + timedelta(minutes=clock.start)
    stated = stated_zone(normal, positions, zone_name, wall_start)
    local = zone(zone_name)
    start = _instant(wall_start, stated.where or local).astimezone(local)
    end = _instant(midnight + timedelta(minutes=clock.end), stated.where or local).astimezone(local)
    timing = Timing(start.isoformat(), end.isoformat(), zone_name, clock.granularity,
                    clock.approximate, clock.part)
    where = f"{place} ({zone_name})" if place else zone_name
    day = resolved.start if stated.where is None else start.date()
    note = _how_read(clock, stated, start, where)
    if equivalent is not None:
        _check_equivalent(equivalent, clock, stated, (start, end), where, when, positions)
        note += f"; {_said(equivalent, when, positions)} agrees"
    if clock.part:
        note += f"; {clock.part} taken as {start:%H:%M} to {_clock_end(start, end)}"
    return _on_day(resolved, day, f"{resolved.explanation}; {note}", timing, resolved.approximate)


def clock_words(normal: str) -> tuple[str, GmtEquivalent | None]:
    """The words to read the clock and its zone from, and the GMT equivalent that checks them:
    '4:10 p.m. (0710 GMT)' is 4:10 p.m. local time, so the parenthesis is blanked out (its GMT
    is not the clock's zone). Where no clock stands beside it ('Monday (0710 GMT)') the
    parenthesis is the time itself, and the words are read as they are."""
    equivalent = read_gmt_equivalent(normal) if "(" in normal else None
    if equivalent is None:
        return normal, None
    blank = " " * (equivalent.end - equivalent.start)
    rest = f"{normal[:equivalent.start]}{blank}{normal[equivalent.end:]}"
    found = read_clock(rest)
    if found is None or found[0].part:
        return normal, None
    return rest, equivalent


def _unchecked(resolved: ResolvedDate, when: str) -> ResolvedDate:
    """Without a zone a time of day is not read, so a GMT equivalent cannot be checked: the day
    named stays, and the explanation says the parenthesis went unchecked."""
    if "(" not in when:
        return resolved
    normal, positions = normalise(when)
    equivalent = clock_words(normal)[1]
    if equivalent is None:
        return resolved
    note = (f"{_said(equivalent, when, positions)} not checked: the article has no zone, so "
            "only its day is read")
    return resolved._replace(explanation=f"{resolved.explanation}; {note}")


def _said(equivalent: GmtEquivalent, when: str, positions: Sequence[int]) -> str:
    """The parenthesis as the article writes it, '(0710 GMT)'."""
    return when[positions[equivalent.start]:positions[equivalent.end - 1] + 1]


def _check_equivalent(equivalent: GmtEquivalent, clock: ClockReading, stated: StatedZone,
                      local: tuple[datetime, datetime], where: str, when: str,
                      positions: Sequence[int]) -> None:
    """The GMT time must fall within the clock's reading (one instant for '4:10 p.m.'), on
    whichever day it comes: 1 a.m. on Monday in Tokyo is 1600 GMT on Sunday. A time that does
    not is an error naming both, for one of them was sent wrong and only the source can say."""
    start, end = (moment.astimezone(UTC) for moment in local)
    gmt = datetime.combine(start.date(), time(), UTC) + timedelta(minutes=equivalent.minutes)
    if gmt < start:
        gmt += timedelta(days=1)
    if gmt <= end:
        return
    words = stated.words if stated.words.lower() not in LOCAL_WORDS else ""
    said = f'"{clock.said} {words}" is' if words else f'"{clock.said}" local time is'
    written = f"{equivalent.minutes // 60:02d}:{equivalent.minutes % 60:02d}"
    raise DateError(
        f"{said} {start:%H:%M} GMT, not {written} GMT as \"{_said(equivalent, when, positions)}\" "
        f"says, with {where} at {_offset_text(local[0])} in {MONTH_NAMES[local[0].month - 1]}; "
        "one of the two times is wrong: check the source and correct the one that is",
        positions[equivalent.start])


def stated_zone(normal: str, positions: Sequence[int], zone_name: str,
                moment: datetime) -> StatedZone:
    """The zone the words state; the article's own when they state none or 'local time', or
    when they name the abbreviation it bears then. An ambiguous abbreviation is an error."""
    match = STATED_ZONE.search(normal)
    if match is None:
        return StatedZone(None, "")
    own = abbreviation_in(zone_name, moment).lower()
    if match["offset"]:
        sign = 1 if match["sign"] == "+" else -1
        minutes = sign * (int(match["hours"]) * 60 + int(match["minutes"] or 0))
        return StatedZone(fixed_offset(minutes), match["offset"].upper())
    word = match["word"] or "z"
    if word in LOCAL_WORDS:
        return StatedZone(None, word)
    if word == own:
        return StatedZone(None, word.upper())
    if word in NAMED_ABBREVIATIONS:
        return StatedZone(zone(NAMED_ABBREVIATIONS[word]), word.upper())
    if word in AMBIGUOUS_ABBREVIATIONS:
        choices = AMBIGUOUS_ABBREVIATIONS[word]
        raise DateError(
            f'"{word.upper()}" names several time zones: {", ".join(choices[:-1])} or '
            f"{choices[-1]}; write the offset instead, e.g. \"+0530\"",
            positions[match.start()])
    return StatedZone(fixed_offset(FIXED_ABBREVIATIONS[word]), "Z" if word == "z" else
                      word.upper())


def _instant(wall: datetime, where: tzinfo) -> datetime:
    """The wall-clock time in that zone as an instant; a time that a daylight-saving change
    skips is read with the offset before the change, as clocks showed it a moment earlier."""
    return wall.replace(tzinfo=where).astimezone(UTC)


def _how_read(clock: ClockReading, stated: StatedZone, start: datetime, where: str) -> str:
    offset = _offset_text(start)
    month = MONTH_NAMES[start.month - 1]
    said = clock.said
    if stated.words and said.endswith(stated.words.lower()):
        said = said[: -len(stated.words)].rstrip()  # '0740z' states its zone itself
    if stated.where is None:
        words = f"{said} {stated.words}" if stated.words else f"{said}, local time"
        return f"{words}: {where} is {offset} in {month}"
    return (f"{said} {stated.words} is {start.strftime('%H:%M')} on "
            f"{describe_day(start.date())} in {where}, {offset} in {month}")


def _clock_end(start: datetime, end: datetime) -> str:
    """'05:00 the next day', 'midnight' or '12:00': where a span of hours ends."""
    if end.date() > start.date():
        return "midnight" if end.time() == time() else f"{end:%H:%M} the next day"
    return f"{end:%H:%M}"


def _offset_text(moment: datetime) -> str:
    minutes = int((moment.utcoffset() or timedelta(0)).total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes >= 0 else '-'}{hours}" + (f":{rest:02d}" if rest else "")


def _on_day(resolved: ResolvedDate, day: date, explanation: str, timing: Timing,
            approximate: bool) -> ResolvedDate:
    """The reading moved to `day` with its time; `approximate` is the day's (an approximate
    time on a known day keeps the day certain)."""
    if day == resolved.start == resolved.end:
        return resolved._replace(explanation=explanation, timing=timing)
    return ResolvedDate(day, day, "day", approximate, day.isoformat(), explanation,
                        resolved.ongoing, timing)


def _hours_from_anchor(resolved: ResolvedDate, normal: str, anchor: Timing,
                       zone_name: str | None) -> ResolvedDate | None:
    """'three hours later', '36 hours after': the anchor's time moved by that many hours."""
    match = HOURS_FROM_ANCHOR.fullmatch(normal)
    if match is None:
        return None
    count = match["count"]
    hours = (1 if count in ("a", "an") else int(count) if count.isdigit()
             else lexicon.NUMBER_WORDS[count])
    step = timedelta(hours=hours if match["later"] else -hours)
    local = zone(zone_name or anchor.zone)
    start = (anchor.start_at + step).astimezone(local)
    end = (anchor.end_at + step).astimezone(local)
    approximate = anchor.approximate or match["hedge"] is not None
    timing = Timing(start.isoformat(), end.isoformat(), zone_name or anchor.zone,
                    anchor.granularity, approximate, anchor.part)
    note = (f"{hours} hours {'after' if match['later'] else 'before'} the anchor's time, "
            f"{anchor.start_at.strftime('%H:%M')}: {start.strftime('%H:%M')} on "
            f"{describe_day(start.date())}")
    # The anchor's day is known, so the hours put this one on a known day too.
    return _on_day(resolved, start.date(), f"{resolved.explanation}; {note}", timing, False)


APPROXIMATE_REACH = timedelta(minutes=30)  # how far an approximate time may be off, each way


def timed_report_to_keep(dates: Sequence[ResolvedDate]) -> int | tuple[int, int] | None:
    """Of one event's reports, the index of the time to keep (the narrowest), or the indexes of
    two timed reports that cannot both be right (the later first), or None when none is timed."""
    timed = [index for index, reading in enumerate(dates) if reading.timing is not None]
    windows = {index: _window(dates[index]) for index in timed}
    for position, first in enumerate(timed):
        for second in timed[position + 1:]:
            (start_a, end_a), (start_b, end_b) = windows[first], windows[second]
            if start_a > end_b:
                return (first, second)
            if start_b > end_a:
                return (second, first)
    if not timed:
        return None
    return min(timed, key=lambda index: (windows[index][1] - windows[index][0], index))


def _window(reading: ResolvedDate) -> tuple[datetime, datetime]:
    timing = reading.timing
    assert timing is not None
    reach = APPROXIMATE_REACH if timing.approximate else timedelta(0)
    return timing.start_at - reach, timing.end_at + reach


def time_text(timing: Timing) -> str:
    """'07:40 on Tue 23 Jan 2024 (Asia/Baghdad)', or a span of such, for error messages."""
    start, end = timing.start_at, timing.end_at
    words = f"{start.strftime('%H:%M')} on {describe_day(start.date())}"
    if end != start:
        words += f" to {end.strftime('%H:%M')} on {describe_day(end.date())}"
    return f"{words} ({timing.zone})"
