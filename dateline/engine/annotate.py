"""`annotate`'s disk side: a corpus read in partitions, the dates stage mapped over them by the
chosen engine, and the dates written as JSON lines or Parquet, in input order.

The corpus is read lazily, a partition of lines (or of article files) at a time, and the
engines hold a bounded number of partitions, so memory does not grow with the corpus. This
process reads the input and writes the output itself: a cluster's workers need no access to
either, and stdin and stdout work as well as files.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from dateline.authoring.annotate import (
    Annotated,
    Annotation,
    ArticleFile,
    NumberedLine,
    Problem,
    annotate_articles,
    annotate_lines,
    json_line,
)
from dateline.engine.parallel import MIN_ITEMS_FOR_POOL, Workers

if TYPE_CHECKING:
    from distributed import Client

LINES_PER_PARTITION = 500
ARTICLES_PER_PARTITION = 100
PARTITIONS_PER_JOB = 4  # the local engine's window: a few partitions per process
OutputFormat = Literal["jsonl", "parquet"]
Stage = Callable[[Sequence[Any]], Annotated]


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
) -> Iterator[Annotated]:
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


def dask_map(client: Client) -> Callable[[Stage, Iterable[list[Any]]], Iterator[Annotated]]:
    from dateline.engine.dask_workers import map_partitions

    def mapped(stage: Stage, partitions: Iterable[list[Any]]) -> Iterator[Annotated]:
        return map_partitions(client, stage, partitions)

    return mapped


class JsonLinesWriter:
    """One JSON object a line, UTF-8."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out

    def write(self, found: Annotated) -> None:
        if found:
            self.out.write(_utf8_lines(found))

    def close(self) -> None:
        self.out.flush()


def _utf8_lines(found: Annotated) -> bytes:
    """The lines as UTF-8; a lone surrogate (JSON allows "\\ud800") has no UTF-8 form, so a line
    holding one is written with JSON's \\u escapes instead."""
    text = "".join(json_line(item) + "\n" for item in found)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return b"".join(
            (json.dumps(json.loads(json_line(item))) + "\n").encode("ascii") for item in found
        )


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
    mapper: Callable[[Stage, Iterable[list[Any]]], Iterator[Annotated]],
    writer: JsonLinesWriter | ParquetWriter,
    source: str,
    shown_problems: int,
) -> Tally:
    """Map the stage over the corpus and write the results in input order; problems are
    written too, and the first `shown_problems` are kept, located, for the terminal."""
    tally = Tally()
    counted = _counted(partitions, tally)
    try:
        for found in mapper(stage, counted):
            writer.write(found)
            for item in found:
                if isinstance(item, Annotation):
                    tally.dates += 1
                    continue
                tally.problem_count += 1
                if len(tally.problems) < shown_problems:
                    where = f"{source}:{item.line}: " if item.line is not None else ""
                    tally.problems.append(where + item.message)
    finally:
        writer.close()
    return tally


def _counted(partitions: Iterable[list[Any]], tally: Tally) -> Iterator[list[Any]]:
    for partition in partitions:
        tally.documents += len(partition)
        yield partition


def stage_for(folder: bool) -> Stage:
    return annotate_articles if folder else annotate_lines
