"""Find the date expressions in running prose: the resolver's own rule table, searched.

One grammar, two entry points (as chrono's parsers and refiners, or Recognizers-Text's
extract/parse split): `resolve` reads a whole `when:` with `fullmatch`; `extract` runs the same
rows with a search to propose candidates, then refiners (in `extract_refine`) drop the
look-alikes ("may" the verb, "Sunday Times", "the 14th Amendment"), keep the longest of
overlapping candidates and trim words that do not change the meaning ("on Tuesday" → "Tuesday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import NamedTuple

from dateline.dates.extract.refine import Prose, refine_span
from dateline.dates.resolve import Reading, normalise, read, resolve
from dateline.dates.rules import RULES, Rule
from dateline.errors import DateError
from dateline.model import ResolvedDate

INNER = "(?P<inner>.+)"
RANGE_LINKS = (" to ", " until ", " till ", " through ", " thru ", " - ", "-")


def _search(pattern: str, whole_word: bool = True) -> re.Pattern[str]:
    """Every start position (a lookahead), whole words only, on normalised text."""
    end = r"(?!\w)" if whole_word else ""
    return re.compile(rf"(?<![\w'-])(?=((?:{pattern}){end}))")


Searches = tuple[tuple[Rule, re.Pattern[str]], ...]


@cache
def single_rules() -> Searches:
    """The rows searched for in prose, compiled on the first extraction: compiling them all
    takes a fifth of a second, which `import dateline` and the build need not pay."""
    return tuple((rule, _search(rule.pattern)) for rule in RULES if not rule.greedy)


@cache
def single_rules_at() -> Searches:
    """The same rows tried at one position, whatever precedes it: the second end of
    "2009-2010"."""
    return tuple(
        (rule, re.compile(rf"(?:{rule.pattern})(?!\w)")) for rule in RULES
        if not rule.greedy and not rule.anchored
    )


@cache
def prefix_rules() -> Searches:
    return tuple(
        (rule, _search(rule.pattern.removesuffix(INNER), whole_word=False))
        for rule in RULES
        if rule.greedy and rule.pattern.endswith(INNER)
    )


# Wrappers whose inner date is a date of the story in its own right: "since 1990" gives 1990,
# "10 days after October 7" gives October 7 (TimeML and editors mark those dates too).
WRAPPERS_WITH_PARTS = frozenset({
    "since", "count from a date", "vague count from a date", "weekday before or after a date",
    "the day before a date", "unit before a date", "soon after a date",
})
PRESENT_WORDS = frozenset({"now", "currently", "at present", "nowadays"})
BETWEEN = re.compile(r"(?<![\w'-])(between|from) ")


@dataclass(frozen=True, slots=True)
class Mention:
    """One date expression of a text: where it is, and what it means on the reference date."""

    start: int  # character offsets into the text given to `extract`
    end: int
    text: str
    resolved: ResolvedDate | None  # None when it needs an anchor, or could not be read
    error: str | None  # why it could not be read (an impossible date, a wrong weekday)
    needs_anchor: bool  # counts from another event: "two days later"
    parts: tuple[Mention, ...] = ()  # the dates it is built from: "1994" and "1997" of a range
    present: bool = False  # "now", "currently": the time of writing, not the date of an event


class Candidate(NamedTuple):
    """A match in normalised text: [start, end), the rule that found it, and the [start, end)
    of the dates it is built from (the ends of a range, the date after "since")."""

    start: int
    end: int
    rule: Rule
    parts: tuple[tuple[int, int], ...] = ()


def extract(text: str, reference: date) -> list[Mention]:
    """Every date expression of `text`, in order, none overlapping."""
    normal, positions = normalise(text)
    if not normal:
        return []
    prose = Prose(text, reference)
    refined: list[Refined] = []
    for candidate in candidates(normal):
        start = positions[candidate.start]
        end = positions[candidate.end - 1] + 1
        span = refine_span(prose, start, end, candidate.rule)
        if span is not None:
            parts = tuple((positions[a], positions[b - 1] + 1) for a, b in candidate.parts)
            refined.append(Refined(*span, start, end, parts))
    kept: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
    for found in sorted(refined, key=lambda r: (r.start - r.end, r.match_start - r.match_end,
                                                 r.start)):
        if not any(found.start < end and start < found.end for start, end in kept):
            kept[found.start, found.end] = found.parts
    return [mention_at(text, start, end, reference, kept[start, end]) for start, end in
            sorted(kept)]


def _short_year(part: Mention, whole: str, reference: date) -> Mention:
    """The "58" of "1957-58": the last year of the whole range, written in full."""
    try:
        last = resolve(whole, reference).end.year
        return replace(part, resolved=resolve(str(last), reference), error=None)
    except DateError:
        return part


class Refined(NamedTuple):
    """A candidate kept by the refiners: the span to report, the match it came from, and the
    text offsets of its parts."""

    start: int
    end: int
    match_start: int
    match_end: int
    parts: tuple[tuple[int, int], ...]


def mention_at(text: str, start: int, end: int, reference: date,
               parts: tuple[tuple[int, int], ...] = ()) -> Mention:
    phrase = text[start:end]
    pieces = tuple(mention_at(text, a, b, reference) for a, b in parts if start <= a < b <= end)
    if len(pieces) == 2 and pieces[1].resolved is None and re.fullmatch(r"\d\d", pieces[1].text):
        pieces = pieces[0], _short_year(pieces[1], phrase, reference)
    reading = read(phrase)
    needs_anchor = isinstance(reading, Reading) and reading.rule.anchored
    if needs_anchor:
        return Mention(start, end, phrase, None, None, True, pieces)
    present = isinstance(reading, Reading) and reading.groups.get("deictic") in PRESENT_WORDS
    try:
        return Mention(start, end, phrase, resolve(phrase, reference), None, False, pieces,
                       present)
    except DateError as problem:
        return Mention(start, end, phrase, None, problem.message, False, pieces, present)


def candidates(normal: str) -> list[Candidate]:
    """Single rows where they match, then the rows that wrap another date, built from those."""
    singles = [
        Candidate(match.start(1), match.end(1), rule, _own_parts(rule, match))
        for rule, pattern in single_rules()
        for match in pattern.finditer(normal)
    ]
    longest_at: dict[int, Candidate] = {}
    for single in singles:
        if single.rule.anchored:
            continue
        best = longest_at.get(single.start)
        if best is None or single.end > best.end:
            longest_at[single.start] = single
    found = list(singles)
    for rule, prefix in prefix_rules():
        for match in prefix.finditer(normal):
            inner = longest_at.get(match.end(1))
            if inner is not None:
                parts = ((inner.start, inner.end),) if rule.name in WRAPPERS_WITH_PARTS else ()
                found.append(Candidate(match.start(1), inner.end, rule, parts))
    found.extend(ranges(normal, longest_at))
    return found


RANGE_RULE = next(rule for rule in RULES if rule.name == "range")


def ranges(normal: str, longest_at: dict[int, Candidate]) -> list[Candidate]:
    """'between X and Y', 'from X to Y', 'X to Y' where X and Y are dates found on their own."""
    found: list[Candidate] = []
    for match in BETWEEN.finditer(normal):
        first = longest_at.get(match.end())
        if first is None:
            continue
        links = (" and ",) if match.group(1) == "between" else RANGE_LINKS
        second = _after_link(normal, first.end, links, longest_at)
        if second is not None:
            found.append(Candidate(match.start(), second.end, RANGE_RULE, _ends(first, second)))
    for first in longest_at.values():
        second = _after_link(normal, first.end, RANGE_LINKS, longest_at)
        if second is not None:
            found.append(Candidate(first.start, second.end, RANGE_RULE, _ends(first, second)))
    return found


def _own_parts(rule: Rule, match: re.Match[str]) -> tuple[tuple[int, int], ...]:
    """The dates a single row's match is built from: the two years of "1957-58", the "now" of
    "eight years from now"."""
    if rule.name == "short year range":
        return (match.start(1), match.start(1) + 4), (match.end(1) - 2, match.end(1))
    if rule.name == "count from now":
        tail = re.search(r"(?:now|today)$", match.group(1))
        if tail is not None:
            return ((match.start(1) + tail.start(), match.end(1)),)
    return ()


def _ends(first: Candidate, second: Candidate) -> tuple[tuple[int, int], ...]:
    return (first.start, first.end), (second.start, second.end)


def _after_link(
    normal: str, position: int, links: tuple[str, ...], longest_at: dict[int, Candidate]
) -> Candidate | None:
    for link in links:
        if normal.startswith(link, position):
            second = longest_at.get(position + len(link)) or _single_at(normal,
                                                                        position + len(link))
            if second is not None:
                return second
    return None


def _single_at(normal: str, position: int) -> Candidate | None:
    """The longest single date starting at `position`, even right after a dash ("2009-2010"),
    where the search for singles does not look."""
    best: Candidate | None = None
    for rule, pattern in single_rules_at():
        match = pattern.match(normal, position)
        if match and (best is None or match.end() > best.end):
            best = Candidate(position, match.end(), rule)
    return best
