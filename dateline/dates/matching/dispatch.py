"""Which rows of the rule table can read a text, told by its first word.

A first parse used to try one alternation of every row in table order; rows late in the table
paid for every row before them. Here each row's pattern is read once (with the `re` module's
own parser) for the first words it can start with, and a text tries, in table order, only the
rows that can start with its first word, plus the few whose first word is free (`.+`). The
first row that matches is the same one as before: a row is skipped only when it cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from types import MappingProxyType
from typing import Any

from dateline.dates.matching.regex_tree import CONSTANTS as _CONSTANTS
from dateline.dates.matching.regex_tree import ParsedPattern

LEAD_WORDS = ("on", "by", "as of", "until", "till", "at", "during", "starting", "effective",
              "from", "dated")
LEAD = rf"(?:(?:{'|'.join(LEAD_WORDS)}) )?"  # any row may follow one of these words
FIRST_WORD = re.compile(r"[a-z]+")
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
MAX_WORD = 40  # a first word longer than this means the row's first word is free
MAX_WORDS = 20_000  # more spellings of a first word than this: free too


class FreeStart(Exception):
    """The row's first word cannot be listed (a `.+`, a letter class repeated)."""


def key_of(text: str, start: int = 0) -> str:
    """The first word (its letters), '0' for a digit, else the first character itself."""
    word = FIRST_WORD.match(text, start)
    if word:
        return word.group()
    if start >= len(text):
        return ""
    return "0" if text[start].isdigit() else text[start]


def _char_key(char: str) -> str:
    return "0" if char.isdigit() else char


def _chars(op: Any, value: Any) -> frozenset[str]:
    """The characters one LITERAL or IN item can match (a superset is fine)."""
    if op is _CONSTANTS.LITERAL:
        return frozenset(chr(value))
    if op is not _CONSTANTS.IN:
        raise FreeStart
    chars: set[str] = set()
    for item_op, item_value in value:
        if item_op is _CONSTANTS.LITERAL:
            chars.add(chr(item_value))
        elif item_op is _CONSTANTS.RANGE:
            chars.update(chr(code) for code in range(item_value[0], item_value[1] + 1))
        elif item_op is _CONSTANTS.CATEGORY and item_value is _CONSTANTS.CATEGORY_DIGIT:
            chars.update("0123456789")
        elif item_op is _CONSTANTS.CATEGORY and item_value is _CONSTANTS.CATEGORY_SPACE:
            chars.update(" \t\n\r\f\v")
        else:
            raise FreeStart  # a negated class, \w, ...: letters unlisted
    return frozenset(chars)


def _walk(items: Iterable[Any], opens: frozenset[str], keys: set[str]) -> frozenset[str]:
    """Follow a sequence of parsed items from the open first words `opens` (letters read so
    far, the word not yet ended); add each first word that ends to `keys`; return the words
    still open after the sequence."""
    for op, value in items:
        if not opens:
            break
        if op in (_CONSTANTS.AT, _CONSTANTS.ASSERT, _CONSTANTS.ASSERT_NOT):
            continue  # zero width: lets through at most what it is given
        if op is _CONSTANTS.SUBPATTERN:
            opens = _walk(value[-1], opens, keys)
        elif op is _CONSTANTS.BRANCH:
            opens = frozenset().union(*(_walk(branch, opens, keys) for branch in value[1]))
        elif op in (_CONSTANTS.MAX_REPEAT, _CONSTANTS.MIN_REPEAT):
            opens = _repeat(value, opens, keys)
        else:
            opens = _step(_chars(op, value), opens, keys)
    return opens


def _step(chars: frozenset[str], opens: frozenset[str], keys: set[str]) -> frozenset[str]:
    """One character from `chars` after each open word: a letter extends it, anything else
    ends it (an empty word then takes the character's own key)."""
    extended = set()
    for word in opens:
        for char in chars:
            if char in LETTERS:
                if len(word) >= MAX_WORD:
                    raise FreeStart
                extended.add(word + char)
                if len(extended) > MAX_WORDS:
                    raise FreeStart
            else:
                keys.add(word or _char_key(char))
    return frozenset(extended)


def _repeat(value: Any, opens: frozenset[str], keys: set[str]) -> frozenset[str]:
    """Zero or more (up to the bound) passes through the repeated items. Passes below the
    minimum are kept too: a superset only costs a row tried for nothing."""
    low, high, items = value
    limit = MAX_WORD + 1 if high == _CONSTANTS.MAXREPEAT else high
    result = set(opens) if low == 0 else set()
    seen, current, count = set(opens), opens, 0
    while current and count < limit:
        current = _walk(items, current, keys)
        count += 1
        result |= current
        if current <= seen:  # nothing new: later passes give nothing new either
            break
        seen |= current
    return frozenset(result)


def first_keys(pattern: str | ParsedPattern) -> frozenset[str] | None:
    """Every first-word key a text matched by `pattern` can have; None when that is free."""
    parsed = pattern if isinstance(pattern, ParsedPattern) else ParsedPattern(pattern)
    keys: set[str] = set()
    try:
        left = _walk(parsed.tree, frozenset({""}), keys)
    except FreeStart:
        return None
    keys.update(left)  # the text may end inside its first word
    return frozenset(keys)


Index = MappingProxyType[str, tuple[int, ...]]


def build_index(patterns: Sequence[str | ParsedPattern]) -> tuple[Index, tuple[int, ...]]:
    """For each first-word key, the rows (in table order) that can start with it; and the rows
    any text must try (their first word is free)."""
    by_key: dict[str, list[int]] = {}
    free: list[int] = []
    for row, pattern in enumerate(patterns):
        keys = first_keys(pattern)
        if keys is None:
            free.append(row)
            continue
        for key in keys:
            by_key.setdefault(key, []).append(row)
    merged = {key: tuple(sorted(set(rows) | set(free))) for key, rows in by_key.items()}
    return MappingProxyType(merged), tuple(free)


LEAD_PHRASE = re.compile(rf"(?:{'|'.join(LEAD_WORDS)}) ")
LEAD_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in LEAD_WORDS)


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
