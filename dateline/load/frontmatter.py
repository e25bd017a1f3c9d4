"""Front matter in the plain subset of YAML nearly every article uses, read without PyYAML.

Composing YAML nodes with marks costs most of an article's load time; this reader takes only the
shapes whose meaning is beyond doubt (one `key: value` a line, values plain or quoted on one line
without escapes, a `[a, b]` list of slugs, and a list of such mappings under `events:`) and
answers None for anything else, so the careful node path reads it and reports any problem.
Positions are those the node path gives: file line, 1-based column, inside an opening quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters outside YAML's printable set, its other line breaks, a BOM, a tab or a carriage
# return: the node path decides what they mean.
UNUSUAL_CHARACTER = re.compile(r"[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                               r"\U00010000-\U0010ffff]")
TOP_LEVEL_ENTRY = re.compile(r"([a-z_]+):(?: +(.*))?")
ITEM_START = re.compile(r"( *)- ([a-z_]+):(?: +(.*))?")
ITEM_ENTRY = re.compile(r"( *)([a-z_]+):(?: +(.*))?")
COMMENT_OR_BLANK = re.compile(r" *(?:#.*)?")
FLOW_LIST_ITEM = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
# A plain scalar cannot start with an indicator, and ": " or " #" would end it early.
PLAIN_START_FORBIDDEN = frozenset("-?:,[]{}#&*!|>'\"%@` ")
NULL_WORDS = frozenset({"~", "null", "Null", "NULL"})
MAX_VALUE = 20_000


@dataclass(frozen=True, slots=True)
class Scalar:
    """A value as written (quotes removed) and the file position of its first character."""

    value: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class PlainFront:
    """Top-level scalars, the `tags` list (None when absent) and the `events` mappings."""

    fields: dict[str, Scalar]
    tags: tuple[str, ...] | None
    events: list[dict[str, Scalar]] | None


def read_plain_front(front: str, first_line: int) -> PlainFront | None:
    """The front matter's values, or None when it leaves the plain subset in any way."""
    if UNUSUAL_CHARACTER.search(front):
        return None
    lines = front.split("\n")
    fields: dict[str, Scalar] = {}
    tags: tuple[str, ...] | None = None
    events: list[dict[str, Scalar]] | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        entry = TOP_LEVEL_ENTRY.fullmatch(line)
        if entry is None:
            if COMMENT_OR_BLANK.fullmatch(line) is None:
                return None
            index += 1
            continue
        key, raw = entry.group(1), (entry.group(2) or "").rstrip(" ")
        if key in fields or (key == "tags" and tags is not None) or (
            key == "events" and events is not None
        ):
            return None
        if key == "events" and not raw:
            read = _read_items(lines, index + 1, first_line)
            if read is None:
                return None
            events, index = read
            continue
        if key == "tags":
            tags = _tags(raw)
            if tags is None:
                return None
        else:
            scalar = _scalar(raw, first_line + index, entry.start(2) + 1)
            if scalar is None:
                return None
            fields[key] = scalar
        index += 1
    return PlainFront(fields, tags, events)


def _read_items(
    lines: list[str], index: int, first_line: int
) -> tuple[list[dict[str, Scalar]], int] | None:
    """A block list of one-level mappings: `- key: value`, further keys two columns in."""
    items: list[dict[str, Scalar]] = []
    dash_indent: int | None = None
    while index < len(lines):
        line = lines[index]
        start = ITEM_START.fullmatch(line)
        if start is not None and (dash_indent is None or len(start.group(1)) == dash_indent):
            dash_indent = len(start.group(1))
            items.append({})
        elif start is None and items and dash_indent is not None:
            start = ITEM_ENTRY.fullmatch(line)
            if start is None or len(start.group(1)) != dash_indent + 2:
                if COMMENT_OR_BLANK.fullmatch(line) is not None and line[:1] != "#":
                    index += 1
                    continue
                break
        else:
            break
        key, raw = start.group(2), (start.group(3) or "").rstrip(" ")
        scalar = _scalar(raw, first_line + index, start.start(3) + 1)
        if scalar is None or key in items[-1]:
            return None
        items[-1][key] = scalar
        index += 1
    if not items:
        return None
    if index < len(lines) and TOP_LEVEL_ENTRY.fullmatch(lines[index]) is None and lines[index]:
        return None  # a line the list does not explain: leave it to the node path
    return items, index


def _scalar(raw: str, line: int, column: int) -> Scalar | None:
    """One value on its line: plain, "double-quoted" or 'single-quoted', without escapes."""
    if not raw or len(raw) > MAX_VALUE:
        return None
    quote = raw[0]
    if quote in "\"'":
        inner = raw[1:-1]
        if len(raw) < 2 or raw[-1] != quote or quote in inner or "\\" in inner:
            return None
        return Scalar(inner, line, column + 1)
    if quote in PLAIN_START_FORBIDDEN or raw in NULL_WORDS:
        return None
    if ": " in raw or " #" in raw or raw.endswith(":"):
        return None
    return Scalar(raw, line, column)


def _tags(raw: str) -> tuple[str, ...] | None:
    """`[a, b]` of slugs, or a single slug; anything else goes the careful way."""
    if raw.startswith("[") and raw.endswith("]"):
        inner = raw[1:-1]
        names = [name.strip(" ") for name in inner.split(",")] if inner.strip(" ") else []
    else:
        names = [raw]
    if not all(FLOW_LIST_ITEM.fullmatch(name) and name not in NULL_WORDS for name in names):
        return None
    return tuple(names)
