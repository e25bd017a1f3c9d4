"""`dateline [COMMAND]` (or `python build.py`, `python -m dateline`): build (the default),
check, resolve, serve, new, suggest, import, init, annotate."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dateline.version import __version__

COMMANDS = ("build", "check", "resolve", "serve", "new", "suggest", "import", "init", "annotate")
INTERRUPTED = 130  # what a shell reports for a program ended by Ctrl-C (128 + SIGINT)


def parser(prog: str = "dateline") -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog=prog,
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
    _engine_options(build)

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
    new.add_argument("--published", help="YYYY-MM-DD (default: the dateline's day, else today)")
    _content_options(new)

    init = commands.add_parser("init", help="start a site in a new or empty folder")
    init.add_argument("folder", type=Path, help="the folder to create, e.g. news")

    suggest = commands.add_parser("suggest", help="draft events for the dates of an article")
    suggest.add_argument("file", type=Path)
    suggest.add_argument("--write", action="store_true", help="add them to the file in place")

    imports = commands.add_parser(
        "import", help="turn stories or a feed into article files with drafted events")
    imports.add_argument("sources", nargs="+", metavar="SOURCE",
                         help="a .txt or .html story, an Atom/RSS feed, or - for pasted copy")
    imports.add_argument("--timeline", help="the timeline's slug (default: site.yaml's only one)")
    imports.add_argument("--published", help="YYYY-MM-DD, for copy that carries no date")
    _content_options(imports)

    resolve = commands.add_parser("resolve", help="resolve one date expression, or JSON lines")
    resolve.add_argument("text", nargs="?", help='the expression, e.g. "last Tuesday"')
    resolve.add_argument("--ref", help="reference date YYYY-MM-DD (the dateline's day)")
    resolve.add_argument("--anchor", help="anchor day or span: YYYY-MM-DD[..YYYY-MM-DD]")
    resolve.add_argument("--direction", choices=("past", "future"), default="past")
    resolve.add_argument(
        "--jsonl", action="store_true", help="read JSON lines from stdin, write one per input"
    )

    annotate = commands.add_parser(
        "annotate", help="find and resolve every date of a corpus: one record per date"
    )
    annotate.add_argument(
        "corpus", type=Path, nargs="?",
        help='JSON lines {"id", "text", "ref"} or a folder of articles (default: stdin)',
    )
    annotate.add_argument("--out", type=Path, help="output file (default: stdout)")
    annotate.add_argument(
        "--format", choices=("jsonl", "parquet"), dest="output_format",
        help="jsonl (default) or parquet (needs pyarrow; the default for a .parquet --out)",
    )
    annotate.add_argument(
        "--jobs", type=int, default=None,
        help="--engine local: processes at work, this one included (default: the CPU count)",
    )
    _engine_options(annotate)
    return main


def _engine_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="local: this machine's worker processes (default); dask: a Dask cluster",
    )
    command.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="--engine dask: the scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )


def _content_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--content", type=Path, default=Path("content"), help="content directory")


def _program_name() -> str:
    """How the user started us, for usage lines: `python build.py` or `dateline`."""
    return "python build.py" if Path(sys.argv[0]).name == "build.py" else "dateline"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "build")
    options = parser(_program_name()).parse_args(args)
    try:
        return run(options)
    except KeyboardInterrupt:
        kept = "; the site is as the last finished build left it" if options.command in (
            "build", "serve"
        ) else ""
        print(f"interrupted{kept}", file=sys.stderr)
        return INTERRUPTED


def run(options: argparse.Namespace) -> int:
    """The command `options` names, run to its exit code."""
    if options.command == "resolve":
        from dateline.cli.resolve import resolve_batch, resolve_one

        if options.jsonl:
            return resolve_batch(sys.stdin.buffer, sys.stdout.buffer)
        return resolve_one(options.text, options.ref, options.anchor, options.direction)
    if options.command == "check":
        from dateline.cli.check import check

        return check(options.content, options.coverage, options.strict)
    if options.command == "serve":
        from dateline.cli.serve import serve

        return serve(options.content, options.out, options.host, options.port, not options.no_pdf)
    if options.command == "new":
        from dateline.cli.new import new

        return new(options.headline, options.timeline, options.dateline, options.content,
                   options.published)
    if options.command == "import":
        from dateline.cli.importing import import_copy

        return import_copy(options.sources, options.content, options.timeline, options.published)
    if options.command == "init":
        from dateline.cli.init import init

        return init(options.folder, _program_name())
    if options.command == "annotate":
        from dateline.cli.annotate import annotate

        return annotate(options.corpus, options.out, options.output_format, options.engine,
                        options.scheduler, options.jobs)
    if options.command == "suggest":
        from dateline.cli.suggest import suggest

        return suggest(options.file, options.write)
    from dateline.cli.build import build

    return build(options.content, options.out, pdf=not options.no_pdf, jobs=options.jobs,
                 engine=options.engine, scheduler=options.scheduler)
