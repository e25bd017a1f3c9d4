"""`build.py` (build): one build into the output folder, reported on the terminal."""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.errors import TemplateProblem, format_report

if TYPE_CHECKING:
    from dateline.engine.parallel import Workers


def build(
    content: Path, out: Path, pdf: bool, jobs: int | None = None, engine: str = "local",
    scheduler: str | None = None,
) -> int:
    if scheduler is not None and engine != "dask":
        print("error: --scheduler is for --engine dask", file=sys.stderr)
        return 1
    return 1 if build_and_write(content, out, pdf, jobs, engine, scheduler) else 0


def build_and_write(
    content: Path, out: Path, pdf: bool, jobs: int | None = None, engine: str = "local",
    scheduler: str | None = None,
) -> str | None:
    """One build, reported on the terminal; returns what went wrong, or None. With the dask
    engine, articles are loaded and article pages made as tasks on a Dask cluster."""
    from dateline.engine.cache import cache_dir_for, trusted_cache_dir
    from dateline.engine.dask_workers import DaskUnavailable
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
        with ExitStack() as stack:
            workers = _dask_workers(stack, scheduler) if engine == "dask" else None
            stack.enter_context(build_lock(place))
            written, errors = build_into(
                content, place, pdf, jobs or default_jobs(), cache, workers
            )
    except DaskUnavailable as problem:
        message = f"error: {problem}"
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
        message = format_report(errors)
    print(message, file=sys.stderr)
    return message


def _dask_workers(stack: ExitStack, scheduler: str | None) -> Workers:
    from dateline.engine.dask_workers import DaskWorkers, dask_client

    return DaskWorkers(stack.enter_context(dask_client(scheduler)))
