"""Times of day in a date expression: clock times, hedged times, ranges and parts of the day.

The resolver reads the day and accepts these words around it; this module reads the same
(normalised) words for the time, as minutes after the named day's midnight. A reading may pass
midnight (`Monday night` runs to 05:00 on Tuesday, `between 11 p.m. and 2 a.m.` to 02:00): the
day stays the one named. The forms and the hours of each part of the day are in docs/dates.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from dateline.model import TimeGranularity

DAY_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class ClockReading:
    """A time or span of time on the named day, in minutes after its midnight."""

    start: int
    end: int
    granularity: TimeGranularity
    approximate: bool
    said: str  # the words read, for the explanation
    part: str = ""  # the part of the day, for part-of-day readings


class TimeForm(NamedTuple):
    name: str
    pattern: str
    build: Callable[[re.Match[str]], ClockReading]


# One clock time: '7:40 a.m.', '7.40am', '7 p.m.', '19:40', '1940 gmt', '0740z', '0900 local
# time', noon, midnight.
CLOCK = (r"(?:(?P<{p}h12>1[0-2]|0?[1-9])(?:[:.](?P<{p}m12>[0-5]\d))? ?(?P<{p}ampm>[ap])\.?m\b\.?"
         r"|(?P<{p}h24>[01]?\d|2[0-3])[:.](?P<{p}m24>[0-5]\d)z?\b"
         r"|(?P<{p}hhmm>(?:[01]\d|2[0-3])[0-5]\d)"
         r"(?:z\b|(?= ?(?:gmt|utc|hrs|hours)\b| local time\b))"
         r"|(?P<{p}noon>noon)\b|(?P<{p}midnight>midnight)\b)")
BARE_HOUR = r"(?P<{p}bare>1[0-2]|0?[1-9])(?:[:.](?P<{p}barem>[0-5]\d))?"
AFTER_LEADS = ("shortly after", "just after", "soon after", "right after", "sometime after",
               "some time after", "after")
BEFORE_LEADS = ("shortly before", "just before", "right before", "sometime before",
                "some time before", "before", "by")
AROUND_LEADS = ("some time around", "sometime around", "approximately", "roughly", "around",
                "about")
# How far a hedged time reaches, in minutes: 'shortly after 3 p.m.' is 3 to 3:30.
SHORTLY = 30
LOOSELY = 60


def _clock(match: re.Match[str], prefix: str = "") -> tuple[int, bool] | None:
    """(minutes after midnight, whether minutes were stated) of one CLOCK match."""
    group = match.groupdict()
    if group.get(prefix + "h12"):
        hour = int(group[prefix + "h12"]) % 12 + (12 if group[prefix + "ampm"] == "p" else 0)
        minutes = group.get(prefix + "m12")
        return hour * 60 + int(minutes or 0), minutes is not None
    if group.get(prefix + "h24"):
        return int(group[prefix + "h24"]) * 60 + int(group[prefix + "m24"]), True
    if group.get(prefix + "hhmm"):
        text = group[prefix + "hhmm"]
        return int(text[:2]) * 60 + int(text[2:]), True
    if group.get(prefix + "noon"):
        return 12 * 60, True
    if group.get(prefix + "midnight"):
        return None  # which midnight depends on the words around it
    return None


def _grain(stated_minutes: bool) -> TimeGranularity:
    return "minute" if stated_minutes else "hour"


def _hedged_clock(match: re.Match[str]) -> ClockReading:
    lead = match["lead"] or match["lead2"] or ""  # "at about 8 p.m." hedges as "about"
    said = match.group().strip().removeprefix("at ")
    if match["noon"] is None and match["midnight"] is not None:
        # A midnight 'after' opens the day named; any other closes it (AP: midnight is part
        # of the day that is ending), so 'midnight Tuesday' is the night into Wednesday.
        at, stated = (0 if lead in AFTER_LEADS else DAY_MINUTES), True
    else:
        found = _clock(match)
        assert found is not None
        at, stated = found
    if lead in AFTER_LEADS:
        reach = SHORTLY if " " in lead else LOOSELY
        return ClockReading(at, at + reach, _grain(stated), True, said)
    if lead in BEFORE_LEADS:
        reach = SHORTLY if " " in lead else LOOSELY
        return ClockReading(at - reach, at, _grain(stated), True, said)
    return ClockReading(at, at, _grain(stated), lead in AROUND_LEADS, said)


def _clock_range(match: re.Match[str]) -> ClockReading:
    """'between 2 and 4 a.m.', 'from 11 p.m. to 2 a.m.': a first time without a.m./p.m. takes
    the second's, or the other half of the day when that would put it after the second."""
    end_found = _clock(match, "b")
    end = end_found[0] if end_found else DAY_MINUTES
    stated = end_found[1] if end_found else True
    start_found = _clock(match, "a")
    if start_found is not None:
        start, stated_start = start_found
    elif match["abare"]:
        hour = int(match["abare"]) % 12
        start, stated_start = hour * 60 + int(match["abarem"] or 0), match["abarem"] is not None
        if match["bampm"] == "p" or (match["bh24"] and end >= 12 * 60):
            start += 12 * 60
        if start > end:  # 'between 11 and 2 a.m.': the first is the other half of the day
            start = (start + 12 * 60) % DAY_MINUTES
    else:  # midnight opens a range: the start of the day named
        start, stated_start = 0, True
    if end <= start:
        end += DAY_MINUTES  # the range runs across midnight into the next day
    return ClockReading(start, end, _grain(stated or stated_start), False,
                        match.group().strip())


