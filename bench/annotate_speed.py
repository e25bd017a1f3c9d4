"""How fast `dateline annotate` finds and resolves every date of a corpus, on this machine's
worker processes and on a Dask LocalCluster of two worker processes, and what a Dask task costs.

    python bench/annotate_speed.py                  # 2,000 generated articles as JSON lines
    python bench/annotate_speed.py --articles 500 --repeat 1

The corpus is shared/bench/gen_corpus.py's (cached under bench/out/), each article's body one
JSON line `{"id", "text", "ref"}` with its own reference date. Each engine annotates the whole
corpus through the same functions `dateline annotate` calls (reading the lines from a file,
writing JSON lines to a file), after a warm-up, best of `--repeat` runs; every engine must give
the same bytes. The task overhead is the wall time per task of many tasks that do nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import OUT, corpus  # noqa: E402
from dateline.authoring.annotate import lines_as_json  # noqa: E402
from dateline.engine.annotate import (  # noqa: E402
    JsonLinesWriter,
    annotate,
    dask_map,
    jsonl_partitions,
    local_map,
)
from dateline.load.article import load_article  # noqa: E402

Mapper = Callable[[Any, Iterable[list[Any]]], Iterator[Any]]
EMPTY_TASKS = 2_000


def corpus_lines(articles: int) -> Path:
    """The generated articles as JSON lines (cached beside the corpus)."""
    found = corpus(articles)
    path = OUT / f"annotate-{articles}.jsonl"
    if path.is_file():
        return path
    with path.open("w", encoding="utf-8") as out:
        for source in sorted(found.content.glob("*.md")):
            article, errors = load_article(source.name, source.read_bytes())
            assert article is not None and not errors, errors
            line = {"id": source.name, "text": article.body, "ref": str(article.reference)}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


Run = tuple[float, float, int, int]  # wall seconds, this process's CPU seconds, documents, dates


def run(lines: Path, mapper: Mapper, out: Path) -> Run:
    """One pass over the corpus."""
    started, cpu = time.perf_counter(), time.process_time()
    with lines.open("rb") as source, out.open("wb") as sink:
        tally = annotate(jsonl_partitions(source), lines_as_json, mapper,
                         JsonLinesWriter(sink), str(lines), 0)
    assert tally.problem_count == 0
    wall = time.perf_counter() - started
    return wall, time.process_time() - cpu, tally.documents, tally.dates


def best(lines: Path, mapper: Mapper, out: Path, repeat: int) -> Run:
    run(lines, mapper, out)  # warm-up: imports, compiled patterns, worker start
    return min(run(lines, mapper, out) for _ in range(repeat))


def task_overhead(client: Any) -> tuple[float, float]:
    """Wall seconds per task of EMPTY_TASKS tasks that do nothing: submitted all at once with
    `client.map`, and through annotate's windows of `dask.bag` partitions."""
    from dateline.engine.dask_workers import map_partitions

    started = time.perf_counter()
    client.gather(client.map(_nothing, range(EMPTY_TASKS), pure=False))
    mapped = (time.perf_counter() - started) / EMPTY_TASKS
    started = time.perf_counter()
    for _ in map_partitions(client, _echo, ([n] for n in range(EMPTY_TASKS))):
        pass
    windowed = (time.perf_counter() - started) / EMPTY_TASKS
    return mapped, windowed


def _nothing(item: int) -> int:
    return item


def _echo(partition: Sequence[int]) -> list[int]:
    return list(partition)


def report(name: str, measured: Run) -> None:
    seconds, cpu, documents, dates = measured
    print(f"{name:<34} {seconds:8.2f} s {documents / seconds:10,.0f} documents/s "
          f"{dates / seconds:10,.0f} dates/s   (client CPU {cpu:.2f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args()
    lines = corpus_lines(options.articles)
    size = lines.stat().st_size
    print(f"corpus: {options.articles} articles, {size / 1e6:.1f} MB of JSON lines; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start")
    outputs: dict[str, bytes] = {}
    for jobs in (1, 2):
        out = OUT / f"annotate-local-{jobs}.jsonl"

        def local(stage: Any, parts: Iterable[list[Any]], jobs: int = jobs) -> Iterator[Any]:
            return local_map(stage, parts, jobs)

        measured = best(lines, local, out, options.repeat)
        report(f"local, {jobs} process{'es' if jobs > 1 else ''}", measured)
        outputs[f"local {jobs}"] = out.read_bytes()

    from distributed import Client, LocalCluster

    started = time.perf_counter()
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                     host="127.0.0.1") as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        print(f"LocalCluster of 2 workers started in {time.perf_counter() - started:.2f} s")
        out = OUT / "annotate-dask.jsonl"
        measured = best(lines, dask_map(client), out, options.repeat)
        report("dask, LocalCluster of 2 workers", measured)
        outputs["dask"] = out.read_bytes()
        mapped, windowed = task_overhead(client)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"overhead per task: {mapped * 1e3:.2f} ms (client.map of {EMPTY_TASKS} empty tasks), "
          f"{windowed * 1e3:.2f} ms (annotate's windows of dask.bag partitions)")
    same = len(set(outputs.values())) == 1
    print("every engine wrote the same bytes" if same else "ENGINES DISAGREE")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
