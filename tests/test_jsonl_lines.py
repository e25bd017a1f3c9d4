"""`resolve --jsonl` and `annotate` read their input lines with one decoder: a line that is not
a JSON object gets the same message from both, naming what is wrong, where, and what to do."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
# (what is wrong, the line, the message both commands give)
BAD_LINES = (
    ("invalid UTF-8", b'{"text": "Mon\xffday"}',
     "not UTF-8 text: byte 0xff at offset 13; write the input as UTF-8"),
    ("a trailing comma", b'{"text": "Monday",}',
     "not a JSON object: Expecting property name enclosed in double quotes at column 19; "
     "write each line as one JSON object"),
    ("a bare word", b"Monday",
     "not a JSON object: Expecting value at column 1; write each line as one JSON object"),
    ("an array", b"[1, 2]", "not a JSON object but an array; write each line as one JSON object"),
    ("null", b"null", "not a JSON object but null; write each line as one JSON object"),
    ("JSON nested 5,000 deep", b"[" * 5_000 + b"]" * 5_000,
     "not a JSON object: arrays or objects nested too deeply; "
     "write each line as one JSON object"),
)


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    """Each bad line's message from `resolve --jsonl` and from `annotate`, all lines in one run
    of each command."""
    stdin = b"".join(line + b"\n" for _, line, _ in BAD_LINES)
    resolved = subprocess.run([sys.executable, str(ROOT / "build.py"), "resolve", "--jsonl"],
                              input=stdin, capture_output=True, check=True, timeout=60)
    folder = tmp_path_factory.mktemp("annotate")
    (folder / "corpus.jsonl").write_bytes(stdin)
    assert main(["annotate", str(folder / "corpus.jsonl"), "--out", str(folder / "out")]) == 1
    from_resolve = [json.loads(line)["error"] for line in resolved.stdout.splitlines()]
    from_annotate = [json.loads(line) for line in (folder / "out").read_bytes().splitlines()]
    assert [record["line"] for record in from_annotate] == list(range(1, len(BAD_LINES) + 1))
    return {what: (by_resolve, record["error"]) for (what, _, _), by_resolve, record
            in zip(BAD_LINES, from_resolve, from_annotate, strict=True)}


@pytest.mark.parametrize(("what", "message"),
                         [pytest.param(what, message, id=what) for what, _, message in BAD_LINES])
def test_both_commands_give_a_bad_line_the_same_message(
    answers: dict[str, tuple[str, str]], what: str, message: str
) -> None:
    assert answers[what] == (message, message)
