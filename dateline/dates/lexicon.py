"""Every word the resolver knows, as immutable tables: rules build their patterns from these."""

from __future__ import annotations

import re
from types import MappingProxyType

# The names themselves are display's tables, shared so a month is spelt one way everywhere;
# named here as the resolver's vocabulary ("as" marks them as exported, for mypy).
from dateline.display import MONTH_ABBREVIATIONS as MONTH_ABBREVIATIONS
from dateline.display import MONTH_NAMES as MONTH_NAMES
from dateline.display import WEEKDAY_ABBREVIATIONS as WEEKDAY_ABBREVIATIONS
from dateline.display import WEEKDAY_NAMES as WEEKDAY_NAMES


def _month_spellings() -> dict[str, int]:
    """Full names, three-letter forms and the AP forms ("Sept.", "Tues."), without periods."""
    spellings = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)}
    spellings.update({abbr.lower(): n for n, abbr in enumerate(MONTH_ABBREVIATIONS, 1)})
    spellings["sept"] = 9
    return spellings


def _weekday_spellings() -> dict[str, int]:
    spellings = {name.lower(): index for index, name in enumerate(WEEKDAY_NAMES)}
    spellings.update({abbr.lower(): i for i, abbr in enumerate(WEEKDAY_ABBREVIATIONS)})
    spellings.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
    return spellings


MONTHS = MappingProxyType(_month_spellings())
WEEKDAYS = MappingProxyType(_weekday_spellings())

_UNITS_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_UNITS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth "
                  "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
                  "eighteenth nineteenth").split()
_ORDINAL_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"


