"""From a file's bytes to checked YAML fields, every problem kept with its line and column.

Shared by site.yaml and the articles' front matter.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import yaml

from dateline.errors import ContentError
from dateline.load.yamldoc import Fields, Source, YamlProblem, compose

T = TypeVar("T")


@dataclass
class Collector:
    """Runs field readers and keeps every problem, so one build reports them all."""

    source: Source
    errors: list[ContentError] = field(default_factory=list)

    def read(self, reader: Callable[[], T]) -> T | None:
        try:
            return reader()
        except YamlProblem as problem:
            self.errors.append(self.source.error(problem.node, problem.message, problem.hint))
            return None


def decode(path: str, data: bytes) -> tuple[str | None, ContentError | None]:
    """UTF-8 text with a BOM dropped and line endings made `\\n`."""
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        content = data[bom:].decode("utf-8")
    except UnicodeDecodeError as problem:
        return None, _byte_error(path, data, bom + problem.start, "this file is not UTF-8 text",
                                 "save it as UTF-8")
    if "\0" in content:
        return None, _byte_error(path, data, data.index(b"\0"),
                                 "this file contains a NUL byte; is it text?")
    return content.replace("\r\n", "\n").replace("\r", "\n"), None


def _byte_error(path: str, data: bytes, offset: int, message: str,
                hint: str | None = None) -> ContentError:
    """An error at a byte of an undecodable file: line and column counted in characters, with
    the readable part of the line shown."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line_end = data.find(b"\n", offset)
    raw_line = data[line_start : len(data) if line_end == -1 else line_end]
    before = data[line_start:offset].decode("utf-8", "replace").lstrip("\ufeff")
    shown = raw_line.decode("utf-8", "replace").lstrip("\ufeff").rstrip("\r")
    line = data.count(b"\n", 0, offset) + 1
    return ContentError(path, line, len(before) + 1, message, hint, shown.replace("\0", "\ufffd"))


def open_mapping(
    source: Source, text_: str, what: str, keys: tuple[str, ...]
) -> tuple[Collector, yaml.Node, Fields] | list[ContentError]:
    """Compose a YAML mapping and check its keys; or the problems that stop reading it."""
    collect = Collector(source)
    node = collect.read(lambda: compose(text_, source))
    if node is None:
        line = source.first_line
        # what follows a file's last line break is no line: an empty file has none to show
        has_line = line < len(source.lines) or bool(source.lines[-1])
        shown = source.shown_line(line) if has_line else None
        return collect.errors or [ContentError(source.path, line, 1, f"{what} is empty", None,
                                               shown)]
    fields = collect.read(lambda: Fields(node, what, keys))
    if fields is None:
        return collect.errors
    return collect, node, fields
