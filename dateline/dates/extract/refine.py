"""Refiners for `extract`: keep a candidate only if prose uses it as a date, and trim it.

Each check looks at the words around a match, never at a dictionary of sentences: month and
weekday names must be capitalised ("may" and "march" are verbs), a bare name followed by a
capitalised word is part of a name ("Sunday Times", "April Dunmore"), a year needs a time
preposition ("in 2012", not "the 2020 election"), "the second" needs "of the month", and so on.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from dateline.dates import lexicon
from dateline.dates.patterns import TIME_PHRASE
from dateline.dates.resolve import Reading, normalise, read, resolve
from dateline.dates.rules import Rule
from dateline.errors import DateError
from dateline.model import Span

NAME_WORDS = frozenset(
    list(lexicon.MONTHS) + list(lexicon.WEEKDAYS)
    + [word for name in list(lexicon.FIXED_HOLIDAYS) + list(lexicon.MOVABLE_HOLIDAYS)
       for word in re.findall(r"[a-z]+", name)
       if word not in ("day", "eve", "the", "of", "s", "st", "jr", "year", "years", "fourth")]
)
FULL_NAMES = frozenset(name.lower() for name in lexicon.MONTH_NAMES + lexicon.WEEKDAY_NAMES)
TIME_PREPOSITIONS = frozenset(
    "in since by until till to from of before after through during between and circa around "
    "early mid late year over throughout for within as".split()
)
TRIMMABLE = re.compile(
    r"(?:on|in|at|during|by|until|till|from|to|of|for|through|throughout|within|as of) "
)
KEEP_PREPOSITION = re.compile(
    rf"(?:the (?:weekend|{'|'.join(lexicon.SEASONS)})\b|recent |coming )"
)
LEADING_TIME = re.compile(
    rf"(?:{TIME_PHRASE},? (?:on )?|(?:in )?the (?:early|small|late) hours of )"
)
VERB_FOLLOWERS = frozenset(
    "the they we you i he she it god your our his her their this that all everyone these those "
    "peace".split()
)
DAY_FOLLOWERS = frozenset(
    "and or of when at in on to but as after before until with by while the a an for from "
    "that this".split()
)
ATTRIBUTIVE_NOUNS = frozenset(
    "tree trees market markets card cards light lights party parties shopping decorations "
    "dinner lunch carol carols season recess holiday holidays break sales present presents "
    "gift gifts film special spirit message truce weekend trading rush".split()
)
RANKING = re.compile(
    r"\b(?:first|second|third|fourth|fifth|only|most|least|highest|lowest|biggest|largest|"
    r"smallest|worst|best|strongest|heaviest|hottest|coldest|wettest|driest|deadliest|longest|"
    r"shortest|fastest)\b"
)
MOVE_VERBS = re.compile(
    r"\b(?:moved?|moving|switch(?:ed)?|shift(?:ed)?|chang(?:e|ed)|brought|pushed|postponed|"
    r"delayed|rescheduled)\b[^.;]*$"
)
DURATION_BEFORE = frozenset("for within than over".split())
# A run of spaces is tried from its first only ((?<!\s)), so a search over blank text is linear.
NUMBER_AFTER = re.compile(
    r"(?:[.,]\d|(?<!\s)\s*%|(?<!\s)\s+(?:percent|per cent|million|billion|trillion|thousand"
    r"|hundred)\b)",
    re.IGNORECASE,
)  # "the 20%", "the 4.9 million", "the 2,500": a number, not a day of the month
COUNT_NOUNS = frozenset(
    "people persons men women children troops soldiers police officers workers employees jobs "
    "votes voters cases deaths dead homes houses units shares points feet metres meters miles "
    "kilometres kilometers km tons tonnes barrels dollars euros pounds yen acres hectares "
    "students members residents refugees families patients vehicles cars rounds copies pages "
    "words times seats beds rooms flights passengers visitors fans tourists gmt utc hours hrs "
    "local est edt pst bst cet".split()
)  # "2000 people", "at 1900 GMT": a count or a clock, not a year
NUMBER_NAMES = frozenset(
    "no number route flight room page article resolution highway interstate model version "
    "nearly almost than fewer least estimated additional another extra total some".split()
)  # "Route 2010", "more than 2000": the number of a thing, or a quantity
NAME_LINKS = re.compile(r"\s(?:for|of|against)\s[A-Z]")  # "March for Life", "March of Dimes"
ANCHORED_COUNTS = frozenset({"count from the anchor", "vague count from the anchor",
                             "count from a date", "vague count from a date"})
ABBREVIATIONS = sorted(
    (word for word in list(lexicon.MONTHS) + list(lexicon.WEEKDAYS) if word not in FULL_NAMES),
    key=len, reverse=True,
)
ABBREVIATED = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(ABBREVIATIONS)}|a\.m|p\.m)\.$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*\n")


class Prose(NamedTuple):
    """The text being searched and the date it is read against: what refiners look at."""

    text: str
    reference: date


def refine_span(prose: Prose, start: int, end: int, rule: Rule) -> tuple[int, int] | None:
    """The span to report, trimmed; None when the words are not used as a date here."""
    if prose.text.endswith(".", start, end) and not ABBREVIATED.search(prose.text, 0, end):
        end -= 1  # the sentence's full stop, not an abbreviation's
    if not isinstance(read(prose.text[start:end]), Reading):
        return None
    if not used_as_date(prose.text, start, end, rule):
        return None
    return trimmed(prose, start, end)


def used_as_date(text: str, start: int, end: int, rule: Rule) -> bool:
    phrase = text[start:end]
    words = re.findall(r"[A-Za-z]+", phrase)
    if not phrase.isupper() and any(
        word.lower() in NAME_WORDS and not word[0].isupper() for word in words
    ):
        return False  # "may", "march", "sun": verbs and nouns, not names of days
    if _title_cased(text, start, phrase, words):
        return False  # "ABC's This Week": the title of a show, not this week
    after = text[end:end + 40]
    if re.match(r"-\w", after):
        return False  # part of a compound: "the 24-year-old"
    next_word = _first_word(after)
    before_words = re.findall(r"[A-Za-z0-9]+", text[max(0, start - 40):start].lower())
    previous_word = before_words[-1] if before_words else ""
    bare = _bare_name(phrase)
    if bare is not None:
        if re.match(r"\s[A-Z]", after):
            return False  # "Sunday Times", "April Dunmore", "Fall Out Boy"
        if NAME_LINKS.match(after) and previous_word not in TIME_PREPOSITIONS:
            return False  # "the March for Life", "the March of Dimes"
        if bare not in FULL_NAMES and bare in NAME_WORDS and not re.search(r"\d", phrase):
            if bare in lexicon.MONTHS or bare in lexicon.WEEKDAYS:
                return False  # "Sun", "Sat", "Mar" standing alone
        if bare == "may" and _sentence_start(text, start) and next_word in VERB_FOLLOWERS:
            return False  # "May the best team win"
        if bare in lexicon.SEASONS:
            return False  # "summer camp", "the driest spring", "prices fall"
    return _rule_allows(rule.name, text, start, phrase, previous_word, next_word, after)


def _rule_allows(name: str, text: str, start: int, phrase: str, previous_word: str,
                 next_word: str, after: str) -> bool:
    lower = phrase.lower()
    if name == "day of the month":
        ordinal = re.search(r"the (\S+)", lower)
        if ordinal is None or not ordinal.group(1)[0].isdigit():
            return "month" in lower  # "the second" is a rank unless "of the month" follows
        if NUMBER_AFTER.match(after):
            return False
        return not next_word or next_word in DAY_FOLLOWERS  # not "the 14th Amendment"
    if name == "year":
        leading = lower.split()[0]
        return not leading.isdigit() or previous_word in TIME_PREPOSITIONS or _bare_year(
            text, start, previous_word, next_word, after)
    if name == "year in words":
        if next_word in COUNT_NOUNS or previous_word in NUMBER_NAMES:
            return False  # "some eighteen hundred soldiers"
        bare_thousand = re.fullmatch(r"(?:\w+ )?two thousand", lower)
        return not bare_thousand or previous_word in TIME_PREPOSITIONS or "year" in lower
    if name == "holiday":
        return next_word not in ATTRIBUTIVE_NOUNS  # "Christmas tree" is a thing
    if name == "in a count":
        sentence = text[_sentence_start_index(text, start):start].lower()
        return not re.search(r"\bhours?\b", lower) and not RANKING.search(sentence)
    if name in ANCHORED_COUNTS:
        counted = name.startswith("vague") and (
            previous_word in lexicon.NUMBER_WORDS or re.search(r"\d\s*$", text[:start])
        )  # "days before" left over from "for seven days before"
        return next_word != "than" and previous_word not in DURATION_BEFORE and not counted
    if name == "season" and re.fullmatch(r"the \S+", lower):
        return not next_word or next_word in DAY_FOLLOWERS  # not "the autumn booster campaign"
    if name == "soon after":
        return False  # "shortly after take-off": the same day as an unnamed moment
    if name == "hedged length":
        return False  # "roughly 10 days" alone is a length of time in prose
    if name == "half year":
        return " of " in lower  # "the first half" alone is as often a match's as a year's
    if name == "turn of the year":
        return not after.startswith("'")  # "the turn of the year's biggest act"
    if name == "deictic day":
        return lower.strip() != "now" or next_word != "that"  # "now that" is a conjunction
    if name == "range":
        sentence = text[_sentence_start_index(text, start):start].lower()
        return not MOVE_VERBS.search(sentence)  # "moved the race from October to April"
    return True


def _bare_year(text: str, start: int, previous_word: str, next_word: str, after: str) -> bool:
    """A year standing alone ("the 1996 bombing", "a 2009 analysis") rather than a number: not
    a count of something, a clock time, a sum, a decimal or the number of a route or flight."""
    if next_word in COUNT_NOUNS or previous_word in NUMBER_NAMES:
        return False
    if re.match(r"(?:[.,:]\d|\s*%)", after):
        return False
    return not re.search(r"(?:[$£€#]|\d[\s,.]?)$", text[max(0, start - 3):start])


def _title_cased(text: str, start: int, phrase: str, words: list[str]) -> bool:
    """Two or more words, each capitalised, none a name of a month, day or holiday, and not at
    the start of a sentence: a title ("This Week", "Next Year") rather than a date."""
    return (len(words) >= 2 and all(word[0].isupper() for word in words)
            and not phrase.isupper() and not re.search(r"\d", phrase)
            and not any(word.lower() in NAME_WORDS for word in words)
            and not _sentence_start(text, start))


def trimmed(prose: Prose, start: int, end: int) -> tuple[int, int]:
    """Drop a leading clock time or preposition while the rest reads to the same dates."""
    meaning = _meaning(prose.text[start:end], prose.reference)
    while True:
        normal, positions = normalise(prose.text[start:end])
        cut = LEADING_TIME.match(normal) or TRIMMABLE.match(normal)
        if cut is None or cut.end() >= len(normal) or KEEP_PREPOSITION.match(normal, cut.end()):
            return start, end
        new_start = start + positions[cut.end()]
        if _meaning(prose.text[new_start:end], prose.reference) != meaning:
            return start, end
        start = new_start


def _meaning(phrase: str, reference: date) -> tuple[date, date] | str:
    """The span a phrase stands for (against a stand-in anchor when it needs one)."""
    reading = read(phrase)
    if not isinstance(reading, Reading):
        return "unreadable"
    anchor = Span(reference, reference) if reading.rule.anchored else None
    try:
        resolved = resolve(phrase, reference, anchor=anchor)
    except DateError as problem:
        return problem.message
    return resolved.start, resolved.end


def _bare_name(phrase: str) -> str | None:
    """The one word of a phrase that is only a name ("Sunday", "in May"), lower case."""
    words: list[str] = re.findall(r"[A-Za-z]+", phrase.lower())
    while len(words) > 1 and words[0] in TIME_PREPOSITIONS:
        words = words[1:]
    if len(words) == 1 and (words[0] in NAME_WORDS or words[0] in lexicon.SEASONS):
        return words[0]
    return None


def _first_word(after: str) -> str:
    match = re.match(r"\s+([A-Za-z]+)", after)
    return match.group(1).lower() if match else ""


def _sentence_start_index(text: str, position: int) -> int:
    start = 0
    for match in SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    return start


def _sentence_start(text: str, position: int) -> bool:
    return not text[_sentence_start_index(text, position):position].strip(" \"'“‘(*_")