def _hours(start: int, end: int, part: str) -> Callable[[re.Match[str]], ClockReading]:
    def build(match: re.Match[str]) -> ClockReading:
        return ClockReading(start * 60, end * 60, "part-of-day", True, match.group().strip(),
                            part)

    return build


def _leads(leads: tuple[str, ...]) -> str:
    return "|".join(sorted(leads, key=len, reverse=True))


HEDGED = (rf"(?:(?P<lead>{_leads(AFTER_LEADS + BEFORE_LEADS + AROUND_LEADS)}) )?(?:at )?"
          rf"(?:(?P<lead2>{_leads(AROUND_LEADS)}) )?{CLOCK.format(p='')}")
RANGE = (rf"(?:between|from) (?:{CLOCK.format(p='a')}|{BARE_HOUR.format(p='a')}) "
         rf"(?:and|to|until|till) {CLOCK.format(p='b')}")

# The forms, tried in order; the first found anywhere in the words is the time. Parts of the
# day as (first hour, hour it ends); past 24 runs into the next day.
FORMS: tuple[TimeForm, ...] = (
    TimeForm("between <clock> and <clock>", RANGE, _clock_range),
    TimeForm("<hedge> <clock>", HEDGED, _hedged_clock),
    TimeForm("early hours of <day>", r"(?:early|small|wee) hours", _hours(0, 5, "early hours")),
    TimeForm("before dawn", r"before dawn|pre-dawn|predawn", _hours(3, 6, "before dawn")),
    TimeForm("dawn", r"dawn|daybreak|sunrise|first light", _hours(5, 7, "dawn")),
    TimeForm("early morning", r"early (?:in the )?morning", _hours(5, 9, "early morning")),
    TimeForm("late morning", r"late (?:in the )?morning", _hours(10, 12, "late morning")),
    TimeForm("morning", r"morning", _hours(6, 12, "morning")),
    TimeForm("midday", r"midday|lunchtime", _hours(11, 14, "midday")),
    TimeForm("early afternoon", r"early (?:in the )?afternoon", _hours(12, 15, "early afternoon")),
    TimeForm("late afternoon", r"late (?:in the )?afternoon", _hours(15, 18, "late afternoon")),
    TimeForm("afternoon", r"afternoon", _hours(12, 18, "afternoon")),
    TimeForm("dusk", r"dusk|sunset|nightfall", _hours(17, 20, "dusk")),
    TimeForm("early evening", r"early (?:in the )?evening", _hours(17, 20, "early evening")),
    TimeForm("late evening", r"late (?:in the )?evening", _hours(21, 24, "late evening")),
    TimeForm("evening", r"evening", _hours(18, 22, "evening")),
    TimeForm("overnight", r"overnight", _hours(20, 30, "overnight")),
    TimeForm("late night", r"late (?:at )?night", _hours(22, 29, "late night")),
    TimeForm("<day> night", r"night|tonight", _hours(20, 29, "night")),
    TimeForm("early <day>", r"^early(?: on)?|early in the day", _hours(0, 9, "early")),
    TimeForm("late <day>", r"^late(?: on)?|late in the day", _hours(18, 24, "late")),
)
# Never inside a number: "22.01.2024" is a date, not 22:01.
COMPILED_FORMS = tuple((form, re.compile(rf"(?<![\w:.])(?:{form.pattern})(?![\w:]|\.\d)"))
                       for form in FORMS)


class GmtEquivalent(NamedTuple):
    """A clock's equivalent in GMT, '(0710 GMT)': what it says and where it stands."""

    minutes: int  # after midnight, GMT
    start: int  # where its '(' stands in the words
    end: int  # just after its ')'


# '(0710 GMT)', '(07:10 UTC)', '(0710Z)', '(7:10 a.m. GMT)': one clock and GMT, UTC or Z.
GMT_EQUIVALENT = re.compile(rf"\((?:{CLOCK.format(p='')})(?: ?(?P<gmt>gmt|utc))?\)")


def read_gmt_equivalent(normal: str) -> GmtEquivalent | None:
    """The first parenthesised GMT time in the (normalised) words, or None; a clock in brackets
    without GMT, UTC or Z ('(7:10 a.m.)') states no zone, so it is none."""
    for match in GMT_EQUIVALENT.finditer(normal):
        if match["gmt"] is None and not match.group().endswith("z)"):
            continue
        found = _clock(match)
        minutes = found[0] if found is not None else 0  # '(midnight GMT)' is 00:00
        return GmtEquivalent(minutes % DAY_MINUTES, match.start(), match.end())
    return None


@lru_cache(maxsize=4096)
def read_clock(normal: str) -> tuple[ClockReading, int] | None:
    """The time the (normalised) words state, with where its words start, or None. Keyed on
    the words alone, like the resolver's parse: news copy repeats its wordings."""
    for form, pattern in COMPILED_FORMS:
        match = pattern.search(normal)
        if match is not None:
            return form.build(match), match.start()
    return None
