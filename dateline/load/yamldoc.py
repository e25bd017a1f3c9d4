"""YAML read as nodes, so every value keeps the line and column it came from.

Front matter is data, not a program: only plain mappings, lists and scalars are allowed. Aliases
(the "billion laughs" trick), duplicate keys and deep nesting are refused with a position instead
of being expanded, overwritten or recursed into; the node tree is built without recursion.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from difflib import get_close_matches
from itertools import accumulate
from typing import TypeVar, cast

import yaml

from dateline.errors import ContentError

try:  # the C loader is several times faster; same nodes, same marks
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_DEPTH = 8
MAX_SCALAR = 20_000
# Every collection needs one of these characters, so their count bounds the nesting depth.
COLLECTION_MARKS = "[{-:?"
# Below this many marks PyYAML's own (recursive, C-speed) composer cannot nest deep enough to crash.
FAST_COMPOSE_MARKS = 1_000
# What YAML's reader refuses (both PyYAML's and libyaml's): control characters, DEL, C1 controls
# but NEL, surrogates, U+FFFE and U+FFFF.
NOT_YAML_TEXT = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# YAML 1.1 reads these as line breaks where a file's line count (and an editor) does not.
YAML_ONLY_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")
UNSHOWABLE = re.compile(f"{NOT_YAML_TEXT.pattern}|{YAML_ONLY_LINE_BREAKS.pattern}")

T = TypeVar("T")


class YamlProblem(Exception):
    """Raised inside this module and turned into one ContentError by its caller."""

    def __init__(self, node: yaml.Node | None, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.node = node
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Source:
    """A YAML text and where it sits in its file, to turn node marks into file positions.

    Positions come from a mark's character index, not its line: YAML counts NEL, U+2028 and
    U+2029 as line breaks, a file (and the author's editor) only "\\n".
    """

    path: str
    lines: tuple[str, ...]  # the whole file's lines, for the caret display
    first_line: int  # file line (1-based) of the YAML text's first line
    # where each file line from `first_line` on starts, as a character index into the YAML text
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lengths = (len(line) + 1 for line in self.lines[self.first_line - 1 :])
        object.__setattr__(self, "starts", (0, *accumulate(lengths)))

    def error(
        self, node: yaml.Node | None, message: str, hint: str | None = None, offset: int = 0
    ) -> ContentError:
        """An error at `node`, `offset` characters into its value."""
        if node is None:
            return ContentError(self.path, 0, 0, message, hint)
        line, column = self.position(node)
        return ContentError(
            self.path, line, column + offset, message, hint, self.shown_line(line)
        )

    def shown_line(self, line: int) -> str | None:
        """File line `line` as a report shows it, or None past the end: shown on a terminal,
        so with nothing in it that the terminal would obey or hide."""
        if not 0 < line <= len(self.lines):
            return None
        return UNSHOWABLE.sub("\ufffd", self.lines[line - 1])

    def position(self, node: yaml.Node) -> tuple[int, int]:
        """File line and column of a node's value (inside the quotes, if quoted)."""
        line, column = self.at(int(node.start_mark.index))
        if isinstance(node, yaml.ScalarNode) and node.style in ("'", '"'):
            column += 1
        return line, column

    def at(self, index: int) -> tuple[int, int]:
        """File line and 1-based column of a character index into the YAML text."""
        line = bisect.bisect_right(self.starts, index) - 1
        return line + self.first_line, index - self.starts[line] + 1


def compose(text: str, source: Source) -> yaml.Node | None:
    """Parse `text` to its node tree and check its shape; raises ContentError-ready YamlProblem."""
    refused = NOT_YAML_TEXT.search(text)
    if refused is not None:
        raise YamlProblem(
            _mark_node(_index_mark(refused.start())),
            f"YAML does not allow the character U+{ord(refused.group()):04X} here",
            "delete it; most editors do not show it",
        )
    try:
        node = _compose_flat(text) if _needs_careful_compose(text) else yaml.compose(
            text, Loader=SafeLoader
        )
    except yaml.MarkedYAMLError as problem:
        raise _syntax_problem(text, problem) from None
    except yaml.YAMLError as problem:
        raise YamlProblem(None, f"this is not valid YAML: {problem}") from None
    if node is not None:
        _check_shape(node, depth=0, text=text)
    return node


def _syntax_problem(text: str, problem: yaml.MarkedYAMLError) -> YamlProblem:
    """The parser's complaint at its place; or, where a character YAML takes for a line break
    sits on the line the complaint starts from, at that character, which is the cause."""
    marks = [mark for mark in (problem.context_mark, problem.problem_mark) if mark is not None]
    if not marks:
        return YamlProblem(None, f"this is not valid YAML: {problem.problem}")
    first = min(int(mark.index) for mark in marks)
    line_start = text.rfind("\n", 0, first) + 1
    breaks = list(YAML_ONLY_LINE_BREAKS.finditer(text, line_start, first))
    if breaks:
        cause = breaks[-1]
        return YamlProblem(
            _mark_node(_index_mark(cause.start())),
            f"YAML reads the character U+{ord(cause.group()):04X} here as a line break, so this"
            f" is not valid YAML ({problem.problem})",
            "put the value in double quotes, or delete the character",
        )
    return YamlProblem(
        _mark_node(problem.problem_mark), f"this is not valid YAML: {problem.problem}"
    )


def _index_mark(index: int) -> yaml.Mark:
    """A mark for a character index; `Source.position` reads only the index."""
    return yaml.Mark("<front matter>", index, 0, 0, None, 0)


def _needs_careful_compose(text: str) -> bool:
    """Aliases (`*name`) or enough structure to nest deeply: compose without recursion. Ordinary
    front matter takes PyYAML's composer, about twice as fast."""
    return "*" in text or sum(text.count(mark) for mark in COLLECTION_MARKS) > FAST_COMPOSE_MARKS


def _mark_node(mark: yaml.Mark | None) -> yaml.Node | None:
    """An empty node standing for a place in the text, for errors that have no node of their own."""
    return yaml.ScalarNode("tag:yaml.org,2002:str", "", mark, mark) if mark else None


def _compose_flat(text: str) -> yaml.Node | None:
    """`yaml.compose` without recursion: PyYAML's composer recurses once per nesting level (in C
    for the C loader), so a few kilobytes of `[[[[...` crash the process; here nesting deeper
    than MAX_DEPTH and aliases are refused as soon as the parser reaches them."""
    loader = SafeLoader(text)
    try:
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # document start
        root: yaml.Node | None = None
        open_nodes: list[tuple[yaml.CollectionNode, list[yaml.Node]]] = []
        while not loader.check_event(yaml.DocumentEndEvent):
            event = loader.get_event()
            if event is None:
                raise YamlProblem(None, "this is not valid YAML: it ends too early")
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                open_nodes.pop()[0].end_mark = _marks(event)[1]
                continue
            node = _node_of(loader, event)
            if not open_nodes:
                root = node
            elif isinstance(open_nodes[-1][0], yaml.SequenceNode):
                open_nodes[-1][0].value.append(node)
            else:
                _add_to_mapping(open_nodes[-1], node)
            if isinstance(node, yaml.CollectionNode):
                if len(open_nodes) >= MAX_DEPTH:
                    raise YamlProblem(node, "the YAML is nested too deeply to be front matter")
                open_nodes.append((node, []))
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            raise YamlProblem(
                _mark_node(_marks(loader.peek_event())[0]),
                "there is more than one YAML document here",
                "front matter is one block between two '---' lines",
            )
        return root
    finally:
        loader.dispose()


def _node_of(loader: SafeLoader, event: yaml.Event) -> yaml.Node:
    """The node an event starts, its tag resolved as `yaml.compose` would."""
    start, end = _marks(event)
    if isinstance(event, yaml.AliasEvent):
        raise YamlProblem(
            _mark_node(start), "YAML aliases (*name) are not allowed here", "write the value out"
        )
    if isinstance(event, yaml.ScalarEvent):
        tag = _tag(loader, event, yaml.ScalarNode, event.value, event.implicit)
        return yaml.ScalarNode(tag, event.value, start, end, style=event.style)
    if isinstance(event, yaml.SequenceStartEvent):
        tag = _tag(loader, event, yaml.SequenceNode, None, event.implicit)
        return yaml.SequenceNode(tag, [], start, end, flow_style=event.flow_style)
    if isinstance(event, yaml.MappingStartEvent):
        tag = _tag(loader, event, yaml.MappingNode, None, event.implicit)
        return yaml.MappingNode(tag, [], start, end, flow_style=event.flow_style)
    raise YamlProblem(_mark_node(start), "this is not valid YAML here")


def _marks(event: yaml.Event | None) -> tuple[yaml.Mark | None, yaml.Mark | None]:
    """An event's marks; the C parser's Mark type carries the same line and column fields."""
    if event is None:
        return None, None
    return cast(yaml.Mark | None, event.start_mark), cast(yaml.Mark | None, event.end_mark)


def _tag(
    loader: SafeLoader,
    event: yaml.NodeEvent,
    kind: type[yaml.Node],
    value: str | None,
    implicit: object,
) -> str:
    given = getattr(event, "tag", None)
    if isinstance(given, str) and given != "!":
        return given
    return str(loader.resolve(kind, value, implicit))  # type: ignore[no-untyped-call]


def _add_to_mapping(
    frame: tuple[yaml.CollectionNode, list[yaml.Node]], node: yaml.Node
) -> None:
    """Keys wait in the frame until their value arrives."""
    mapping, waiting_key = frame
    if waiting_key:
        mapping.value.append((waiting_key.pop(), node))
    else:
        waiting_key.append(node)


def _check_shape(node: yaml.Node, depth: int, text: str) -> None:
    """Refuse deep nesting, duplicate keys and huge values before anything reads them."""
    if depth >= MAX_DEPTH and not isinstance(node, yaml.ScalarNode):
        raise YamlProblem(node, "the YAML is nested too deeply to be front matter")
    if isinstance(node, yaml.ScalarNode):
        if len(node.value) > MAX_SCALAR:
            raise YamlProblem(node, f"this value is longer than {MAX_SCALAR} characters")
        return
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_shape(item, depth + 1, text)
        return
    keys: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise YamlProblem(key, "a key must be plain text")
        if key.value in keys:
            apart = text.count("\n", keys[key.value].start_mark.index, key.start_mark.index)
            raise YamlProblem(
                key,
                f'duplicate key "{key.value}"',
                f"it is already given {apart} line(s) above; keep one",
            )
        keys[key.value] = key
        _check_shape(value, depth + 1, text)


class Fields:
    """A YAML mapping read key by key: unknown keys are errors with a did-you-mean."""

    def __init__(self, node: yaml.Node, what: str, allowed: tuple[str, ...]) -> None:
        if not isinstance(node, yaml.MappingNode):
            raise YamlProblem(node, f"{what} must be a mapping of keys to values")
        self.node = node
        self.what = what
        self.values: dict[str, yaml.Node] = {key.value: value for key, value in node.value}
        self.keys: dict[str, yaml.Node] = {key.value: key for key, _ in node.value}
        for name, key_node in self.keys.items():
            if name not in allowed:
                close = get_close_matches(name, allowed, n=1)
                hint = (
                    f'did you mean "{close[0]}"?' if close else "known keys: " + ", ".join(allowed)
                )
                raise YamlProblem(key_node, f'unknown key "{name}" in {what}', hint)

    def optional(self, name: str, read: Callable[[yaml.Node], T]) -> T | None:
        node = self.values.get(name)
        if node is None or _is_null(node):
            return None
        return read(node)

    def required(self, name: str, read: Callable[[yaml.Node], T]) -> T:
        value = self.optional(name, read)
        if value is None:
            raise YamlProblem(self.node, f'{self.what} has no "{name}"', f'add "{name}:"')
        return value

    def items(self) -> Iterator[tuple[yaml.Node, yaml.Node]]:
        yield from self.node.value


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def text(node: yaml.Node) -> str:
    """A scalar as the author wrote it; numbers and dates are taken as their text."""
    if not isinstance(node, yaml.ScalarNode):
        raise YamlProblem(node, "expected text here")
    value = str(node.value).strip()
    if not value:
        raise YamlProblem(node, "this value is empty")
    return value


def day(node: yaml.Node) -> date:
    """A date written YYYY-MM-DD, bare (a YAML date) or quoted."""
    raw = text(node)
    try:
        return date.fromisoformat(raw)
    except ValueError:
        if re.fullmatch(r"(?:0000|\d{5,})-\d\d-\d\d", raw):
            raise YamlProblem(
                node, f'"{raw}" is outside the years 1 to 9999 that dates can name',
                "check the year",
            ) from None
        raise YamlProblem(node, f'"{raw}" is not a date', "write it as YYYY-MM-DD") from None


def text_list(node: yaml.Node) -> tuple[str, ...]:
    if isinstance(node, yaml.ScalarNode):
        return (text(node),)
    if not isinstance(node, yaml.SequenceNode):
        raise YamlProblem(node, "expected a list here, like [a, b]")
    return tuple(text(item) for item in node.value)


def mapping_items(node: yaml.Node, what: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise YamlProblem(node, f"{what} must be a mapping")
    return list(node.value)


def sequence(node: yaml.Node, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise YamlProblem(node, f"{what} must be a list (each item starting with '- ')")
    return list(node.value)


def choice(options: Mapping[str, T]) -> Callable[[yaml.Node], T]:
    """A reader for one of a fixed set of words."""

    def read(node: yaml.Node) -> T:
        value = text(node)
        if value not in options:
            close = get_close_matches(value, list(options), n=1)
            hint = f'did you mean "{close[0]}"?' if close else "one of: " + ", ".join(options)
            raise YamlProblem(node, f'"{value}" is not allowed here', hint)
        return options[value]

    return read
