"""Shared by the safety tests: run a build as a user would, fenced in, and fingerprint folders."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import resource
import sys
import tempfile
from pathlib import Path

from dateline.cli.main import main
from tests.cli_runner import Ran

REPO = Path(__file__).resolve().parents[2]
# Fences around a build under test, which decide a verdict only when a build runs away. A child
# may grow by 1 GiB of address space (one that balloons dies instead of swapping) and use 20 s
# of CPU time (a small build needs well under one; a runaway parse is killed); one that blocks
# without using CPU is killed after BUILD_TIMEOUT seconds of waiting.
MEMORY_GROWTH = 1 << 30
CPU_SECONDS = 20
BUILD_TIMEOUT = 120
FORK = multiprocessing.get_context("fork")


def fence() -> None:
    """Limit this process, a child about to run a build, to the fences above."""
    size = _address_space()
    resource.setrlimit(resource.RLIMIT_AS, (size + MEMORY_GROWTH, size + MEMORY_GROWTH))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def _address_space() -> int:
    """This process's address space in bytes (Linux's /proc), which the fence adds to."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmSize in /proc/self/status")


def run_build(content: Path, out: Path, *options: str, timeout: float = BUILD_TIMEOUT) -> Ran:
    """`python build.py --content C --out O OPTIONS`, fenced in a child process."""
    return run_fenced("--content", str(content), "--out", str(out), *options, timeout=timeout)


def run_fenced(
    *args: str, cwd: Path = REPO, environment: dict[str, str] | None = None,
    timeout: float = BUILD_TIMEOUT,
) -> Ran:
    """`python build.py ARGS` run from `cwd` by a child forked from this process, which has
    dateline loaded already, under the fences; with `environment` in place of this one's."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = FORK.Process(
            target=_fenced_main, args=(args, cwd, environment, out.fileno(), err.fileno())
        )
        child.start()
        child.join(timeout)
        if child.exitcode is None:
            child.kill()
            child.join()
            raise AssertionError(f"the build was still running after {timeout} s")
        out.seek(0)
        err.seek(0)
        return Ran(child.exitcode, out.read().decode("utf-8"), err.read().decode("utf-8"))


def _fenced_main(
    args: tuple[str, ...], cwd: Path, environment: dict[str, str] | None, out: int, err: int
) -> None:
    """The child's side: its terminal is the two files, its limits the fences."""
    os.dup2(out, 1)
    os.dup2(err, 2)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
    sys.stdin = open(os.devnull, encoding="utf-8")
    if environment is not None:
        os.environ.clear()
        os.environ.update(environment)
    os.chdir(cwd)
    sys.argv = [str(REPO / "build.py"), *args]
    fence()
    sys.exit(main(list(args)))


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        data = text.encode("utf-8") if isinstance(text, str) else text
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def listing(root: Path, with_times: bool = True) -> dict[str, tuple[str, int]]:
    """Every file and folder under `root`: content hash and (optionally) modification time."""
    found: dict[str, tuple[str, int]] = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        stat = path.lstat()
        digest = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        found[name] = (digest, stat.st_mtime_ns if with_times and not path.is_dir() else 0)
    return found
