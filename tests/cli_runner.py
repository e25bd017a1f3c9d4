"""Run a dateline command as typed on a terminal, inside the test's process.

`python build.py`, `python -m dateline` and the installed `dateline` all call `main(argv)`; this
calls it too, with the command's own standard streams, working folder and program name, so a
test sees the exit code and the text a user would. Only the interpreter's start is skipped,
which is most of the cost of a small build. Tests of what needs a process of its own (the entry
points, a killed or interrupted build, memory limits, `serve`) start one.
"""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from dateline.cli.main import main

BUILD_PY = Path(__file__).resolve().parent.parent / "build.py"


@dataclass(frozen=True)
class Ran:
    """What a finished command left: its exit code and what it printed (like CompletedProcess)."""

    returncode: int
    stdout: str
    stderr: str


def run_dateline(*args: str, cwd: Path, stdin: str | bytes = b"") -> Ran:
    """`python build.py ARGS` run in the folder `cwd`, reading `stdin`."""
    given = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    streams = (sys.stdin, sys.stdout, sys.stderr, sys.argv)
    out, err = _text_stream(), _text_stream()
    sys.stdin = io.TextIOWrapper(io.BytesIO(given), encoding="utf-8")
    sys.stdout, sys.stderr, sys.argv = out, err, [str(BUILD_PY), *args]
    try:
        with contextlib.chdir(cwd):
            code = main(list(args))
    except SystemExit as exit:  # argparse's usage errors and --help end this way
        code = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
    finally:
        sys.stdin, sys.stdout, sys.stderr, sys.argv = streams
    return Ran(code, _read(out), _read(err))


def _text_stream() -> io.TextIOWrapper:
    """A text stream with a byte `buffer` beneath, as the terminal's are."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)


def _read(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")
