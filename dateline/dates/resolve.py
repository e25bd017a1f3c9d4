"""The public entry point: text + reference (+ anchor) → ResolvedDate, or a DateError."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from dateline.dates import lexicon
from dateline.dates.matching.dispatch import candidate_rows
from dateline.dates.matching.rows import FIRST_WORD_INDEX, FREE_ROWS, ROWS
from dateline.dates.readings import Context, Found, outside_calendar
from dateline.dates.rules import RULES, Rule
from dateline.errors import DateError
from dateline.model import Direction, ResolvedDate, Span

MAX_LENGTH = 200


@lru_cache(maxsize=1)
def prefix_patterns() -> tuple[re.Pattern[str], ...]:
    """The non-greedy rows without LEAD, to explain a failure; built on the first failure only
    (one memoised entry) so start-up does not compile them."""
    return tuple(re.compile(rule.pattern) for rule in RULES if not rule.greedy)


TRANSLATION = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ",
    "\t": " ", "\n": " ", "\r": " ", "\u2010": "-", "\u2011": "-", "\u2012": "-",
    "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
EDGE_PUNCTUATION = " .,;:!?\"'-"
# Printable ASCII text with none of these at its edges, no double space, no space before a comma
# and a space after each comma needs no cleanup beyond lower case (`normalise`'s fast path checks
# with string methods: a regex call costs more than the whole check); a comma followed by one
# space, as in "May 11, 2018", is already in its normal form.
NO_CLEANUP_EDGES = frozenset(EDGE_PUNCTUATION + "(")
WORD = re.compile(r"(?<!\w)[a-z]+(?:'[a-z]+)?(?!\w)")


def _pattern_words() -> frozenset[str]:
    """Literal words of the rule patterns: known words, so they never get a did-you-mean."""
    words: set[str] = set()
    for rule in RULES:
        source = re.sub(r"\?P<\w+>|\\[a-zA-Z]", " ", rule.pattern)
        words.update(re.findall(r"[a-z]{2,}", source))
    return frozenset(words)


SINGLE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")  # "p.m.", "c." and the like
KNOWN_WORDS = frozenset(lexicon.VOCABULARY) | _pattern_words() | SINGLE_LETTERS
LUNAR_FEASTS = tuple(re.compile(rf"\b{feast}\b") for feast in lexicon.LUNAR_FEASTS)
ANY_LUNAR_FEAST = re.compile("|".join(rf"\b{feast}\b" for feast in lexicon.LUNAR_FEASTS))
HINT_WORDS = tuple(sorted(word for word in KNOWN_WORDS if len(word) > 3))


class Reading(NamedTuple):
    """A parse: which rule matched, and its groups. Pure in the text, so it can be cached."""

    rule: Rule
    groups: dict[str, str | None]
    shown: str  # the text as written, spaces collapsed: the explanation starts with it


class Failure(NamedTuple):
    message: str
    offset: int


def normalise(text: str) -> tuple[str, Sequence[int]]:
    """Lower case, straight quotes, one kind of dash and space; with each char's source index."""
    if (text.isascii() and text.isprintable() and text and text[0] not in NO_CLEANUP_EDGES
            and text[-1] not in EDGE_PUNCTUATION and "  " not in text
            and ("," not in text or (" ," not in text
                                     and text.count(",") == text.count(", ")))):
        # the common case: nothing to map, collapse, re-space or strip; only lower case
        return text.lower(), range(len(text))
    mapped = text.translate(TRANSLATION)
    lowered = mapped.lower()
    if len(lowered) != len(mapped):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in mapped)
    chars: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(lowered):
        if char == " " and (not chars or chars[-1] == " "):
            continue
        if char == "," and chars and chars[-1] == " ":
            chars.pop()
            positions.pop()
        group = lowered[index:index + 4]  # "1,000": three digits after a digit's comma
        thousands = (len(chars) > 1 and chars[-2].isdigit() and group[:3].isdigit()
                     and not group[3:].isdigit())
        if chars and chars[-1] == "," and char != " " and not thousands:
            chars.append(" ")
            positions.append(index)
        chars.append(char)
        positions.append(index)
    start, end = 0, len(chars)
    while True:
        while start < end and chars[start] in EDGE_PUNCTUATION:
            start += 1
        while end > start and chars[end - 1] in EDGE_PUNCTUATION:
            end -= 1
        inner = chars[start + 1:end - 1]
        if end - start < 2 or chars[start] != "(" or chars[end - 1] != ")" or "(" in inner:
            break
        start, end = start + 1, end - 1
    return "".join(chars[start:end]), tuple(positions[start:end])



