"""`resolve --jsonl` answers every input line, in order, whatever its bytes: a bad line gets
`{"error": ...}` and the lines after it are still answered."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli.resolve import answer_line, as_json, read_request

ROOT = Path(__file__).resolve().parents[2]
GOOD_FIRST = b'{"text": "Monday", "ref": "2024-03-13"}'
GOOD_LAST = b'{"text": "Friday", "ref": "2024-03-13", "direction": "future"}'
# (what is wrong, the line, text its error message must hold)
BAD_LINES = (
    ("a lone surrogate", b'{"text": "\\ud800", "ref": "2024-03-13"}', "\ud800"),
    ("JSON nested 5,000 deep", b"[" * 5_000 + b"]" * 5_000, "too deeply"),
    ("a 5,000-digit number", b'{"text": ' + b"9" * 5_000 + b"}", "digits"),
    ("a date past 9999", b'{"text": "tomorrow", "ref": "9999-12-31"}', "1 to 9999"),
    ("a reference past 9999", b'{"text": "today", "ref": "10000-01-01"}', "YYYY-MM-DD"),
    ("invalid UTF-8", b'{"text": "Mon\xffday", "ref": "2024-03-13"}', "UTF-8"),
    ("a line that is not an object", b"[1, 2]", "JSON object"),
    ("an empty line", b"", "empty"),
    ("a line of spaces", b"   ", "empty"),
    ("not JSON", b"Monday", "not a JSON object"),
)


def run_batch(stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "resolve", "--jsonl"],
                          input=stdin, capture_output=True, check=False, timeout=60)


def test_every_bad_line_is_answered_with_an_error_and_the_batch_goes_on() -> None:
    lines = [GOOD_FIRST, *(line for _, line, _ in BAD_LINES), GOOD_LAST]
    result = run_batch(b"\n".join(lines) + b"\n")
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    answers = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(answers) == len(lines)
    assert (answers[0]["start"], answers[0]["end"]) == ("2024-03-11", "2024-03-11")
    assert (answers[-1]["start"], answers[-1]["end"]) == ("2024-03-15", "2024-03-15")
    for (what, _, wanted), answer in zip(BAD_LINES, answers[1:-1], strict=True):
        assert list(answer) == ["error"], what
        assert wanted in answer["error"], (what, answer["error"])


def test_a_last_line_without_a_newline_is_answered() -> None:
    result = run_batch(GOOD_FIRST + b"\n" + GOOD_LAST)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [answer["start"] for answer in answers] == ["2024-03-11", "2024-03-15"]


def test_no_input_gives_no_output() -> None:
    result = run_batch(b"")
    assert (result.returncode, result.stdout) == (0, b"")


def test_a_bad_lines_error_quotes_what_json_found() -> None:
    result = run_batch(b'{"text": "Monday",}\n')
    assert json.loads(result.stdout) == {
        "error": "not a JSON object: Expecting property name enclosed in double quotes at column "
                 "19; write each line as one JSON object"}


@pytest.mark.parametrize("line", [
    b'{"text": "Monday", "ref": "2024-03-13"}', b'{"text": "early March", "ref": "2024-03-13"}',
    b'{"text": "10 days after", "ref": "2024-03-13", "anchor": "2024-03-01..2024-03-02"}',
    b'{"text": "\xc3\xa9t\xc3\xa9 \\"x\\" \\\\ \\t", "ref": "2024-03-13"}', b'{"text": 1}',
    b'{"text": "\\ud800\\u2028", "ref": "2024-03-13"}', b"\xff",
])
def test_each_answer_is_the_text_json_dumps_gives(line: bytes) -> None:
    """The answer line is written directly: it must be what json.dumps writes for the object."""
    answer = read_request(line)
    value = {"error": answer} if isinstance(answer, str) else as_json(answer)
    try:
        expected = json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        expected = json.dumps(value).encode("ascii")
    assert answer_line(line) == expected
