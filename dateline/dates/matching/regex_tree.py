"""Resolver rows as the `re` module's own parse trees: read once, compiled on first use.

The `re` module's parser and code generator are private, but stable since Python 3.11 (they
were `sre_parse` and `sre_compile`); this module is the only place that imports them (dispatch
walks the trees it makes). The tests compare what it compiles with `re.compile`
(tests/resolver/test_rules.py).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

_PARSER: Any = importlib.import_module("re._parser")
_COMPILER: Any = importlib.import_module("re._compiler")
_SRE: Any = importlib.import_module("_sre")
CONSTANTS: Any = importlib.import_module("re._constants")


STAND_IN = 0xE000  # the first of Unicode's private-use characters: none is in a pattern


class SharedPiece(NamedTuple):
    """A piece many patterns hold (the time-of-day words around a day, 2 KB in 15 rows), read
    by the parser once: each pattern is read with the piece's items put in its place."""

    text: str
    items: tuple[Any, ...]
    choice_items: tuple[Any, ...]  # `optional_as_choice` of each item, worked out once too


def shared_piece(text: str) -> SharedPiece | None:
    """The piece read once; None if it holds groups (splicing it would renumber them)."""
    tree = _PARSER.parse(text)
    if tree.state.groups != 1:
        return None
    return SharedPiece(text, tuple(tree.data), tuple(optional_as_choice(tree).data))


def parse_with_shared(source: str,
                      shared: Sequence[SharedPiece | None]) -> tuple[Any, list[SharedPiece]]:
    """`re`'s parse of `source`, with each shared piece read once, not in every pattern: the
    source is read with one private-use character standing in for each piece, and each stand-in
    is then replaced by the piece's items (the tests check the result is the tree the parser
    gives for the whole source). Falls back to the plain parse if a stand-in did not stay a
    plain character of a sequence. With it, the pieces put in."""
    stand_ins: dict[int, SharedPiece] = {}
    short = source
    for number, piece in enumerate(shared, start=STAND_IN):
        mark = chr(number)
        if piece is not None and piece.text in short and mark not in source:
            stand_ins[number] = piece
            short = short.replace(piece.text, mark)
    if not stand_ins:
        return _PARSER.parse(source), []
    tree = _PARSER.parse(short)
    expected = sum(short.count(chr(number)) for number in stand_ins)
    if _splice(tree, stand_ins) != expected:
        return _PARSER.parse(source), []
    return tree, list(stand_ins.values())


def _splice(tree: Any, stand_ins: dict[int, SharedPiece]) -> int:
    """Replace, in place, each stand-in character of the freshly parsed `tree` with its piece's
    items; return how many were replaced."""
    replaced = 0
    items: list[Any] = []
    for op, value in tree.data:
        if op is CONSTANTS.LITERAL and value in stand_ins:
            items.extend(stand_ins[value].items)
            replaced += 1
            continue
        if op is CONSTANTS.SUBPATTERN:
            replaced += _splice(value[-1], stand_ins)
        elif op is CONSTANTS.BRANCH:
            replaced += sum(_splice(branch, stand_ins) for branch in value[1])
        elif op in (CONSTANTS.MAX_REPEAT, CONSTANTS.MIN_REPEAT, CONSTANTS.POSSESSIVE_REPEAT):
            replaced += _splice(value[2], stand_ins)
        elif op in (CONSTANTS.ASSERT, CONSTANTS.ASSERT_NOT):
            replaced += _splice(value[1], stand_ins)
        elif op is CONSTANTS.ATOMIC_GROUP:
            replaced += _splice(value, stand_ins)
        items.append((op, value))
    if replaced:
        tree.data = items
        tree.width = None  # widths are worked out from the items, on demand
    return replaced


class ParsedPattern:
    """A pattern read once by the `re` parser: walked for its first words at start-up, turned
    into a compiled pattern only when a text first tries it (reading is most of `re.compile`'s
    cost, and a single resolve tries a handful of the rows)."""

    __slots__ = ("source", "tree", "shared_choices")

    def __init__(self, source: str, shared: Sequence[SharedPiece | None] = ()) -> None:
        self.source = source
        self.tree, pieces = parse_with_shared(source, shared)
        # the items put in from shared pieces (the same objects in every row), rewritten once
        self.shared_choices = {
            id(item): choice for piece in pieces
            for item, choice in zip(piece.items, piece.choice_items, strict=True)}

    def compile(self) -> re.Pattern[str]:
        """What `re.compile(self.source)` gives (the same texts, matches and groups; tests
        compare the two), from the tree already read, with each optional group written as a
        choice (see `optional_as_choice`). These lines follow `re._compiler.compile`."""
        tree = optional_as_choice(self.tree, self.shared_choices)
        state = tree.state
        index_group: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            index_group[index] = name
        compiled: re.Pattern[str] = _SRE.compile(
            self.source, state.flags, _code(tree, self.shared_choices), state.groups - 1,
            state.groupdict, tuple(index_group))
        return compiled