@lru_cache(maxsize=16384)
def read(text: str) -> Reading | Failure:
    """Parse once per distinct text. Bounded and keyed on the text alone: the parse does not
    depend on the reference, so news copy's endlessly repeated wordings cost one parse each."""
    if len(text) > MAX_LENGTH:
        return Failure(f"date expression longer than {MAX_LENGTH} characters", 0)
    normal, positions = normalise(text)
    if not normal:
        return Failure("empty date expression", 0)
    signed = signed_number(text, normal, positions)
    if signed:
        return signed
    found = first_match(normal)
    if found is None:
        return explain_failure(text, normal, positions)
    rule, groups = found[0], found[1].groupdict()
    # a greedy row re-reads its parts; name a bad word here, where its offset is known
    problem = rule.greedy and unreadable_word(text, normal, positions, 0)
    return problem or Reading(rule, groups, " ".join(text.split()))


def first_match(normal: str) -> tuple[Rule, re.Match[str]] | None:
    """The first row, in table order, that matches the whole (normalised) text, with or
    without its lead word ('on Monday'): with it first, as LEAD's greedy `?` would."""
    rows, lead_end = candidate_rows(normal, FIRST_WORD_INDEX, FREE_ROWS)
    rest = normal[lead_end:]
    for row in rows:
        pattern = ROWS[row].pattern
        match = pattern.fullmatch(rest) if lead_end else None
        if match is None:
            match = pattern.fullmatch(normal)
        if match is not None:
            return RULES[row], match
    return None


def explain_failure(text: str, normal: str, positions: Sequence[int]) -> Failure:
    """Words left over after a reading ('Tuesday, or perhaps Wednesday'), else the first
    unknown word with a did-you-mean from the lexicon, else a plain refusal."""
    used = 0
    for pattern in prefix_patterns():
        match = pattern.match(normal)
        if match and match.end() > used and (match.end() == len(normal)
                                             or normal[match.end()] in " ,;(-"):
            used = match.end()
    unknown = unreadable_word(text, normal, positions, used)
    if unknown and (unknown.message.endswith("?") or not used):
        return unknown
    if used:
        rest = normal[used:].lstrip(" ,;-")
        where = positions[len(normal) - len(rest)]
        return Failure(f'cannot read "{text.strip()}": "{text[where:].strip()}" is left over '
                       f'after "{text[positions[0]:positions[used - 1] + 1]}"; write one date '
                       f"per expression", where)
    return Failure(f'cannot read "{text.strip()}" as a date: no rule matches these words',
                   positions[0])


def signed_number(text: str, normal: str, positions: Sequence[int]) -> Failure | None:
    """A number written with a sign ('-5 days ago', '+2 weeks'): a leading dash would be dropped
    with the other punctuation at the edges and the number read unsigned, so it is refused."""
    lead = text[:positions[0]].translate(TRANSLATION)
    if not ((normal[0].isdigit() and "-" in lead)
            or (normal[0] == "+" and normal[1:].lstrip()[:1].isdigit())):
        return None
    sign = lead.rfind("-") if normal[0] != "+" else positions[0]
    return Failure(f'cannot read "{text.strip()}": a count takes no sign; write the number '
                   'alone, with "ago", "later", "in" or "from now" for the direction', sign)


