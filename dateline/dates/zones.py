"""IANA time zones by name: checked against the zone database, with a did-you-mean on a typo.

`zoneinfo` reads the system's zone database, or the `tzdata` package where the system has none
(Windows, slim containers); either way the names are the IANA ones, 'Asia/Baghdad'.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from difflib import get_close_matches
from functools import cache
from types import MappingProxyType


class UnknownZone(ValueError):
    """A name that is no IANA zone, with the closest names there are."""

    def __init__(self, name: str, hint: str) -> None:
        super().__init__(f'"{name}" is not an IANA time zone name')
        self.name = name
        self.message = str(self)
        self.hint = hint


@dataclass(frozen=True, slots=True)
class ArticleZone:
    """The zone an article's times are read in, and how it was chosen, for explanations."""

    name: str  # IANA name, e.g. "Asia/Baghdad"
    note: str  # e.g. "Baghdad, Iraq keeps Asia/Baghdad time (GeoNames)"


@cache
def zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def checked_zone(name: str) -> str:
    """`name` when it is an IANA zone; UnknownZone naming the closest ones when it is not."""
    if name in zone_names():
        return name
    folded = {known.casefold(): known for known in zone_names()}
    if name.casefold() in folded:
        close = [folded[name.casefold()]]
    else:
        by_city = {known.rsplit("/", 1)[-1].casefold(): known for known in zone_names()}
        close = [by_city[key] for key in get_close_matches(
            name.replace(" ", "_").casefold(), list(by_city), n=3, cutoff=0.75)]
        close = close or get_close_matches(name, sorted(zone_names()), n=3, cutoff=0.6)
    if close:
        hint = "did you mean " + " or ".join(f'"{known}"' for known in close) + "?"
    else:
        hint = 'use an IANA name such as "Europe/London", "America/New_York" or "UTC"'
    raise UnknownZone(name, hint)


def zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def utc_offset_text(name: str, day: date, at: time = time(12)) -> str:
    """'UTC+3', 'UTC-5', 'UTC+5:30': the zone's offset at that moment, for explanations."""
    offset = datetime.combine(day, at, zone(name)).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


# Zone abbreviations a story may state, as the fixed offset (minutes east of UTC) each stands
# for. Where the article's own zone bears the abbreviation on that day (EST in New York), the
# article's zone is meant, so its daylight-saving rules apply.
FIXED_ABBREVIATIONS = MappingProxyType({
    "gmt": 0, "utc": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "msk": 180, "wib": 420, "jst": 540, "aest": 600, "est": -300, "edt": -240, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
})
# US zones named without standard or daylight ('10 a.m. ET'): the zone itself.
NAMED_ABBREVIATIONS = MappingProxyType({
    "et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver",
    "pt": "America/Los_Angeles",
})
# Abbreviations that name several zones: an error lists them, unless the article's zone is one.
AMBIGUOUS_ABBREVIATIONS = MappingProxyType({
    "ist": ("India Standard Time (UTC+5:30)", "Irish Standard Time (UTC+1)",
            "Israel Standard Time (UTC+2)"),
    "cst": ("US Central Standard Time (UTC-6)", "China Standard Time (UTC+8)",
            "Cuba Standard Time (UTC-5)"),
})
LOCAL_WORDS = ("local times", "local time", "local")


def abbreviation_in(zone_name: str, moment: datetime) -> str:
    """The abbreviation the zone uses at that wall-clock moment, e.g. 'EST', '+03'."""
    return moment.replace(tzinfo=zone(zone_name)).tzname() or ""


def fixed_offset(minutes: int) -> tzinfo:
    return timezone(timedelta(minutes=minutes))
