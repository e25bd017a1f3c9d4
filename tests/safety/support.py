"""Shared by the safety tests: run a build as a user would, fenced in, and fingerprint folders."""

from __future__ import annotations

import hashlib
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1 << 30  # 1 GiB of address space: a build that balloons dies instead of swapping
# Guards against hangs and blow-ups, not benchmarks. CPU time is what a runaway parse burns and
# barely moves when the machine is busy; wall time on a shared 2-core box can triple, so its bound
# is looser. A child that truly hangs is killed by the subprocess timeout.
CPU_LIMIT = 5.0
WALL_LIMIT = 30.0


def limit_memory() -> None:
    """Runs in the child before exec, so the limit binds the build and nothing else."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_build(
    content: Path, out: Path, *options: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`python build.py --content C --out O` in a child process under the memory limit."""
    return subprocess.run(
        [sys.executable, "build.py", "--content", str(content), "--out", str(out), *options],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit_memory,
        check=False,
    )


@dataclass(frozen=True)
class TimedBuild:
    result: subprocess.CompletedProcess[str]
    wall: float  # seconds, time.perf_counter around the child
    cpu: float  # seconds of user + system time the child used

    def check_bounds(self) -> None:
        assert self.cpu < CPU_LIMIT, f"the build used {self.cpu:.1f} s of CPU"
        assert self.wall < WALL_LIMIT, f"the build took {self.wall:.1f} s"


def timed_build(content: Path, out: Path, *options: str) -> TimedBuild:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = run_build(content, out, *options, timeout=WALL_LIMIT * 2)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return TimedBuild(result, wall, cpu)


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
