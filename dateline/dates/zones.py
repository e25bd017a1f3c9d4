"""IANA time zones by name: checked against the zone database, with a did-you-mean on a typo.

`zoneinfo` reads the system's zone database, or the `tzdata` package where the system has none
(Windows, slim containers); either way the names are the IANA ones, 'Asia/Baghdad'.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from difflib import get_close_matches
from functools import cache


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
