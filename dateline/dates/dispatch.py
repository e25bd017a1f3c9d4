"""Which rows of the rule table can read a text, told by its first word.

A first parse used to try one alternation of every row in table order; rows late in the table
paid for every row before them. Here each row's pattern is read once (with the `re` module's
own parser) for the first words it can start with, and a text tries, in table order, only the
rows that can start with its first word, plus the few whose first word is free (`.+`). The
first row that matches is the same one as before: a row is skipped only when it cannot match.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from types import MappingProxyType
from typing import Any

# The `re` module's own parser and code generator: private, but stable since Python 3.11 (they
# were `sre_parse` and `sre_compile`). This module is the only place that uses them; the tests
# compare what it compiles with `re.compile` (tests/resolver/test_rules.py).
_PARSER: Any = importlib.import_module("re._parser")
_COMPILER: Any = importlib.import_module("re._compiler")
_CONSTANTS: Any = importlib.import_module("re._constants")
_SRE: Any = importlib.import_module("_sre")

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


class ParsedPattern:
    """A pattern read once by the `re` parser: walked for its first words at start-up, turned
    into a compiled pattern only when a text first tries it (reading is most of `re.compile`'s
    cost, and a single resolve tries a handful of the rows)."""

    __slots__ = ("source", "tree")

    def __init__(self, source: str) -> None:
        self.source = source
        self.tree: Any = _PARSER.parse(source)

    def compile(self) -> re.Pattern[str]:
        """What `re.compile(self.source)` gives (the same texts, matches and groups; tests
        compare the two), from the tree already read, with each optional group written as a
        choice (see `optional_as_choice`). These lines follow `re._compiler.compile`."""
        tree = optional_as_choice(self.tree)
        state = tree.state
        index_group: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            index_group[index] = name
        compiled: re.Pattern[str] = _SRE.compile(
            self.source, state.flags, _COMPILER._code(tree, 0), state.groups - 1,
            state.groupdict, tuple(index_group))
        return compiled


def optional_as_choice(tree: Any) -> Any:
    """The parsed pattern with each greedy optional group `(?:X)?` read as the choice `(?:X|)`.

    Both try X first, then nothing, so they match the same texts the same way; but `re` runs a
    `?` over more than one character as a counted repeat (a memory allocation and saved state
    on every try) and a choice as a plain branch that skips an alternative at its first
    character. Most rows are such groups in a row, so a first parse runs about a fifth faster.
    A new tree is returned; the parsed one is left as it was."""
    items = []
    for op, value in tree.data:
        if op is _CONSTANTS.SUBPATTERN:
            value = (*value[:-1], optional_as_choice(value[-1]))
        elif op is _CONSTANTS.BRANCH:
            value = (value[0], [optional_as_choice(branch) for branch in value[1]])
        elif op is _CONSTANTS.ATOMIC_GROUP:
            value = optional_as_choice(value)
        elif op in (_CONSTANTS.MAX_REPEAT, _CONSTANTS.MIN_REPEAT,
                    _CONSTANTS.POSSESSIVE_REPEAT):
            low, high, body = value
            body = optional_as_choice(body)
            if (op is _CONSTANTS.MAX_REPEAT and (low, high) == (0, 1)
                    and not _COMPILER._simple(body)):
                op, value = _CONSTANTS.BRANCH, (None, [body, _PARSER.SubPattern(tree.state, [])])
            else:
                value = (low, high, body)
        items.append((op, value))
    return _PARSER.SubPattern(tree.state, items)


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


MAX_SPELLINGS = 64  # more texts than this for a group: not worth listing


def _spellings(items: Any) -> frozenset[str] | None:
    """Every text `items` can match, when that is a short list of words (zero-width checks
    such as \\b are passed over: a superset is fine); None otherwise."""
    texts = [""]
    for op, value in items.data if isinstance(items, _PARSER.SubPattern) else items:
        if op is _CONSTANTS.LITERAL:
            char = chr(value)
            texts = [text + char for text in texts]
            continue
        if op is _CONSTANTS.SUBPATTERN:
            options = _spellings(value[-1])
        elif op is _CONSTANTS.BRANCH and len(value[1]) <= MAX_SPELLINGS:
            options = frozenset()
            for branch in value[1]:
                found = _spellings(branch)
                if found is None:
                    return None
                options |= found
        elif op is _CONSTANTS.MAX_REPEAT and (value[0], value[1]) == (0, 1):
            inner = _spellings(value[2])
            options = None if inner is None else inner | {""}
        elif op in (_CONSTANTS.AT, _CONSTANTS.ASSERT, _CONSTANTS.ASSERT_NOT):
            continue
        else:
            return None
        if options is None or len(texts) * len(options) > MAX_SPELLINGS:
            return None
        texts = [text + option for text in texts for option in options]
    return frozenset(texts)


def needed_words(pattern: ParsedPattern) -> tuple[str, ...] | None:
    """A few strings one of which every text the pattern matches contains (from a choice of
    words it cannot skip, such as a range's ' to ' or '-'); None when there is no short list.
    A text holding none of them cannot match, so the row need not be tried."""
    best: tuple[str, ...] | None = None
    for op, value in pattern.tree.data:  # (the parser writes a (?:...) group's items in line)
        if op in (_CONSTANTS.SUBPATTERN, _CONSTANTS.BRANCH):
            found = _spellings([(op, value)])
            if found and "" not in found:
                short: list[str] = []  # a string holding a shorter one is implied by it
                for word in sorted(found, key=len):
                    if not any(kept in word for kept in short):
                        short.append(word)
                if best is None or len(short) < len(best):
                    best = tuple(sorted(short))
    return best if best is not None and len(best) <= MAX_NEEDED else None


MAX_NEEDED = 8  # more strings than this: checking them costs about what trying the row does


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
