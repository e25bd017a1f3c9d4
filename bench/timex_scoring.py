"""Scoring found date expressions against annotated ones, as TempEval-3 does for timexes.

An annotated expression and a found one match strictly when their character spans are equal and
relaxed when they overlap (one to one, first come first served). A found expression that matches
no annotated DATE but overlaps an annotated expression of another type (a TIME, DURATION or SET)
is left out of the count: the corpus calls it something else, and this bench scores dates only.

A match is right end to end when the found value agrees with the annotated one. Values are
TimeML strings ("2013-03", "2013-W11", "PRESENT_REF"); dateline's spans are turned into that form
(`timeml_value`), and a span inside the annotated one counts when the annotation marks the
expression as part of its period or approximate ("early December": mod START).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

PART_MODS = frozenset({"START", "MID", "END", "APPROX"})
SEASONS = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA",
           12: "WI", 1: "WI", 2: "WI"}


@dataclass(frozen=True)
class Annotated:
    start: int
    end: int
    text: str
    value: str | None  # None where the corpus gives spans only
    mod: str = ""


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    value: str | None  # the TimeML value, when the tool gave one
    span: tuple[date, date] | None = None  # the days it stands for, when the tool gave them


@dataclass
class Tally:
    """Counts for one tool on one set of documents, and the examples behind them."""

    annotated: int = 0
    found: int = 0
    strict: int = 0
    relaxed: int = 0
    right: int = 0  # relaxed matches whose value agrees
    seconds: float = 0.0
    documents: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("annotated", "found", "strict", "relaxed", "right", "seconds", "documents"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.false_alarms += other.false_alarms
        self.wrong_values += other.wrong_values


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def precision_recall_f1(hits: int, tally: Tally) -> tuple[float, float, float]:
    precision, recall = ratio(hits, tally.found), ratio(hits, tally.annotated)
    return precision, recall, f1(precision, recall)


def overlaps(a: Annotated | Found, b: Annotated | Found) -> bool:
    return a.start < b.end and b.start < a.end


def score_document(
    label: str, annotated: Sequence[Annotated], other_types: Sequence[Annotated],
    found: Iterable[Found], reference: date,
) -> Tally:
    """Match one document's finds with its annotations."""
    tally = Tally(annotated=len(annotated), documents=1)
    unmatched = sorted(found, key=lambda item: (item.start, item.end))
    pairs: list[tuple[Annotated, Found]] = []
    for gold in annotated:
        partner = next((item for item in unmatched if (item.start, item.end) ==
                        (gold.start, gold.end)), None)
        if partner is None:
            partner = next((item for item in unmatched if overlaps(gold, item)), None)
        if partner is None:
            tally.misses.append(f"{label}: {gold.text!r} ({gold.value})")
            continue
        unmatched.remove(partner)
        pairs.append((gold, partner))
    leftovers = [item for item in unmatched
                 if not any(overlaps(item, other) for other in other_types)]
    tally.found = len(pairs) + len(leftovers)
    tally.false_alarms += [f"{label}: {item.text!r}" for item in leftovers]
    for gold, item in pairs:
        tally.relaxed += 1
        tally.strict += (gold.start, gold.end) == (item.start, item.end)
        if gold.value is None:
            continue
        if value_agrees(gold, item, reference):
            tally.right += 1
        else:
            tally.wrong_values.append(f"{label}: {gold.text!r} is {gold.value}, "
                                      f"found {item.text!r} as {item.value}")
    return tally


def value_agrees(gold: Annotated, item: Found, reference: date) -> bool:
    assert gold.value is not None
    if item.value is not None and item.value == gold.value:
        return True
    if item.span is None:
        return False
    if gold.value == "PRESENT_REF":
        return item.span == (reference, reference)
    gold_span = timeml_span(gold.value)
    if gold_span is None:
        return False
    if gold.mod in PART_MODS:
        return gold_span[0] <= item.span[0] and item.span[1] <= gold_span[1]
    return item.span == gold_span


def timeml_span(value: str) -> tuple[date, date] | None:
    """The days a TimeML DATE value names, where it names definite ones."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return day, day
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            year, month = int(value[:4]), int(value[5:])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if len(value) == 8 and value[5] == "W":
            monday = date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
            return monday, monday + timedelta(days=6)
        if len(value) == 7 and value[5] == "Q":
            year, quarter = int(value[:4]), int(value[6])
            last = 3 * quarter
            return (date(year, last - 2, 1),
                    date(year, last, calendar.monthrange(year, last)[1]))
        if len(value) == 7 and value[5] == "H":
            year, half = int(value[:4]), int(value[6])
            return (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (
                date(year, 7, 1), date(year, 12, 31))
        if len(value) == 3 and value.isdigit():
            return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
        if len(value) == 2 and value.isdigit():
            return date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def timeml_value(start: date, end: date) -> str:
    """A TimeML DATE value for a span of days: the form a TIMEX3 would give it."""
    if start == end:
        return start.isoformat()
    last_of_month = calendar.monthrange(end.year, end.month)[1]
    if (start.year, start.month) == (end.year, end.month) and start.day == 1 and \
            end.day == last_of_month:
        return f"{start.year:04d}-{start.month:02d}"
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return f"{start.year:04d}"
    if start.weekday() == 0 and end - start == timedelta(days=6):
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    for candidate in (f"{start.year:04d}-Q{(start.month + 2) // 3}",
                      f"{start.year:04d}-H{1 if start.month < 7 else 2}",
                      f"{start.year // 10:03d}", f"{start.year // 100:02d}"):
        if timeml_span(candidate) == (start, end):
            return candidate
    if 80 <= (end - start).days <= 100:
        middle = start + (end - start) / 2
        return f"{start.year:04d}-{SEASONS[middle.month]}"
    return f"{start.isoformat()}/{end.isoformat()}"