# Write-once memo of `_code`: a shared piece's item (the same object in every row that holds it)
# and its code, by the item's id; holding the item keeps the id from going to another object.
_SHARED_CODE: dict[int, tuple[Any, list[int]]] = {}


def _code(tree: Any, shared_choices: dict[int, Any]) -> list[int]:
    """`re._compiler._code(tree, 0)`, with the code of each item put in from a shared piece
    generated once for every row that holds it (most of a row's code is the time-of-day words
    around its day). An item's code depends on the item alone: jumps are relative and the
    pieces hold no groups. Tests check the code is exactly what `_code` gives."""
    shared = {id(choice) for choice in shared_choices.values()}
    flags = tree.state.flags
    code: list[int] = []
    _COMPILER._compile_info(code, tree, flags)
    for item in tree.data:
        if id(item) not in shared:
            _COMPILER._compile(code, [item], flags)
            continue
        known = _SHARED_CODE.get(id(item))
        if known is None:
            known = _SHARED_CODE[id(item)] = (item, [])
            _COMPILER._compile(known[1], [item], flags)
        code.extend(known[1])
    code.append(CONSTANTS.SUCCESS)
    return code


def optional_as_choice(tree: Any, done: dict[int, Any] | None = None) -> Any:
    """The parsed pattern with each greedy optional group `(?:X)?` read as the choice `(?:X|)`.

    Both try X first, then nothing, so they match the same texts the same way; but `re` runs a
    `?` over more than one character as a counted repeat (a memory allocation and saved state
    on every try) and a choice as a plain branch that skips an alternative at its first
    character. Most rows are such groups in a row, so a first parse runs about a fifth faster.
    A new tree is returned; the parsed one is left as it was. `done`: items already rewritten
    (by their id), as a shared piece's are."""
    items = []
    for item in tree.data:
        if done and id(item) in done:
            items.append(done[id(item)])
            continue
        op, value = item
        if op is CONSTANTS.SUBPATTERN:
            value = (*value[:-1], optional_as_choice(value[-1], done))
        elif op is CONSTANTS.BRANCH:
            value = (value[0], [optional_as_choice(branch, done) for branch in value[1]])
        elif op is CONSTANTS.ATOMIC_GROUP:
            value = optional_as_choice(value, done)
        elif op in (CONSTANTS.MAX_REPEAT, CONSTANTS.MIN_REPEAT,
                    CONSTANTS.POSSESSIVE_REPEAT):
            low, high, body = value
            body = optional_as_choice(body, done)
            if (op is CONSTANTS.MAX_REPEAT and (low, high) == (0, 1)
                    and not _COMPILER._simple(body)):
                op, value = CONSTANTS.BRANCH, (None, [body, _PARSER.SubPattern(tree.state, [])])
            else:
                value = (low, high, body)
        items.append((op, value))
    return _PARSER.SubPattern(tree.state, items)


MAX_SPELLINGS = 64  # more texts than this for a group: not worth listing


def _spellings(items: Any) -> frozenset[str] | None:
    """Every text `items` can match, when that is a short list of words (zero-width checks
    such as \\b are passed over: a superset is fine); None otherwise."""
    texts = [""]
    for op, value in items.data if isinstance(items, _PARSER.SubPattern) else items:
        if op is CONSTANTS.LITERAL:
            char = chr(value)
            texts = [text + char for text in texts]
            continue
        if op is CONSTANTS.SUBPATTERN:
            options = _spellings(value[-1])
        elif op is CONSTANTS.BRANCH and len(value[1]) <= MAX_SPELLINGS:
            options = frozenset()
            for branch in value[1]:
                found = _spellings(branch)
                if found is None:
                    return None
                options |= found
        elif op is CONSTANTS.MAX_REPEAT and (value[0], value[1]) == (0, 1):
            inner = _spellings(value[2])
            options = None if inner is None else inner | {""}
        elif op in (CONSTANTS.AT, CONSTANTS.ASSERT, CONSTANTS.ASSERT_NOT):
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
        if op in (CONSTANTS.SUBPATTERN, CONSTANTS.BRANCH):
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
