"""Regex pieces built from the lexicon, shared by every rule (and by a later `extract`).

All pieces are non-capturing and contain no anchors, so rules can use them with `fullmatch`
(resolve) or `finditer` (running prose). Text reaching them is normalised: lower case, single
spaces, straight quotes, every dash written "-".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dateline.dates import lexicon


def alternation(words: Iterable[str]) -> str:
    """Longest first, so 'sept' is tried before 'sep' and 'christmas eve' before 'christmas'.
    (Kept a flat list of whole words: resolve takes the patterns' literal words as known words,
    so a trie's fragments, 'sep(?:t(?:ember)?)?', would change its did-you-mean hints.)"""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


WEEKDAY = rf"(?:{alternation(lexicon.WEEKDAYS)})\b\.?"
WEEKDAY_PLURAL = rf"(?:{alternation(n.lower() for n in lexicon.WEEKDAY_NAMES)})s\b"
MONTH = rf"(?:{alternation(lexicon.MONTHS)})\b\.?"
DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
DAY_WORDS = tuple(word for word, value in lexicon.ORDINAL_WORDS.items() if value > 0)
DAY_WORD = rf"(?:{alternation(DAY_WORDS)})\b"
DAY = rf"(?:{DAY_NUMBER}|{DAY_WORD})"
YEAR = r"(?:1[6-9]\d\d|20\d\d|21\d\d)\b"


def number_alternation(words: Iterable[str]) -> str:
    """`alternation`, with 'twenty', 'twenty-one', 'twenty one' .. 'ninety nine' written once as
    '(?:twenty|..|ninety)(?:[- ](?:one|..|nine))?': the same texts, tried longest first, in a
    tenth of the pattern (compiling and analysing the rows costs start-up)."""
    every = set(words)
    tails: dict[str, set[str]] = {}
    for word in every:
        head, dash, tail = word.partition("-")
        if dash and head in every and f"{head} {tail}" in every:
            tails.setdefault(head, set()).add(tail)
    shared = set.intersection(*tails.values()) if tails else set()
    if not tails or any(found != shared for found in tails.values()):
        return alternation(every)
    folded = {f"{head}{glue}{tail}" for head in tails for tail in shared for glue in "- "}
    rest = every - folded - set(tails)
    if any(word.startswith(head) for word in rest for head in tails):
        return alternation(every)  # a longer word would then be tried after a shorter one
    return f"(?:{alternation(tails)})(?:[- ](?:{alternation(shared)}))?|{alternation(rest)}"


# A year in words: "nineteen ninety-six", "eighteen hundred", "nineteen oh five", "two thousand
# and eight", "twenty twenty-four" (the words of 10 to 99 come from the lexicon).
TENS_TO_NINETIES = alternation(word for word, value in lexicon.NUMBER_WORDS.items()
                               if 10 <= value <= 99)
UNITS = alternation(word for word, value in lexicon.NUMBER_WORDS.items()
                    if 1 <= value <= 9 and word not in ("a", "an"))
YEAR_WORDS = (rf"(?:(?P<high>sixteen|seventeen|eighteen|nineteen|twenty)[ -](?:(?P<hundred>hundred)"
              rf"|(?:oh|o)[ -](?P<oh>{UNITS})|(?P<low>{TENS_TO_NINETIES}))"
              rf"|two thousand(?: and)?(?: (?P<thousand>{TENS_TO_NINETIES}|{UNITS}))?)\b")


COUNT = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,5}}|{number_alternation(lexicon.NUMBER_WORDS)}|"
         rf"{alternation(lexicon.VAGUE_COUNTS)})\b")
HEDGE = rf"(?:{alternation(lexicon.HEDGES)})\b"
UNIT_WORDS = ("day", "week", "fortnight", "month", "year", "decade", "hour")
UNIT = rf"(?:{'|'.join(UNIT_WORDS)})s?\b"
HOLIDAY = (rf"(?:{alternation(list(lexicon.FIXED_HOLIDAYS) + list(lexicon.MOVABLE_HOLIDAYS))})"
           r"(?![a-z])")
SEASON = rf"(?:{alternation(lexicon.SEASONS)})\b"
DAY_PART = rf"(?:{alternation(lexicon.DAY_PARTS)})\b"
ZONE = rf"(?:{alternation(lexicon.TIME_ZONES)})\b"


def quantity(hedge: str = "?", count: str = "", or_so: str = "?") -> str:
    """A count with its unit: "10 days", "some 10 days", "a week and a half", "half a year",
    "a week or so" (the trailing "or so" hedges the count as "about" does).

    `hedge` is "?" (optional hedge), "" (hedge required); `count` "?" lets the count go
    ("the past week and a half"); `or_so` "" requires the trailing "or so".
    """
    return (rf"(?:(?P<hedge>{HEDGE}) ){hedge}(?:(?P<half_a>half an?) |(?P<count>{COUNT})"
            rf"(?P<half_before> and a half)? (?:of )?){count}(?P<unit>{UNIT})"
            rf"(?P<half_after> and a half)?(?P<or_so> or so){or_so}")


QUANTITY = quantity()

