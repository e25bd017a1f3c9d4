"""`dateline annotate`: every date of a corpus, found and resolved, one record per date.

The corpus is JSON lines `{"id", "text", "ref"}` (a file, or stdin when none is named) or a
folder of articles; the records are JSON lines (stdout, or `--out`) or Parquet. The work runs
in this machine's worker processes (`--engine local`) or on a Dask cluster (`--engine dask`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

SHOWN_PROBLEMS = 10


def annotate(
    corpus: Path | None,
    out: Path | None,
    output_format: str | None,
    engine: str,
    scheduler: str | None,
    jobs: int | None,
) -> int:
    from dateline.engine.annotate import (
        ParquetUnavailable,
        article_partitions,
        jsonl_partitions,
        local_map,
        stage_for,
    )
    from dateline.engine.dask_workers import DaskUnavailable
    from dateline.engine.parallel import default_jobs
    from dateline.engine.pipeline import display_path

    wanted = output_format or ("parquet" if out and out.suffix == ".parquet" else "jsonl")
    if wanted == "parquet" and out is None:
        return _refuse("Parquet output needs a file: add --out FILE.parquet")
    if scheduler is not None and engine != "dask":
        return _refuse("--scheduler is for --engine dask")
    if corpus is not None and not corpus.exists():
        return _refuse(f"{corpus}: no such file or folder")
    folder = corpus is not None and corpus.is_dir()
    source = display_path(corpus) if corpus is not None else "<stdin>"
    with ExitStack() as stack:
        try:
            if folder:
                assert corpus is not None
                partitions: Iterable[list[Any]] = article_partitions(corpus, source)
            else:
                stream: BinaryIO = (
                    stack.enter_context(corpus.open("rb")) if corpus else sys.stdin.buffer
                )
                partitions = jsonl_partitions(stream)
            mapper: Callable[[Any, Iterable[list[Any]]], Iterator[Any]]
            if engine == "dask":
                from dateline.engine.annotate import dask_map
                from dateline.engine.dask_workers import dask_client

                mapper = dask_map(stack.enter_context(dask_client(scheduler)))
            else:
                processes = jobs or default_jobs()

                def mapper(stage: Any, parts: Iterable[list[Any]]) -> Iterator[Any]:
                    return local_map(stage, parts, processes)

            from dateline.engine.annotate import annotate as run

            writer = _writer(stack, wanted, out)

            stage = stage_for(folder, wanted == "parquet")
            tally = run(partitions, stage, mapper, writer, source, SHOWN_PROBLEMS)
        except (DaskUnavailable, ParquetUnavailable) as problem:
            return _refuse(str(problem))
        except OSError as problem:
            name = problem.filename or source
            return _refuse(f"{name}: {problem.strerror or problem}")
    for message in tally.problems:
        print(f"error: {message}", file=sys.stderr)
    more = tally.problem_count - len(tally.problems)
    if more:
        print(f"... and {more} more (each is an \"error\" record of the output)", file=sys.stderr)
    kind = "articles" if folder else "documents"
    problems = f", {tally.problem_count} problems" if tally.problem_count else ""
    print(f"annotated {tally.documents} {kind}: {tally.dates} dates{problems}", file=sys.stderr)
    return 1 if tally.problem_count else 0


def _writer(stack: ExitStack, wanted: str, out: Path | None) -> Any:
    from dateline.engine.annotate import JsonLinesWriter, parquet_writer

    if wanted == "parquet":
        assert out is not None
        return parquet_writer(out)
    return JsonLinesWriter(stack.enter_context(out.open("wb")) if out else sys.stdout.buffer)


def _refuse(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1
