"""`python build.py [COMMAND]`: build (the default), check, resolve, serve, new, suggest."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from dateline import __version__
from dateline.errors import ContentError, format_report
from dateline.resolve_cli import resolve_batch, resolve_one

COMMANDS = ("build", "check", "resolve", "serve", "new", "suggest")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python build.py",
        description="Turn news articles into chronological timelines, every date explained.",
    )
    main.add_argument("--version", action="version", version=f"dateline {__version__}")
    commands = main.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser("build", help="build the site (the default command)")
    _content_options(build)
    build.add_argument("--out", type=Path, default=Path("site"), help="output directory")
    build.add_argument("--no-pdf", action="store_true", help="skip the PDF briefs")

    check = commands.add_parser("check", help="check everything a build checks; write nothing")
    _content_options(check)

    resolve = commands.add_parser("resolve", help="resolve one date expression, or JSON lines")
    resolve.add_argument("text", nargs="?", help='the expression, e.g. "last Tuesday"')
    resolve.add_argument("--ref", help="reference date YYYY-MM-DD (the dateline's day)")
    resolve.add_argument("--anchor", help="anchor day or span: YYYY-MM-DD[..YYYY-MM-DD]")
    resolve.add_argument("--direction", choices=("past", "future"), default="past")
    resolve.add_argument(
        "--jsonl", action="store_true", help="read JSON lines from stdin, write one per input"
    )
    return main


def _content_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--content", type=Path, default=Path("content"), help="content directory")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "build")
    options = parser().parse_args(args)
    if options.command == "resolve":
        if options.jsonl:
            return resolve_batch(sys.stdin, sys.stdout)
        return resolve_one(options.text, options.ref, options.anchor, options.direction)
    if options.command == "check":
        return check(options.content)
    return build(options.content, options.out, pdf=not options.no_pdf)


def report(errors: Sequence[ContentError]) -> int:
    """Print every problem with its source line, and fail."""
    print(format_report(with_source_lines(errors)), file=sys.stderr)
    return 1


def with_source_lines(errors: Sequence[ContentError]) -> list[ContentError]:
    """Fill in the offending line where a later stage knew only its position."""
    files: dict[str, list[str]] = {}
    shown = []
    for error in errors:
        if error.line and error.source_line is None:
            if error.path not in files:
                try:
                    files[error.path] = Path(error.path).read_text("utf-8-sig").splitlines()
                except (OSError, UnicodeDecodeError):
                    files[error.path] = []
            lines = files[error.path]
            if error.line <= len(lines):
                error = replace(error, source_line=lines[error.line - 1])
        shown.append(error)
    return shown


def check(content: Path) -> int:
    from dateline.pipeline import build_site

    site, errors = build_site(content)
    if errors or site is None:
        return report(errors)
    events = sum(len(timeline.events) for timeline in site.timelines)
    print(f"{len(site.articles)} articles, {events} events: no problems found")
    return 0


def build(content: Path, out: Path, pdf: bool) -> int:
    from dateline.pipeline import build_files
    from dateline.write import WriteError, build_lock, write_site

    files, errors = build_files(content, pdf=pdf)
    if errors or files is None:
        return report(errors)
    try:
        with build_lock(out.absolute().parent / ".dateline-cache"):
            changed = write_site(out, files)
    except WriteError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"built {len(files)} files into {out} ({changed} changed)")
    return 0