# Clock times and parts of the day: accepted around a day and kept out of the span (the day's
# time is read from the same words by times.py). A range's first time may leave out its a.m.
CLOCK = (r"(?:\d{1,2}(?:[:.]\d\d)? ?[ap]\.?m\b\.?|\d{1,2}[:.]\d\d\b|\d{4} ?(?:gmt|utc|hrs|hours)\b"
         r"|\d{4}(?= local time\b)|\d{4}z\b|\d{1,2}:\d\dz\b|noon\b|midnight\b|midday\b)")
# A clock's equivalent in GMT, in parentheses after it, as the wires write it: '4:10 p.m.
# (0710 GMT)', '(07:10 UTC)', '(0710Z)', '(7:10 a.m. GMT)'. The zone is required: a bare
# '(0710)' states nothing to check. times.py reads it; timing.py checks it against the clock.
GMT_EQUIVALENT = (r"\((?:\d{4}z|\d{1,2}:\d\dz"
                  r"|(?:\d{4}|\d{1,2}[:.]\d\d|\d{1,2}(?:[:.]\d\d)? ?[ap]\.?m\b\.?) ?(?:gmt|utc))\)")
CLOCK_RANGE = (rf"(?:between (?:{CLOCK}|\d{{1,2}}(?:[:.]\d\d)?) and {CLOCK}"
               rf"|from (?:{CLOCK}|\d{{1,2}}(?:[:.]\d\d)?) (?:to|until|till) {CLOCK})")
UTC_OFFSET = r"(?:(?:gmt|utc) ?)?[+-](?:1[0-4]|0?\d)(?::?[0-5]\d)?\b"
# Each list is prefix-free (every word ends in a space), so its order does not matter.
TIME_LEAD_WORDS = ("shortly ", "just ", "right ", "sometime ", "some time ", "soon ")
TIME_RELATION_WORDS = ("before ", "after ", "around ", "about ", "at ", "by ", "from ", "until ",
                       "in the ")
TIME_HEDGE_WORDS = ("about ", "around ", "approximately ", "roughly ")
TIME_LEAD = alternation(TIME_LEAD_WORDS)
TIME_RELATION = alternation(TIME_RELATION_WORDS)
TIME_HEDGE = alternation(TIME_HEDGE_WORDS)
STATED_ZONE = rf"(?: \(?(?:{ZONE}|{UTC_OFFSET})\)?)?"
TIME_PHRASE = (rf"(?:(?:{TIME_LEAD})?(?:{CLOCK_RANGE}{STATED_ZONE}|(?:{TIME_RELATION})?"
               rf"(?:{TIME_HEDGE})?(?:{CLOCK}{STATED_ZONE}(?: {GMT_EQUIVALENT})?"
               rf"|{DAY_PART}{STATED_ZONE})))")
BEFORE_DAY = (rf"(?:(?:early|late|sometime|earlier|later)(?: on)? |{TIME_PHRASE},? (?:on )?"
              r"|(?:in )?the (?:early|small|late) hours of |(?:early|late) in the day on "
              r"|(?:on |in )?the (?:night|morning|evening|afternoon) of )?")
AFTER_DAY = (rf"(?: {DAY_PART})?(?:,? {TIME_PHRASE})?"
             rf"(?:,? {ZONE}| \((?:{ZONE}|{TIME_PHRASE})\))?")


def around_day(core: str) -> str:
    """A day-naming pattern with optional times, parts of day and zones on either side."""
    return f"{BEFORE_DAY}{core}{AFTER_DAY}"


# What a text each piece reads can begin with, for the rules' `starts` (see `rules.Rule`). Only
# a text's first word counts, its letters up to the first other character ("0" stands for any
# digit), so a phrase stands for its first word and a plural must be listed as well.
DIGIT = "0"
WEEKDAY_STARTS = tuple(lexicon.WEEKDAYS)
WEEKDAY_PLURAL_STARTS = tuple(f"{name.lower()}s" for name in lexicon.WEEKDAY_NAMES)
MONTH_STARTS = tuple(lexicon.MONTHS)
DAY_STARTS = (DIGIT, *DAY_WORDS)
YEAR_STARTS = (DIGIT,)
COUNT_STARTS = (DIGIT, *lexicon.NUMBER_WORDS, *lexicon.VAGUE_COUNTS)
UNIT_STARTS = (*UNIT_WORDS, *(f"{unit}s" for unit in UNIT_WORDS))
HOLIDAY_STARTS = (*lexicon.FIXED_HOLIDAYS, *lexicon.MOVABLE_HOLIDAYS)
SEASON_STARTS = tuple(lexicon.SEASONS)
CLOCK_STARTS = (DIGIT, "noon", "midnight", "midday")
TIME_PHRASE_STARTS = (*TIME_LEAD_WORDS, *TIME_RELATION_WORDS, *TIME_HEDGE_WORDS, *CLOCK_STARTS,
                      "between", *lexicon.DAY_PARTS)
BEFORE_DAY_STARTS = ("early", "late", "sometime", "earlier", "later", *TIME_PHRASE_STARTS, "in",
                     "the", "on")


def quantity_starts(hedge: str = "?", count: str = "") -> tuple[str, ...]:
    """What `quantity(hedge, count)` can begin with."""
    hedges = tuple(lexicon.HEDGES)
    if not hedge:
        return hedges
    return (*hedges, "half", *COUNT_STARTS, *(UNIT_STARTS if count else ()))


def around_day_starts(*core: str) -> tuple[str, ...]:
    """What `around_day(core)` can begin with, given what `core` can begin with."""
    return (*BEFORE_DAY_STARTS, *core)
