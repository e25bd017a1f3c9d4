"""The place of a dateline: the words before its date, as the gazetteer is asked about them.

'ISMAILIA, Egypt, March 25 (Reuters) -' names Ismailia in Egypt; 'SINGAPORE/COLOMBO, March 21'
names two cities, of which the first is where the story was filed; 'Baghdad [Iraq], January 24'
puts the country in brackets; 'Paris, Texas, May 2' names a US state to tell one Paris from
another. A dateline that is only a date ('Jan 24 (Reuters) -') names no place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.dates.reference import (
    DATELINE_DATE,
    DATELINE_WEEKDAY,
    TRAILING,
    without_credits,
)

BRACKETED = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class DatelinePlace:
    """A city as the dateline writes it, and the country or state words written beside it."""

    city: str
    qualifiers: tuple[str, ...]

    def label(self) -> str:
        return ", ".join((self.city, *self.qualifiers))


def dateline_place(dateline: str) -> DatelinePlace | None:
    """The place before the dateline's date, or None when the dateline is only a date."""
    text = without_credits(dateline)
    parts = [part.strip(TRAILING) for part in text.split(",")]
    place_parts = parts[: len(parts) - _date_part_count(parts)]
    if not place_parts or not place_parts[0]:
        return None
    first, *rest = place_parts
    qualifiers = [match.strip() for match in BRACKETED.findall(first)]
    city = BRACKETED.sub(" ", first).split("/")[0].strip(TRAILING + " ")
    if not city or re.search(r"\d", city):
        return None
    words = tuple(word for word in (*qualifiers, *rest) if word)
    return DatelinePlace(" ".join(city.split()), words)


def _date_part_count(parts: list[str]) -> int:
    """How many comma-separated parts at the end name the date: 'March 5, 2024' is two."""
    last = parts[-1].lower()
    if len(parts) > 2 and re.fullmatch(r"\d{4}", last):
        return 2
    if DATELINE_DATE.fullmatch(last) or DATELINE_WEEKDAY.fullmatch(last):
        return 1
    if re.search(r"\d", last):
        return 1
    return 0
