"""`build.py` (build): one build into the output folder, reported on the terminal."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dateline.cli.report import with_source_lines
from dateline.errors import TemplateProblem, format_report


def build(content: Path, out: Path, pdf: bool, jobs: int | None = None) -> int:
    return 1 if build_and_write(content, out, pdf, jobs) else 0


def build_and_write(content: Path, out: Path, pdf: bool, jobs: int | None = None) -> str | None:
    """One build, reported on the terminal; returns what went wrong, or None."""
    from dateline.engine.cache import cache_dir_for, trusted_cache_dir
    from dateline.engine.guard import build_lock
    from dateline.engine.parallel import default_jobs
    from dateline.engine.pipeline import build as build_into
    from dateline.engine.pipeline import check_output_place, display_path
    from dateline.engine.write import WriteError, write_error

    if pdf:
        from dateline.render.pdf import pdf_unavailable

        missing = pdf_unavailable()
        if missing:
            print(
                f"warning: PDF briefs skipped: WeasyPrint cannot run here ({missing}); install "
                "Pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0) or use --no-pdf",
                file=sys.stderr,
            )
            pdf = False
    place = Path(os.path.normpath(out.absolute()))  # "site/.." names the folder it means
    cache_dir = cache_dir_for(place)
    try:
        check_output_place(content, place)  # before anything is made, the cache folder included
        cache, distrust = trusted_cache_dir(cache_dir)
        if distrust:
            print(distrust, file=sys.stderr)
        with build_lock(place):
            written, errors = build_into(content, place, pdf, jobs or default_jobs(), cache)
    except TemplateProblem as problem:
        message = format_report([problem.at(display_path(Path(problem.path))).as_error()])
    except WriteError as problem:
        message = f"error: {problem}"
    except OSError as problem:  # a worker could not write its files into the staging directory
        message = f"error: {write_error(place, problem)}"
    else:
        if written is not None and not errors:
            print(f"built {written.files} files into {out} ({written.changed} changed)")
            return None
        message = format_report(with_source_lines(errors))
    print(message, file=sys.stderr)
    return message
