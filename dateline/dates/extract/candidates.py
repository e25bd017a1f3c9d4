"""Find the date expressions in running prose: the resolver's own rule table, searched.

One grammar, two entry points (as chrono's parsers and refiners, or Recognizers-Text's
extract/parse split): `resolve` reads a whole `when:` with `fullmatch`; `extract` runs the same
rows with a search to propose candidates, then refiners (in `extract_refine`) drop the
look-alikes ("may" the verb, "Sunday Times", "the 14th Amendment"), keep the longest of
overlapping candidates and trim words that do not change the meaning ("on Tuesday" → "Tuesday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
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


SINGLE_RULES = tuple((rule, _search(rule.pattern)) for rule in RULES if not rule.greedy)
PREFIX_RULES = tuple(
    (rule, _search(rule.pattern.removesuffix(INNER), whole_word=False))
    for rule in RULES
    if rule.greedy and rule.pattern.endswith(INNER)
)
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


class Candidate(NamedTuple):
    """A match in normalised text: [start, end) and the rule that found it."""

    start: int
    end: int
    rule: Rule


def extract(text: str, reference: date) -> list[Mention]:
    """Every date expression of `text`, in order, none overlapping."""
    normal, positions = normalise(text)
    if not normal:
        return []
    prose = Prose(text, reference)
    refined: list[tuple[int, int, int, int]] = []  # (span start, span end, match start, end)
    for candidate in candidates(normal):
        start = positions[candidate.start]
        end = positions[candidate.end - 1] + 1
        span = refine_span(prose, start, end, candidate.rule)
        if span is not None:
            refined.append((*span, start, end))
    kept: list[tuple[int, int]] = []
    for start, end, _, _ in sorted(refined, key=lambda r: (r[0] - r[1], r[2] - r[3], r[0])):
        if not any(start < kept_end and kept_start < end for kept_start, kept_end in kept):
            kept.append((start, end))
    return [mention_at(text, start, end, reference) for start, end in sorted(set(kept))]


def mention_at(text: str, start: int, end: int, reference: date) -> Mention:
    phrase = text[start:end]
    reading = read(phrase)
    needs_anchor = isinstance(reading, Reading) and reading.rule.anchored
    if needs_anchor:
        return Mention(start, end, phrase, None, None, True)
    try:
        return Mention(start, end, phrase, resolve(phrase, reference), None, False)
    except DateError as problem:
        return Mention(start, end, phrase, None, problem.message, False)


def candidates(normal: str) -> list[Candidate]:
    """Single rows where they match, then the rows that wrap another date, built from those."""
    singles = [
        Candidate(match.start(1), match.end(1), rule)
        for rule, pattern in SINGLE_RULES
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
    for rule, prefix in PREFIX_RULES:
        for match in prefix.finditer(normal):
            inner = longest_at.get(match.end(1))
            if inner is not None:
                found.append(Candidate(match.start(1), inner.end, rule))
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
            found.append(Candidate(match.start(), second.end, RANGE_RULE))
    for first in longest_at.values():
        second = _after_link(normal, first.end, RANGE_LINKS, longest_at)
        if second is not None:
            found.append(Candidate(first.start, second.end, RANGE_RULE))
    return found


def _after_link(
    normal: str, position: int, links: tuple[str, ...], longest_at: dict[int, Candidate]
) -> Candidate | None:
    for link in links:
        if normal.startswith(link, position):
            second = longest_at.get(position + len(link))
            if second is not None:
                return second
    return None
