"""Which rows of the rule table can read a text, told by its first word.

Each rule states what a text it reads can begin with (`Rule.starts`). A text tries, in table
order, only the rows that can start with its first word, plus the rows that state no start (any
first word may do). The first row that matches is the one a scan of the whole table finds: a
row is skipped only when it cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import MappingProxyType

LEAD_WORDS = ("on", "by", "as of", "until", "till", "at", "during", "starting", "effective",
              "from", "dated")
LEAD = rf"(?:(?:{'|'.join(LEAD_WORDS)}) )?"  # any row may follow one of these words
LEAD_PHRASE = re.compile(rf"(?:{'|'.join(LEAD_WORDS)}) ")
LEAD_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in LEAD_WORDS)
FIRST_WORD = re.compile(r"[a-z]+")

Index = MappingProxyType[str, tuple[int, ...]]


def key_of(text: str, start: int = 0) -> str:
    """The first word (its letters), '0' for a digit, else the first character itself."""
    word = FIRST_WORD.match(text, start)
    if word:
        return word.group()
    if start >= len(text):
        return ""
    return "0" if text[start].isdigit() else text[start]


def build_index(starts: Iterable[tuple[str, ...] | None]) -> tuple[Index, tuple[int, ...]]:
    """From each row's starts: for each first word, the rows (in table order) that can begin
    with it, free rows included; and the free rows, which any other word tries."""
    by_key: dict[str, set[int]] = {}
    free: list[int] = []
    for row, words in enumerate(starts):
        if words is None:
            free.append(row)
            continue
        for word in words:
            by_key.setdefault(key_of(word), set()).add(row)
    merged = {key: tuple(sorted(rows | set(free))) for key, rows in by_key.items()}
    return MappingProxyType(merged), tuple(free)


def candidate_rows(text: str, index: Index,
                   free: tuple[int, ...]) -> tuple[tuple[int, ...], int]:
    """The rows that may match `text` (normalised), in table order, and where the text goes
    on after a leading 'on', 'by', 'as of' ... (0 when it has none). That word may be the
    optional LEAD every row allows, so the rows that can start with the next word count too."""
    key = key_of(text)
    rows = index.get(key, free)
    if key not in LEAD_FIRST_WORDS:
        return rows, 0
    lead = LEAD_PHRASE.match(text)
    if lead is None:
        return rows, 0
    after = index.get(key_of(text, lead.end()), free)
    return tuple(sorted(set(rows) | set(after))), lead.end()
