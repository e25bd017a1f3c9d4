"""`suggest --write`: the drafts added to an article file in place, and the YAML lines of a draft.

The new lines are inserted as text after the last event (so every existing byte, comment and
quote stays as it was), and the result is parsed back with ruamel.yaml and compared before
anything is written.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

import yaml
from ruamel.yaml import YAML as RoundTrip
from ruamel.yaml.error import MarkedYAMLError, StreamMark, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from dateline.authoring.scaffold import yaml_string

if TYPE_CHECKING:
    from dateline.authoring.wording import Suggestion


def entry_lines(suggestion: Suggestion, dash_indent: int, key_indent: int) -> list[str]:
    """One event as block YAML lines, at the indentation the file already uses."""
    pad = " " * key_indent
    lines = [f"{' ' * dash_indent}-{' ' * (key_indent - dash_indent - 1)}id: {suggestion.id}\n",
             f"{pad}when: {scalar(suggestion.when)}\n",
             f"{pad}what: {scalar(suggestion.what)}\n"]
    if suggestion.anchor:
        lines.append(f"{pad}anchor: {suggestion.anchor}\n")
    if suggestion.direction:
        lines.append(f"{pad}direction: {suggestion.direction}\n")
    if suggestion.note:
        lines.append(f"{pad}# {suggestion.note}\n")
    return lines


def scalar(value: str) -> str:
    """Plain when YAML reads it back unchanged as a string, else double-quoted."""
    try:
        plain_ok = yaml.safe_load(f"key: {value}") == {"key": value}
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok else yaml_string(value)


class SuggestWriteError(Exception):
    """Why a file was left untouched."""


def with_suggestions(content: str, suggestions: Sequence[Suggestion], name: str) -> str:
    """The file's text with the drafts inserted as lines; checked by parsing it back."""
    if not suggestions:
        return content
    lines = content.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if not lines or lines[0].rstrip("\r\n") != "---":
        raise SuggestWriteError(f"{name}: no front matter (the file must start with ---)")
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") == "---"), None)
    if close is None:
        raise SuggestWriteError(f"{name}: the front matter has no closing ---")
    front = "".join(lines[1:close])
    at = FrontPlaces(front)
    before = parsed(front, name, at)
    root = RoundTrip(typ="rt").compose(front)
    pair = next(((k, v) for k, v in root.value if k.value == "events"), None)
    events = pair[1] if pair else None
    empty = isinstance(events, ScalarNode) and events.value in ("", "~", "null")
    if pair is None or empty or (isinstance(events, SequenceNode) and not events.value):
        # no list yet: "events:" (re)written on its own line, the drafts under it
        key_line = close if pair is None else at.line(pair[0].start_mark) + 1
        block, insert, replace, dash, key = ["events:\n"], key_line, int(pair is not None), 2, 4
    elif isinstance(events, SequenceNode) and not events.flow_style:
        first, last = events.value[0], events.value[-1]
        key = at.column(first.start_mark)
        dash = len(lines[at.line(first.start_mark) + 1][:key].rstrip()) - 1
        end = max(at.line(node.end_mark) - (at.column(node.end_mark) == 0)
                  for node in walk(last))
        while end > at.line(last.start_mark) and lines[end + 1].strip()[:1] in ("", "#"):
            end -= 1
        block, insert, replace = [], end + 2, 0
    else:
        raise SuggestWriteError(f"{name}: write events as a block list (- id: ...) to add to it")
    block += [line for s in suggestions for line in entry_lines(s, dash, key)]
    block = [line.replace("\n", newline) for line in block]
    updated = lines[:insert] + block + lines[insert + replace:]
    after_front = "".join(updated[1:close - replace + len(block)])
    after = parsed(after_front, name, FrontPlaces(after_front))
    old_events = before.get("events")
    expected = dict(before, events=(old_events if isinstance(old_events, list) else []) + [
        {k: v for k, v in (("id", s.id), ("when", s.when), ("what", s.what),
                           ("anchor", s.anchor), ("direction", s.direction)) if v}
        for s in suggestions])
    if after != expected:
        raise SuggestWriteError(f"{name}: the drafted events did not read back as written")
    return "".join(updated)


class FrontPlaces:
    """Line (0-based, within the front matter) and column of a ruamel mark, from its character
    index: YAML also breaks lines at NEL, U+2028 and U+2029, the file only at "\\n"."""

    def __init__(self, front: str) -> None:
        self.starts = [0, *(index + 1 for index, char in enumerate(front) if char == "\n")]

    def line(self, mark: StreamMark) -> int:
        return bisect.bisect_right(self.starts, int(mark.index)) - 1

    def column(self, mark: StreamMark) -> int:
        return int(mark.index) - self.starts[self.line(mark)]


def parsed(front: str, name: str, at: FrontPlaces) -> dict[str, object]:
    """The front matter as data; a problem is named at its file line (the front matter starts
    on line 2) and column, in one line rather than ruamel's multi-line report."""
    try:
        data = RoundTrip(typ="safe", pure=True).load(front)
    except MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        where = f"{name}:{at.line(mark) + 2}:{at.column(mark) + 1}" if mark else name
        raise SuggestWriteError(
            f"{where}: cannot parse the front matter: {problem.problem}"
        ) from None
    except YAMLError as problem:
        summary = str(problem).split("\n", 1)[0]
        raise SuggestWriteError(f"{name}: cannot parse the front matter: {summary}") from None
    if not isinstance(data, dict):
        raise SuggestWriteError(f"{name}: the front matter is not a mapping")
    return data


def walk(node: Node) -> list[Node]:
    """A node and everything under it, for the last line the last event uses."""
    found = [node]
    if isinstance(node, SequenceNode):
        for child in node.value:
            found.extend(walk(child))
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            found.extend(walk(key) + walk(value))
    return found
