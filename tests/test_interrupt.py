"""Ctrl-C ends `build` and `serve` with one line and exit code 130, never a traceback, and an
interrupted build leaves the last good site as it was.

Each run is stopped at a known moment: the test waits for a line the process prints when it
gets there (a build is held there by a driver that wraps the function writing each file),
then sends SIGINT."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import MakeContent, article
from tests.test_build import ROOT, listing, run_build

# Runs the command line with each output file's write held until stdin gives a line: the
# build announces that it is writing, then waits there for the test's SIGINT.
HELD_WHILE_WRITING = """
import sys
import dateline.engine.outputs as outputs
write_file = outputs.write_file
def held(*args):
    print("writing the site", flush=True)
    sys.stdin.readline()
    return write_file(*args)
outputs.write_file = held
from dateline.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def interrupted(command: list[str], marker: str, cwd: Path) -> tuple[int, str]:
    """Run `command`, wait for the line holding `marker`, send SIGINT; the exit code and the
    error output."""
    process = subprocess.Popen(
        command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    for line in process.stdout:
        if marker in line:
            break
    else:
        process.kill()
        raise AssertionError(f"never printed {marker!r}: {process.communicate()[1]}")
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=120)
    return process.returncode, errors


def assert_one_line(errors: str) -> None:
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors, errors
    assert len(errors.strip().splitlines()) == 1, errors


def test_a_build_interrupted_while_writing_keeps_the_old_site(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content({"a.md": article("  - id: x\n    when: Monday\n    what: X.\n")})
    out = tmp_path / "site"
    assert run_build(content, out, "--no-pdf").returncode == 0
    before = listing(out)
    (content / "a.md").write_text(article("  - id: x\n    when: Tuesday\n    what: X.\n"))
    command = [sys.executable, "-c", HELD_WHILE_WRITING, "build", "--content", str(content),
               "--out", str(out), "--no-pdf", "--jobs", "1"]
    code, errors = interrupted(command, "writing the site", tmp_path)
    assert code == 130
    assert_one_line(errors)
    assert listing(out) == before
    assert run_build(content, out, "--no-pdf").returncode == 0  # no lock or staging left in the way


def test_serve_interrupted_during_its_first_build(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content({"a.md": article("  - id: x\n    when: Monday\n    what: X.\n")})
    command = [sys.executable, "-c", HELD_WHILE_WRITING, "serve", "--content", str(content),
               "--out", str(tmp_path / "site"), "--no-pdf", "--port", "0"]
    code, errors = interrupted(command, "writing the site", tmp_path)
    assert code == 130
    assert_one_line(errors)


def test_serve_interrupted_while_serving(make_content: MakeContent, tmp_path: Path) -> None:
    content = make_content({"a.md": article("  - id: x\n    when: Monday\n    what: X.\n")})
    command = [sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content),
               "--out", str(tmp_path / "site"), "--no-pdf", "--port", "0"]
    code, errors = interrupted(command, "Ctrl-C to stop", tmp_path)
    assert code == 130
    assert_one_line(errors)
