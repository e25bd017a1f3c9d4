"""`python build.py [COMMAND]`: build (the default), check, resolve, serve, new, suggest."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from dateline import __version__
from dateline.errors import ContentError, TemplateProblem, format_report

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
    build.add_argument(
        "--jobs", type=int, default=None,
        help="processes at work, this one included (default: the CPU count)",
    )

    check = commands.add_parser("check", help="check everything a build checks; write nothing")
    _content_options(check)
    check.add_argument(
        "--coverage", action="store_true", help="warn about dated phrases no event covers"
    )
    check.add_argument("--strict", action="store_true", help="make coverage warnings errors")

    serve = commands.add_parser("serve", help="build, serve on localhost, rebuild on change")
    _content_options(serve)
    serve.add_argument("--out", type=Path, default=Path("site"), help="output directory")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback)")
    serve.add_argument("--no-pdf", action="store_true", help="skip the PDF briefs")

    new = commands.add_parser("new", help="start an article file with its front matter")
    new.add_argument("headline")
    new.add_argument("--timeline", required=True, help="the slug of a timeline of site.yaml")
    new.add_argument("--dateline", required=True, help='e.g. "SANAA, Jan. 12"')
    _content_options(new)

    suggest = commands.add_parser("suggest", help="draft events for the dates of an article")
    suggest.add_argument("file", type=Path)
    suggest.add_argument("--write", action="store_true", help="add them to the file in place")

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
        from dateline.resolve_cli import resolve_batch, resolve_one

        if options.jsonl:
            return resolve_batch(sys.stdin, sys.stdout)
        return resolve_one(options.text, options.ref, options.anchor, options.direction)
    if options.command == "check":
        return check(options.content, options.coverage, options.strict)
    if options.command == "serve":
        from dateline.serve_cli import serve

        return serve(options.content, options.out, options.host, options.port, not options.no_pdf)
    if options.command == "new":
        return new(options.headline, options.timeline, options.dateline, options.content)
    if options.command == "suggest":
        return suggest(options.file, options.write)
    return build(options.content, options.out, pdf=not options.no_pdf, jobs=options.jobs)


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


def check(content: Path, coverage: bool = False, strict: bool = False) -> int:
    from dateline.pipeline import build_site

    site, errors = build_site(content)
    if errors or site is None:
        return report(errors)
    warnings: list[ContentError] = []
    if coverage:
        from dateline.coverage import coverage_warnings

        for article in site.articles:
            warnings += coverage_warnings(article)
    if warnings and strict:
        return report(warnings)
    for warning in with_source_lines(sorted(warnings, key=lambda w: w.sort_key)):
        print("warning: " + warning.format(), file=sys.stderr)
    events = sum(len(timeline.events) for timeline in site.timelines)
    noun = "warning" if len(warnings) == 1 else "warnings"
    found = f"{len(warnings)} coverage {noun}" if warnings else "no problems found"
    print(f"{len(site.articles)} articles, {events} events: {found}")
    return 0


def new(headline: str, timeline: str, dateline: str, content: Path) -> int:
    """Scaffold an article dated today: the one command allowed to read the clock."""
    from datetime import date

    from dateline.dates import DateError, reference_date
    from dateline.pipeline import display_path
    from dateline.scaffold import article_text, file_name
    from dateline.site_config import load_site_config

    today = date.today()
    config_path = content / "site.yaml"
    if config_path.is_file():
        config, errors = load_site_config(display_path(config_path), config_path.read_bytes())
        if errors or config is None:
            return report(errors)
        slugs = [t.slug for t in config.timelines]
        if timeline not in slugs:
            print(
                f'error: no timeline "{timeline}" in {config_path}; one of: ' + ", ".join(slugs),
                file=sys.stderr,
            )
            return 1
    try:
        reference_date(dateline, today)
    except DateError as problem:
        print(f"error: --dateline {dateline!r}: {problem.message}", file=sys.stderr)
        return 1
    path = content / file_name(headline, today)
    if path.exists():
        print(f"error: {path} already exists; choose another headline", file=sys.stderr)
        return 1
    content.mkdir(parents=True, exist_ok=True)
    path.write_text(article_text(headline, timeline, dateline, today), encoding="utf-8")
    print(f"created {display_path(path)}")
    return 0


def suggest(path: Path, write: bool) -> int:
    from dateline.load import load_article
    from dateline.pipeline import display_path
    from dateline.suggest import SuggestWriteError, suggest_events, write_suggestions
    from dateline.suggest import suggest as draft

    try:
        data = path.read_bytes()
    except OSError as problem:
        print(f"error: cannot read {path}: {problem.strerror}", file=sys.stderr)
        return 1
    article, errors = load_article(display_path(path), data)
    if errors or article is None:
        return report(errors)
    if not write:
        print(suggest_events(article) or "# every dated phrase of the body is covered")
        return 0
    suggestions = draft(article)
    try:
        write_suggestions(path, suggestions)
    except SuggestWriteError as problem:
        print(f"error: {problem}; {path} was not changed", file=sys.stderr)
        return 1
    print(f"added {len(suggestions)} events to {display_path(path)}")
    return 0


def build(content: Path, out: Path, pdf: bool, jobs: int | None = None) -> int:
    return 1 if build_and_write(content, out, pdf, jobs) else 0


def build_and_write(content: Path, out: Path, pdf: bool, jobs: int | None = None) -> str | None:
    """One build, reported on the terminal; returns what went wrong, or None."""
    from dateline.cache import cache_dir_for
    from dateline.parallel import default_jobs
    from dateline.pipeline import build as build_into
    from dateline.write import WriteError, build_lock

    if pdf:
        from dateline.pdf import pdf_unavailable

        missing = pdf_unavailable()
        if missing:
            print(
                f"warning: PDF briefs skipped: WeasyPrint cannot run here ({missing}); install "
                "Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0) or use --no-pdf",
                file=sys.stderr,
            )
            pdf = False
    cache_dir = cache_dir_for(out)
    try:
        with build_lock(cache_dir):
            written, errors = build_into(content, out, pdf, jobs or default_jobs(), cache_dir)
    except TemplateProblem as problem:
        message = str(problem)
    except WriteError as problem:
        message = f"error: {problem}"
    except OSError as problem:  # a worker could not write its files into the staging directory
        message = (
            f"error: cannot write {out}: {problem.strerror or problem}; "
            "check that the disk has room and the directory is writable"
        )
    else:
        if written is not None and not errors:
            print(f"built {written.files} files into {out} ({written.changed} changed)")
            return None
        message = format_report(with_source_lines(errors))
    print(message, file=sys.stderr)
    return message
