"""`--engine dask` on a LocalCluster of two worker processes (loopback only): the same site bytes
and the same annotation lines as the local engine, even when a worker dies in the middle."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from distributed import Client, LocalCluster, WorkerPlugin
from distributed.utils import key_split

from dateline.cli.main import main
from tests.conftest import SITE_YAML, article

ARTICLES = 40


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """One cluster for the module: two single-threaded worker processes, no dashboard."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        host="127.0.0.1",
    ) as cluster:
        yield cluster.scheduler_address


class KillOnFirstTask(WorkerPlugin):
    """Ends its worker process abruptly when a task of `stage` starts, once across the
    cluster: the first worker to create `marker` dies, and Dask must run the task again."""

    def __init__(self, stage: str, marker: str) -> None:
        self.stage = stage
        self.marker = marker

    def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
        if finish != "executing" or key_split(key) != self.stage:
            return
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        os._exit(1)


def kill_first(scheduler: str, stage: str, marker: Path) -> Iterator[None]:
    with Client(scheduler, set_as_default=False) as client:
        client.register_plugin(KillOnFirstTask(stage, str(marker)), name="kill")
        try:
            yield
        finally:
            client.unregister_worker_plugin("kill")


def write_site(root: Path) -> Path:
    """A site of ARTICLES articles across two timelines, with anchored and merged events."""
    content = root / "content"
    content.mkdir(parents=True)
    (content / "site.yaml").write_text(
        SITE_YAML + "  talks:\n    title: The talks\n", encoding="utf-8"
    )
    for number in range(ARTICLES):
        day = 1 + number % 28
        events = (
            f"  - id: summit-{number % 2}\n    when: March 3, 2024\n    what: The summit.\n"
            f"  - id: strike-{number}\n    when: Tuesday\n    what: Strike {number}.\n"
            f"  - id: reply-{number}\n    when: two days later\n    anchor: strike-{number}\n"
            f"    what: Reply {number}.\n"
        )
        text = article(
            events, dateline=f"Baghdad [Iraq], February {day}", published=f"2024-02-{day:02d}",
            timeline="war" if number % 2 else "talks",
            body=f"Report {number}: aircraft struck on Tuesday; talks resume on March 3.\n",
        )
        (content / f"2024-02-{day:02d}-report-{number}.md").write_text(text, encoding="utf-8")
    return content


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def build(content: Path, out: Path, *engine: str) -> dict[str, bytes]:
    assert main(["build", "--content", str(content), "--out", str(out), "--no-pdf", *engine]) == 0
    return tree(out)


@pytest.fixture(scope="module")
def local_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    root = tmp_path_factory.mktemp("local")
    content = write_site(root)
    return content, build(content, root / "site", "--jobs", "1")


def test_build_on_dask_writes_the_same_bytes_as_local(
    scheduler: str, local_site: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    content, local = local_site
    on_dask = build(content, tmp_path / "site", "--engine", "dask", "--scheduler", scheduler)
    assert len(local) > ARTICLES
    assert on_dask == local


def test_a_worker_killed_mid_build_still_gives_the_whole_site(
    scheduler: str, local_site: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    content, local = local_site
    marker = tmp_path / "killed"
    for _ in kill_first(scheduler, "make_pages", marker):
        on_dask = build(content, tmp_path / "site", "--engine", "dask", "--scheduler", scheduler)
    assert marker.exists(), "a worker was killed while it made article pages"
    assert on_dask == local


LINES_PER_PARTITION = 40
CORPUS_LINES = 123  # four partitions, the last one short


@pytest.fixture(scope="module", autouse=True)
def small_partitions() -> Iterator[None]:
    """Partitions of a few lines, so that a small corpus is still several tasks."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("dateline.engine.annotate.LINES_PER_PARTITION", LINES_PER_PARTITION)
        yield


def write_corpus(path: Path) -> None:
    lines = []
    for number in range(1, CORPUS_LINES + 1):
        if number % 40 == 0:
            lines.append("{not json")
        else:
            lines.append(
                f'{{"id": "story-{number}", "ref": "2024-01-24", "text": '
                f'"Talks began last Tuesday and resume on {1 + number % 28} March."}}'
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def local_annotations(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    root = tmp_path_factory.mktemp("annotate")
    corpus = root / "corpus.jsonl"
    write_corpus(corpus)
    out = root / "local.jsonl"
    assert main(["annotate", str(corpus), "--out", str(out), "--jobs", "1"]) == 1
    return corpus, out.read_bytes()


def test_annotate_on_dask_writes_the_same_lines_as_local(
    scheduler: str, local_annotations: tuple[Path, bytes], tmp_path: Path
) -> None:
    corpus, local = local_annotations
    out = tmp_path / "dask.jsonl"
    code = main(["annotate", str(corpus), "--out", str(out), "--engine", "dask",
                 "--scheduler", scheduler])
    lines = out.read_bytes().splitlines()
    assert code == 1  # three bad lines
    assert lines[:2] == [
        b'{"id": "story-1", "offset": 12, "end_offset": 24, "text": "last Tuesday", '
        b'"start": "2024-01-23", "end": "2024-01-23", "granularity": "day", '
        b'"approximate": false, "timex": "2024-01-23", "explanation": "last Tuesday: the latest '
        b'Tuesday strictly before the reference, Wed 24 Jan 2024"}',
        b'{"id": "story-1", "offset": 39, "end_offset": 46, "text": "2 March", '
        b'"start": "2024-03-02", "end": "2024-03-02", "granularity": "day", '
        b'"approximate": false, "timex": "2024-03-02", "explanation": "2 March: the March 2 '
        b'closest to the reference, Wed 24 Jan 2024"}',
    ]
    assert [line for line in lines if b'"error"' in line] == [
        b'{"line": %d, "error": "not a JSON object: Expecting property name enclosed in double '
        b'quotes at column 2; write each line as one JSON object"}' % number
        for number in (40, 80, 120)
    ]
    assert len(lines) == 2 * (CORPUS_LINES - 3) + 3
    assert out.read_bytes() == local


def test_a_worker_killed_mid_annotate_still_gives_every_line(
    scheduler: str, local_annotations: tuple[Path, bytes], tmp_path: Path
) -> None:
    corpus, local = local_annotations
    marker = tmp_path / "killed"
    out = tmp_path / "dask.jsonl"
    for _ in kill_first(scheduler, "lines_as_json", marker):
        code = main(["annotate", str(corpus), "--out", str(out), "--engine", "dask",
                     "--scheduler", scheduler])
    assert code == 1  # the three bad lines
    assert marker.exists(), "a worker was killed while it annotated"
    assert out.read_bytes() == local


def test_the_corpus_is_read_a_window_at_a_time(scheduler: str) -> None:
    """Memory stays bounded: the first results arrive with only two windows of partitions
    read, from a corpus that never ends."""
    from dateline.authoring.annotate import lines_as_json
    from dateline.engine.annotate import dask_map
    from dateline.engine.dask_workers import MAX_PARTITIONS_PER_WINDOW

    read = 0

    def endless() -> Iterator[list[tuple[int, bytes]]]:
        nonlocal read
        while True:
            read += 1
            yield [(read, b'{"id": 1, "text": "Tuesday", "ref": "2024-01-24"}')]

    with Client(scheduler, set_as_default=False) as client:
        results = dask_map(client)(lines_as_json, endless())
        first = next(results)
        results.close()
    assert first.dates == 1
    assert read <= 2 * min(2 * 8, MAX_PARTITIONS_PER_WINDOW)  # two windows, 2 threads × 8
