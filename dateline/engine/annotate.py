"""`annotate`'s disk side: a corpus read in partitions, the dates stage mapped over them by the
chosen engine, and the dates written as JSON lines or Parquet, in input order.

The corpus is read lazily, a partition of lines (or of article files) at a time, and the
engines hold a bounded number of partitions, so memory does not grow with the corpus. This
process reads the input and writes the output itself: a cluster's workers need no access to
either, and stdin and stdout work as well as files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from dateline.authoring.annotate import (
    Annotated,
    Annotation,
    ArticleFile,
    Encoded,
    NumberedLine,
    Problem,
    annotate_articles,
    annotate_lines,
    articles_as_json,
    lines_as_json,
)
from dateline.engine.parallel import MIN_ITEMS_FOR_POOL, Workers

if TYPE_CHECKING:
    from distributed import Client

LINES_PER_PARTITION = 100
ARTICLES_PER_PARTITION = 50
PARTITIONS_PER_JOB = 4  # the local engine's window: a few partitions per process
OutputFormat = Literal["jsonl", "parquet"]
Stage = Callable[[Sequence[Any]], Annotated | Encoded]


class ParquetUnavailable(Exception):
    """Parquet asked for where pyarrow is not installed."""


@dataclass
class Tally:
    """What a run found, for the summary line and the exit code."""

    documents: int = 0
    dates: int = 0
    problems: list[str] = field(default_factory=list)
    problem_count: int = 0


def jsonl_partitions(lines: BinaryIO) -> Iterator[list[NumberedLine]]:
    """The input's lines with their 1-based numbers, a partition at a time; a blank line is
    skipped (a corpus may end with one)."""
    partition: list[NumberedLine] = []
    for number, line in enumerate(lines, start=1):
        line = line.rstrip(b"\r\n")
        if not line.strip():
            continue
        partition.append((number, line))
        if len(partition) >= LINES_PER_PARTITION:
            yield partition
            partition = []
    if partition:
        yield partition


def article_partitions(folder: Path, shown: str) -> Iterator[list[ArticleFile]]:
    """The folder's articles (`*.md`, not starting with `_` or `.`), by name, a partition at a
    time; each named as `shown/name`, the way errors name it."""
    names = sorted(
        entry.name for entry in os.scandir(folder)
        if entry.name.endswith(".md") and not entry.name.startswith(("_", ".")) and entry.is_file()
    )
    prefix = "" if shown == "." else f"{shown.rstrip('/')}/"
    for start in range(0, len(names), ARTICLES_PER_PARTITION):
        partition = []
        for name in names[start : start + ARTICLES_PER_PARTITION]:
            with open(folder / name, "rb") as handle:
                partition.append((prefix + name, handle.read()))
        yield partition


def local_map(
    stage: Stage, partitions: Iterable[list[Any]], jobs: int
) -> Iterator[Annotated | Encoded]:
    """`stage` over the partitions in this process and `jobs - 1` worker processes, a window
    of partitions at a time, in order."""
    with Workers(jobs) as workers:
        window: list[list[Any]] = []
        for partition in partitions:
            window.append(partition)
            if len(window) >= jobs * PARTITIONS_PER_JOB:
                workers.start(MIN_ITEMS_FOR_POOL)
                yield from workers.run(stage, window)
                window = []
        if window:
            if len(window) > 1:
                workers.start(MIN_ITEMS_FOR_POOL)
            yield from workers.run(stage, window)


def dask_map(
    client: Client,
) -> Callable[[Stage, Iterable[list[Any]]], Iterator[Annotated | Encoded]]:
    from dateline.engine.dask_workers import map_partitions

    def mapped(stage: Stage, partitions: Iterable[list[Any]]) -> Iterator[Annotated | Encoded]:
        return map_partitions(client, stage, partitions)

    return mapped


class JsonLinesWriter:
    """One JSON object a line, UTF-8, as the stage encoded them."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out

    def write(self, found: Encoded) -> None:
        self.out.write(found.lines)

    def close(self) -> None:
        self.out.flush()


PARQUET_COLUMNS = (
    ("id", "string"), ("line", "int64"), ("offset", "int64"), ("end_offset", "int64"),
    ("text", "string"), ("start", "string"), ("end", "string"), ("granularity", "string"),
    ("approximate", "bool"), ("timex", "string"), ("explanation", "string"), ("error", "string"),
)


def parquet_writer(path: Path) -> ParquetWriter:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ParquetUnavailable(
            "Parquet output needs pyarrow, which is not installed here: pip install pyarrow, "
            "or write JSON lines (--format jsonl)"
        ) from None
    return ParquetWriter(path)


class ParquetWriter:
    """One row per date, and one per problem (its `error` set, the date columns empty), written
    a row group per partition; ids are written as text."""

    def __init__(self, path: Path) -> None:
        import pyarrow
        import pyarrow.parquet

        self.pyarrow = pyarrow
        self.schema = pyarrow.schema(
            [(name, pyarrow.type_for_alias(kind)) for name, kind in PARQUET_COLUMNS]
        )
        self.writer = pyarrow.parquet.ParquetWriter(str(path), self.schema)

    def write(self, found: Annotated) -> None:
        if not found:
            return
        columns: dict[str, list[object]] = {name: [] for name, _ in PARQUET_COLUMNS}
        for item in found:
            row = _parquet_row(item)
            for name, _ in PARQUET_COLUMNS:
                columns[name].append(row.get(name))
        self.writer.write_table(self.pyarrow.table(columns, schema=self.schema))

    def close(self) -> None:
        self.writer.close()


def _parquet_row(item: Annotation | Problem) -> dict[str, object]:
    if isinstance(item, Problem):
        ident = None if item.id is None else str(item.id)
        return {"id": ident, "line": item.line, "error": item.message}
    row: dict[str, object] = item._asdict()
    row["id"] = str(item.id)
    return row


def annotate(
    partitions: Iterable[list[Any]],
    stage: Stage,
    mapper: Callable[[Stage, Iterable[list[Any]]], Iterator[Annotated | Encoded]],
    writer: JsonLinesWriter | ParquetWriter,
    source: str,
    shown_problems: int,
) -> Tally:
    """Map the stage over the corpus and write the results in input order; problems are
    written too, and the first `shown_problems` are kept, located, for the terminal. The
    stage must be the writer's: `stage_for` gives it."""
    tally = Tally()
    counted = _counted(partitions, tally)
    try:
        for found in mapper(stage, counted):
            if isinstance(found, Encoded):
                assert isinstance(writer, JsonLinesWriter)
                writer.write(found)
                dates, problems = found.dates, found.problems
            else:
                assert isinstance(writer, ParquetWriter)
                writer.write(found)
                problems = tuple(item for item in found if isinstance(item, Problem))
                dates = len(found) - len(problems)
            tally.dates += dates
            tally.problem_count += len(problems)
            for item in problems[: max(0, shown_problems - len(tally.problems))]:
                where = f"{source}:{item.line}: " if item.line is not None else ""
                tally.problems.append(where + item.message)
    finally:
        writer.close()
    return tally


def _counted(partitions: Iterable[list[Any]], tally: Tally) -> Iterator[list[Any]]:
    for partition in partitions:
        tally.documents += len(partition)
        yield partition


def stage_for(folder: bool, parquet: bool) -> Stage:
    """The stage for the input and the writer: records for Parquet, encoded lines for JSON."""
    if parquet:
        return annotate_articles if folder else annotate_lines
    return articles_as_json if folder else lines_as_json