def _number_words() -> dict[str, int]:
    """'one'..'ninety-nine' (hyphenated or spaced), plus 'a'/'an' and 'a couple of'."""
    words = {word: value for value, word in enumerate(_UNITS_WORDS)}
    for tens_index, tens in enumerate(_TENS_WORDS):
        base = 20 + 10 * tens_index
        words[tens] = base
        for unit in range(1, 10):
            words[f"{tens}-{_UNITS_WORDS[unit]}"] = base + unit
            words[f"{tens} {_UNITS_WORDS[unit]}"] = base + unit
    words.update({"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12})
    return words


def _ordinal_words() -> dict[str, int]:
    """'first'..'thirty-first': days of the month and the ordinals of quarters and weeks."""
    words = {word: value for value, word in enumerate(_ORDINAL_UNITS) if value}
    for tens_index, tens in enumerate(_ORDINAL_TENS.split()[:2]):
        words[tens] = 20 + 10 * tens_index
    for unit in range(1, 10):
        words[f"twenty-{_ORDINAL_UNITS[unit]}"] = 20 + unit
        words[f"twenty {_ORDINAL_UNITS[unit]}"] = 20 + unit
    words["thirty-first"] = words["thirty first"] = 31
    words["last"] = -1
    return words


NUMBER_WORDS = MappingProxyType(_number_words())
ORDINAL_WORDS = MappingProxyType(_ordinal_words())

# Vague counts: the low and high reading of each (always approximate).
VAGUE_COUNTS = MappingProxyType({"a few": (2, 4), "few": (2, 4), "several": (3, 7)})

# Units in days (calendar units are moved by whole months and years, never by days).
DAY_UNITS = MappingProxyType({"day": 1, "week": 7, "fortnight": 14})
CALENDAR_UNITS = MappingProxyType({"month": 1, "year": 12, "decade": 120})

# Hedges before a count, and how they widen the stated point (see docs/dates.md).
HEDGES = MappingProxyType({
    "roughly": "around", "about": "around", "around": "around", "approximately": "around",
    "some": "around", "circa": "around", "an estimated": "around",
    "nearly": "under", "almost": "under", "just under": "under", "less than": "under",
    "under": "under", "not quite": "under",
    "just over": "over", "more than": "over", "over": "over", "at least": "over",
    "upwards of": "over", "just": "exact", "exactly": "exact", "only": "exact",
})

SEASONS = MappingProxyType({"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12})
SEASON_CODES = MappingProxyType({3: "SP", 6: "SU", 9: "FA", 12: "WI"})

# Fixed-date holidays: (month, day). Movable ones are computed in spans.py.
FIXED_HOLIDAYS = MappingProxyType({
    "new year's day": (1, 1), "new years day": (1, 1), "new year": (1, 1),
    "new year's": (1, 1), "valentine's day": (2, 14), "valentines day": (2, 14),
    "st. patrick's day": (3, 17), "st patrick's day": (3, 17), "may day": (5, 1),
    "independence day": (7, 4), "the fourth of july": (7, 4), "fourth of july": (7, 4),
    "july fourth": (7, 4), "bastille day": (7, 14), "halloween": (10, 31),
    "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
    "christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new years eve": (12, 31),
})
MOVABLE_HOLIDAYS = MappingProxyType({
    "easter": "easter", "easter sunday": "easter", "easter day": "easter",
    "good friday": "good friday", "easter monday": "easter monday",
    "holy saturday": "holy saturday", "palm sunday": "palm sunday",
    "ash wednesday": "ash wednesday", "pentecost": "pentecost", "whit sunday": "pentecost",
    "thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving",
    "labor day": "labor day", "memorial day": "memorial day",
    "martin luther king day": "mlk day", "martin luther king jr. day": "mlk day",
    "mlk day": "mlk day", "presidents day": "presidents day",
    "presidents' day": "presidents day", "mother's day": "mothers day",
    "father's day": "fathers day", "black friday": "black friday",
    "election day": "election day",
})

# Feasts of lunar or lunisolar calendars: named so the error can say why dateline will not guess.
LUNAR_FEASTS = ("eid", "ramadan", "diwali", "hanukkah", "passover", "yom kippur",
                "rosh hashanah", "lunar new year", "chinese new year", "tet", "nowruz", "vesak")

# Parts of a day and clock words: they narrow nothing below a day, so rules accept and keep them.
DAY_PARTS = ("morning", "afternoon", "evening", "night", "overnight", "midday", "noon",
             "midnight", "dawn", "dusk", "daybreak", "sunrise", "sunset", "lunchtime")
TIME_ZONES = ("gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst",
              "pdt", "et", "ct", "mt", "pt", "ist", "jst", "aest", "eet", "eest", "msk", "wib",
              "local time", "local", "local times")

# Words that only glue a phrase together; known so that they are not reported as typos.
GLUE_WORDS = ("on", "in", "at", "of", "the", "by", "as", "until", "till", "til", "since", "from",
              "to", "through", "thru", "and", "between", "during", "over", "ago", "later", "after",
              "afterwards", "afterward", "before", "earlier", "prior", "previous", "following",
              "next", "last", "this", "that", "past", "coming", "same", "early", "late", "mid",
              "middle", "beginning", "start", "end", "days", "weeks", "months", "years",
              "decades", "hours", "hour", "now", "today", "tonight", "yesterday", "tomorrow",
              "weekend", "weekends", "week", "month", "year", "decade", "quarter", "half",
              "day", "fortnight", "recent", "just", "shortly", "soon", "around", "then",
              "followed", "first", "second", "third", "fourth", "a.m.", "p.m.", "am", "pm",
              "time", "local", "q1", "q2", "q3", "q4", "h1", "h2", "within", "into",
              "later", "ended", "starting", "around", "days'", "weeks'", "whole")


def _vocabulary() -> dict[str, str]:
    """Each known single word in lower case, mapped to how a did-you-mean hint writes it."""
    known: dict[str, str] = {}
    for name in MONTH_NAMES + WEEKDAY_NAMES:
        known[name.lower()] = name
    for spelling in list(MONTHS) + list(WEEKDAYS):
        known.setdefault(spelling, spelling.capitalize())
    phrases = (list(NUMBER_WORDS) + list(ORDINAL_WORDS) + list(VAGUE_COUNTS) + list(HEDGES)
               + list(SEASONS) + list(FIXED_HOLIDAYS) + list(MOVABLE_HOLIDAYS)
               + list(DAY_PARTS) + list(TIME_ZONES) + list(GLUE_WORDS) + list(DAY_UNITS)
               + list(CALENDAR_UNITS))
    for phrase in phrases:
        for word in re.split(r"[ \-]", phrase):
            word = word.strip(".'")
            if word:
                known.setdefault(word, word)
    return known


VOCABULARY = MappingProxyType(_vocabulary())
