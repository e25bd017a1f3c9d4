"""`dateline annotate` on this machine: every date of a corpus as one record, in input order,
with a located error record for each line it cannot read."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.cli.main import main
from tests.conftest import article

ROOT = Path(__file__).resolve().parent.parent

TUESDAY = {
    "id": "a", "offset": 16, "end_offset": 28, "text": "last Tuesday", "start": "2024-01-23",
    "end": "2024-01-23", "granularity": "day", "approximate": False, "timex": "2024-01-23",
    "explanation": "last Tuesday: the latest Tuesday strictly before the reference, "
    "Wed 24 Jan 2024",
}


def annotate(tmp_path: Path, corpus: bytes, *extra: str) -> tuple[int, list[dict[str, object]]]:
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(corpus)
    out = tmp_path / "dates.jsonl"
    code = main(["annotate", str(source), "--out", str(out), *extra])
    return code, [json.loads(line) for line in out.read_bytes().splitlines()]


def test_each_date_is_one_record_with_its_offsets_and_reading(tmp_path: Path) -> None:
    corpus = (
        b'{"id": "a", "text": "The talks began last Tuesday.", "ref": "2024-01-24"}\n'
        b'{"id": 7, "text": "Nothing dated here.", "ref": "2024-01-24"}\n'
        b'{"id": 8, "text": "Two days later it ended.", "ref": "2024-01-24"}\n'
    )
    code, records = annotate(tmp_path, corpus)
    assert code == 0
    assert records == [TUESDAY, {
        "id": 8, "offset": 0, "end_offset": 14, "text": "Two days later", "start": None,
        "end": None, "granularity": None, "approximate": None, "timex": None,
        "explanation": "counts from another event: resolve it with that event's date as the "
        "anchor",
    }]


def test_a_bad_line_gives_a_located_error_record_and_the_rest_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = (
        b"[1, 2]\n"
        b'{"id": "x", "text": "on Monday", "ref": "24 Jan"}\n'
        b"\xff\xfe\n"
        b'{"text": "Monday"}\n'
        b"\n"
        b'{"id": "a", "text": "The talks began last Tuesday.", "ref": "2024-01-24"}\n'
    )
    code, records = annotate(tmp_path, corpus)
    assert code == 1
    assert records == [
        {"line": 1, "error": "not a JSON object but an array; write each line as one JSON object"},
        {"line": 2, "id": "x", "error": '"ref" must be a date written YYYY-MM-DD, not "24 Jan"'},
        {"line": 3, "error": "not UTF-8 text: byte 0xff at offset 0; write the input as UTF-8"},
        {"line": 4, "error": '"id" must be a string or an integer'},
        TUESDAY,
    ]
    err = capsys.readouterr().err
    assert "corpus.jsonl:3: not UTF-8 text: byte 0xff at offset 0; write the input as UTF-8" in err
    assert "Traceback" not in err
    assert "annotated 5 documents: 1 dates, 4 problems" in err


def test_worker_processes_keep_the_input_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dateline.engine.annotate.LINES_PER_PARTITION", 3)
    lines = [
        json.dumps({"id": n, "text": f"It happened on {1 + n % 28} March.", "ref": "2024-01-24"})
        for n in range(60)
    ]
    corpus = ("\n".join(lines) + "\n").encode()
    code, records = annotate(tmp_path, corpus, "--jobs", "2")
    assert code == 0
    assert [(r["id"], r["start"]) for r in records] == [
        (n, f"2024-03-{1 + n % 28:02d}") for n in range(60)
    ]


def test_a_folder_of_articles_is_annotated_by_file(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    body = "Aircraft struck on Tuesday.\n"
    (content / "2024-01-24-iraq.md").write_text(
        article("  - id: strike\n    when: Tuesday\n    what: A strike.\n", body=body)
    )
    (content / "_draft.md").write_text("not an article")
    (content / "broken.md").write_text("no front matter")
    out = tmp_path / "dates.jsonl"
    code = main(["annotate", str(content), "--out", str(out)])
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert code == 1
    assert records[0]["id"].endswith("content/2024-01-24-iraq.md")
    assert {key: records[0][key] for key in ("offset", "end_offset", "text", "start")} == {
        "offset": 19, "end_offset": 26, "text": "Tuesday", "start": "2024-01-23"
    }
    assert len(records) == 2 and records[1]["id"].endswith("content/broken.md")
    assert records[1]["error"].startswith(records[1]["id"] + ":1:")


def test_stdin_to_stdout(tmp_path: Path) -> None:
    corpus = b'{"id": "a", "text": "The talks began last Tuesday.", "ref": "2024-01-24"}\n'
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "annotate"], input=corpus, capture_output=True,
        cwd=ROOT, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == [TUESDAY]


def test_parquet_holds_the_same_records(tmp_path: Path) -> None:
    import pyarrow.parquet

    corpus = (
        b'{"id": "a", "text": "The talks began last Tuesday.", "ref": "2024-01-24"}\n'
        b"oops\n"
    )
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(corpus)
    assert main(["annotate", str(source), "--out", str(tmp_path / "dates.parquet")]) == 1
    rows = pyarrow.parquet.read_table(tmp_path / "dates.parquet").to_pylist()
    assert rows == [
        {**TUESDAY, "line": None, "error": None},
        {key: None for key in TUESDAY} | {
            "line": 2,
            "error": "not a JSON object: Expecting value at column 1; write each line as one "
                     "JSON object",
        },
    ]


def test_parquet_without_pyarrow_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(b'{"id": "a", "text": "Tuesday", "ref": "2024-01-24"}\n')
    code = main(["annotate", str(source), "--format", "parquet", "--out", str(tmp_path / "x")])
    assert code == 1
    assert "Parquet output needs pyarrow" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("command", ["annotate", "build"])
def test_the_dask_engine_without_dask_says_what_to_install(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(b'{"id": "a", "text": "Tuesday", "ref": "2024-01-24"}\n')
    target = [str(source)] if command == "annotate" else [
        "--content", str(ROOT / "content"), "--out", str(tmp_path / "site"), "--no-pdf"
    ]
    assert main([command, *target, "--engine", "dask"]) == 1
    err = capsys.readouterr().err
    assert "--engine dask needs Dask" in err and "pip install 'dateline[dask]'" in err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler is for --engine dask"),
        (["--format", "parquet"], "Parquet output needs a file: add --out FILE.parquet"),
    ],
)
def test_options_that_cannot_work_are_refused_up_front(
    arguments: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "corpus.jsonl"
    source.write_bytes(b'{"id": "a", "text": "Tuesday", "ref": "2024-01-24"}\n')
    assert main(["annotate", str(source), *arguments]) == 1
    assert capsys.readouterr().err == f"error: {message}\n"


def test_a_missing_corpus_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", str(tmp_path / "nothere.jsonl")]) == 1
    assert capsys.readouterr().err.endswith("nothere.jsonl: no such file or folder\n")


def test_the_local_engine_reads_the_corpus_a_window_at_a_time() -> None:
    from dateline.authoring.annotate import lines_as_json
    from dateline.engine.annotate import PARTITIONS_PER_JOB, local_map

    read = 0

    def endless() -> Iterator[list[tuple[int, bytes]]]:
        nonlocal read
        while True:
            read += 1
            yield [(read, b'{"id": 1, "text": "Tuesday", "ref": "2024-01-24"}')]

    results = local_map(lines_as_json, endless(), 1)
    next(results)
    results.close()
    assert read == PARTITIONS_PER_JOB
