"""Templates as the site's own files: read as UTF-8 or reported, and every failure of a template
(syntax, a missing name, a missing template, one that runs into itself) raised again as a
`TemplateProblem` at the template file and line it happened in."""

from __future__ import annotations

import os
import posixpath
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemLoader,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.loaders import split_template_path

from dateline.errors import TemplateProblem


class SiteLoader(FileSystemLoader):
    """Templates and static files, read as UTF-8: a file that is not is reported at its first
    byte that cannot be read, as a problem of the site, never as a decoding traceback."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        self.refuse_links_out(template)
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as problem:
            raise not_utf8(self.file_of(template), problem) from None

    def refuse_links_out(self, template: str) -> None:
        """A template or static file that a link takes out of the folder it is found in is not
        read: the build refuses such links first; this keeps any other caller safe."""
        pieces = split_template_path(template)
        for folder in self.searchpath:
            found = posixpath.join(folder, *pieces)
            if os.path.isfile(found):
                if not Path(found).resolve().is_relative_to(Path(folder).resolve()):
                    raise TemplateProblem(
                        template, 0, 0, "is a link leading outside the templates folder; not read"
                    )
                return

    def file_of(self, template: str) -> str:
        """The file a template name stands for: the first folder holding it, as Jinja looks."""
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = posixpath.join(folder, *pieces)
            if os.path.isfile(filename):
                return filename
        return template


def not_utf8(path: str, problem: UnicodeDecodeError) -> TemplateProblem:
    """Where in the file the bytes stop being UTF-8, with the line shown as far as it reads."""
    data, start = problem.object, problem.start
    line_start = data.rfind(b"\n", 0, start) + 1
    line_end = data.find(b"\n", start)
    shown = data[line_start : len(data) if line_end < 0 else line_end]
    return TemplateProblem(
        path,
        data.count(b"\n", 0, start) + 1,
        len(data[line_start:start].decode("utf-8", "replace")) + 1,
        f"template error: byte 0x{data[start]:02x} is not UTF-8",
        "save the file as UTF-8",
        shown.decode("utf-8", "replace").rstrip("\r"),
    )


@contextmanager
def template_problems(env: Environment) -> Iterator[None]:
    """Any failure of a template inside the block, raised again as a located `TemplateProblem`.

    A template that extends or includes itself, or a macro that calls itself, runs until
    Python's recursion limit: that too is a problem of the template it is in."""
    try:
        yield
    except TemplateError as problem:
        raise template_problem(env, problem) from None
    except RecursionError as problem:
        if innermost_template_line(env, problem) is None:
            raise
        raise template_problem(env, problem) from None


def template_problem(env: Environment, problem: TemplateError | RecursionError) -> TemplateProblem:
    """The problem, at the template file and line it happened in, with that line."""
    source: str | None = None
    if isinstance(problem, TemplateSyntaxError):
        path, line, source = problem.filename or problem.name or "", problem.lineno, problem.source
    else:
        path, line = innermost_template_line(env, problem) or ("", 0)
    if not path:
        path = "templates"
    if source is None and line:
        source = template_source(env, path)
    lines = source.splitlines() if source is not None else []
    shown = lines[line - 1] if 0 < line <= len(lines) else None
    message, hint = template_message(problem)
    return TemplateProblem(path, line, 0, f"template error: {message}", hint, shown)


def template_message(problem: TemplateError | RecursionError) -> tuple[str, str | None]:
    if isinstance(problem, RecursionError):
        return (
            "it extends, includes or calls itself without end",
            "extend or include another template; give a macro that calls itself a case that stops",
        )
    if isinstance(problem, TemplateNotFound):
        return f"no template named {problem.name!r}", "add it to templates/ or correct the name"
    if isinstance(problem, UndefinedError):
        return problem.message or "undefined", "check the name against the bundled template"
    return problem.message or type(problem).__name__, None


def innermost_template_line(
    env: Environment, problem: BaseException
) -> tuple[str, int] | None:
    """The template file and line the problem rose from: Jinja rewrites a failure's traceback
    so that each template it went through appears as a frame of that template file."""
    folders = tuple(folder for folder, _ in _folders(env))
    found = None
    for frame, line in traceback.walk_tb(problem.__traceback__):
        if frame.f_code.co_filename.startswith(folders):
            found = (frame.f_code.co_filename, line)
    return found


def template_source(env: Environment, path: str) -> str | None:
    """The text of a template file found by `innermost_template_line`, to show its line."""
    for folder, loader in _folders(env):
        if path.startswith(folder):
            try:
                return loader.get_source(env, path[len(folder) :])[0]
            except (TemplateError, TemplateProblem, OSError):
                return None
    return None


def _folders(env: Environment) -> list[tuple[str, FileSystemLoader]]:
    """Each template folder, ending in a slash as the start of its files' paths."""
    loader = env.loader
    if not isinstance(loader, FileSystemLoader):
        return []
    return [(posixpath.join(folder, ""), loader) for folder in loader.searchpath]