def unreadable_word(text: str, normal: str, positions: Sequence[int],
                    start: int) -> Failure | None:
    """A lunar feast (refused with its reason), or the first word no rule or lexicon knows (up
    to a possessive: in "Friday's vote" the words after it name the event)."""
    for feast in LUNAR_FEASTS if ANY_LUNAR_FEAST.search(normal) else ():
        found = feast.search(normal)
        if found:
            return Failure(f'"{found.group().title()}" follows a lunar calendar and moves each '
                           "year: write its date", positions[found.start()])
    for match in WORD.finditer(normal, start):
        word = match.group()
        if (word.endswith("'s") and word[:-2] in KNOWN_WORDS) or \
                normal[match.start() - 1:match.end()] == "'s":
            return None  # after a known word's possessive ("Friday's", "3's")
        if word in KNOWN_WORDS or word.rstrip("s") in KNOWN_WORDS:
            continue
        source = text[positions[match.start()]:positions[match.end() - 1] + 1]
        hint = difflib.get_close_matches(word, HINT_WORDS, n=1, cutoff=0.75)
        if hint:
            shown = lexicon.VOCABULARY.get(hint[0], hint[0])
            return Failure(f'cannot read "{source}": did you mean "{shown}"?',
                           positions[match.start()])
        return Failure(f'cannot read "{source}": not a word of a date expression',
                       positions[match.start()])
    return None


def parse(text: str) -> Reading:
    reading = read(text)
    if isinstance(reading, Failure):
        raise DateError(reading.message, reading.offset)
    return reading


def uses_anchor(text: str) -> bool:
    """True when the expression counts from an `anchor:` event ('two days later')."""
    return parse(text).rule.anchored


def resolve_inner(text: str, ctx: Context) -> Found:
    """Resolve part of an expression ('October 17' in 'since October 17') with the same context."""
    reading = parse(text)
    if reading.rule.anchored:
        raise DateError(f'"{text}" counts from another event; write the date itself here')
    if ctx.in_range and reading.rule.is_range:
        raise DateError(f'"{text}" is itself a range; a range runs between two dates')
    inner = Context(ctx.reference, ctx.anchor, ctx.direction, ctx.reference_label,
                    ctx.anchor_label, text, ctx.resolve_inner, ctx.in_range)
    return reading.rule.build(reading.groups, inner)


def resolve(text: str, reference: date, *, anchor: Span | None = None,
            direction: Direction = "past", reference_label: str = "the reference",
            anchor_label: str = "the anchor") -> ResolvedDate:
    """What the expression means on `reference` (and from `anchor`, for anchored wordings)."""
    reading = read(text)
    if isinstance(reading, Failure):
        raise DateError(reading.message, reading.offset)
    rule, groups, shown = reading
    if rule.anchored is (anchor is None):
        if anchor is None:
            raise DateError(f'"{shown}" counts from another event: add `anchor:`')
        raise DateError(f'"{shown}" does not count from an anchor; remove `anchor:`')
    # until/till/by + a date look ahead ("until Christmas"), unless the words say "last"
    if not rule.anchored and shown[:6].lower().startswith(("until ", "till ", "til ", "by ")):
        direction = "future"
    # tuple.__new__ skips NamedTuple's Python __new__: with one_day's, 11% of warm expressions/s
    ctx = tuple.__new__(Context, (reference, anchor, direction, reference_label, anchor_label,
                                  shown, resolve_inner, False))
    try:
        start, end, granularity, approximate, timex, reason = rule.build(groups, ctx)
    except DateError:
        raise
    except (OverflowError, ValueError):  # `date` refusing a year outside 1..9999
        raise outside_calendar(ctx) from None
    return tuple.__new__(ResolvedDate, (start, end, granularity, approximate, timex,
                                        f"{shown}: {reason}",
                                        rule.name in {"since", "since then"},  # end still open
                                        None))  # the time of day: read after, by dates.timing
