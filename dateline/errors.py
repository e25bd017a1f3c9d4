"""Content problems as data: every stage collects them, the command line prints them once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ContentError:
    """A problem at a place in a source file, with what to do about it."""

    path: str
    line: int  # 1-based; 0 when the problem is with the file as a whole
    column: int  # 1-based; 0 when there is no column
    message: str
    hint: str | None = None
    source_line: str | None = None  # the offending line verbatim, for the caret display

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.message)

    def location(self) -> str:
        if self.line and self.column:
            return f"{self.path}:{self.line}:{self.column}"
        if self.line:
            return f"{self.path}:{self.line}"
        return self.path

    def format(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        if self.source_line is not None:
            text += f"\n    {self.source_line}"
            if self.column:
                text += "\n    " + " " * (self.column - 1) + "^"
        return text


class TemplateProblem(Exception):
    """A broken template or static file of the site: the file (as its folder was given), line
    and column where there are some, what is wrong and what to do, like a `ContentError`.

    Holds plain values only, so it crosses from a worker process intact."""

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        message: str,
        hint: str | None = None,
        source_line: str | None = None,
    ) -> None:
        super().__init__(path, line, column, message, hint, source_line)
        self.path = path
        self.line = line  # 1-based; 0 when the problem is with the file as a whole
        self.column = column  # 1-based; 0 when there is no column
        self.message = message
        self.hint = hint
        self.source_line = source_line

    def at(self, path: str) -> TemplateProblem:
        """The same problem with its file named as the user names it."""
        return TemplateProblem(
            path, self.line, self.column, self.message, self.hint, self.source_line
        )

    def as_error(self) -> ContentError:
        """The problem as the report shows every problem with a file."""
        return ContentError(
            self.path, self.line, self.column, self.message, self.hint, self.source_line
        )

    def __str__(self) -> str:
        return self.as_error().format()


class DateError(ValueError):
    """An expression the resolver will not guess at; `offset` is where in the text it failed."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def format_report(errors: Iterable[ContentError]) -> str:
    """All problems, sorted by place, with a count: what a failed build prints."""
    ordered = sorted(set(errors), key=lambda error: error.sort_key)
    lines = [error.format() for error in ordered]
    noun = "problem" if len(ordered) == 1 else "problems"
    lines.append(f"{len(ordered)} {noun} found; nothing was written.")
    return "\n".join(lines)
