"""Shared helpers for the benchmarks: a cached synthetic corpus, its answer key, and measurement.

The corpus comes from ../shared/bench/gen_corpus.py (or $DATELINE_SHARED/bench/gen_corpus.py) and
is cached under bench/out/, which git ignores. Measurements run each command under a fresh Python
process, so the children's rusage of that process belongs to the command alone.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
FUTURE_KINDS = frozenset({"next-week", "future-weekday", "future-month-day"})

# Runs one command, samples the proportional memory (PSS) of its whole process group, and prints
# wall, CPU and peak figures as JSON. It runs in a fresh interpreter so RUSAGE_CHILDREN is the
# command's own (workers included, once waited for); ru_maxrss is the largest single process.
_MEASURE = r"""
import json, os, resource, signal, subprocess, sys, time
spec = json.loads(sys.argv[1])
def group_pss_kb(group):
    total = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            if int(fields[2]) != group:
                continue
            with open(f"/proc/{name}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except (OSError, IndexError, ValueError):
            pass
    return total
stdin = open(spec["stdin"], "rb") if spec["stdin"] else subprocess.DEVNULL
stdout = open(spec["stdout"], "wb") if spec["stdout"] else subprocess.DEVNULL
stderr = open(spec["stderr"], "wb")
started = time.perf_counter()
child = subprocess.Popen(spec["command"], stdin=stdin, stdout=stdout, stderr=stderr,
                         cwd=spec["cwd"], start_new_session=True)
def stop(signum, frame):
    os.killpg(child.pid, signal.SIGKILL)
    sys.exit(128 + signum)
signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
peak = 0
while child.poll() is None:
    if spec["sample"]:
        peak = max(peak, group_pss_kb(child.pid))
    time.sleep(0.05)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "max_rss_kb": usage.ru_maxrss, "group_pss_kb": peak,
                  "returncode": child.returncode}))
"""


@dataclass(frozen=True)
class Corpus:
    """A generated corpus: content folder, answer key, and the Hugo twin if asked for."""

    content: Path
    truth: Path
    hugo: Path | None


@dataclass(frozen=True)
class TruthLine:
    """One event occurrence of the answer key, as the generator meant it."""

    file: str
    id: str
    when: str
    ref: str
    anchor_date: str | None
    start: str
    end: str
    timeline: str
    kind: str

    @property
    def direction(self) -> str:
        return "future" if self.kind in FUTURE_KINDS else "past"

    def request(self) -> dict[str, str]:
        """The `resolve --jsonl` input line for this occurrence."""
        line = {"text": self.when, "ref": self.ref, "direction": self.direction}
        if self.anchor_date:
            line["anchor"] = self.anchor_date
        return line


@dataclass(frozen=True)
class Measurement:
    """One run of a command: seconds of wall and CPU time, peak memory in MB."""

    wall: float
    cpu: float
    max_rss_mb: float  # the largest single process (what /usr/bin/time -v reports)
    group_pss_mb: float  # sampled peak of the whole process group, shared pages split fairly
    returncode: int
    stderr: str

    @property
    def peak_mb(self) -> float:
        """Memory the machine needed: the process group's peak, or the largest process."""
        return max(self.max_rss_mb, self.group_pss_mb)


def shared_dir() -> Path:
    configured = os.environ.get("DATELINE_SHARED")
    return Path(configured) if configured else ROOT.parent / "shared"


def generator() -> Path:
    script = shared_dir() / "bench" / "gen_corpus.py"
    if not script.is_file():
        sys.exit(f"cannot find {script}: set DATELINE_SHARED to the folder holding bench/")
    return script


def corpus(articles: int, seed: int = 0, hugo: bool = False) -> Corpus:
    """Generate once into bench/out/corpus-N-sS[-hugo]/ and reuse it; the generator is
    deterministic, so a cached copy is the same corpus."""
    name = f"corpus-{articles}-s{seed}" + ("-hugo" if hugo else "")
    folder = OUT / name
    found = Corpus(folder / "content", folder / "truth.jsonl", folder / "hugo" if hugo else None)
    if (folder / "complete").is_file():
        return found
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    command = [sys.executable, str(generator()), str(found.content), "--articles", str(articles),
               "--seed", str(seed), "--truth", str(found.truth)]
    if found.hugo is not None:
        command += ["--hugo", str(found.hugo)]
    print(f"generating {articles} articles into {folder.relative_to(ROOT)} ...", file=sys.stderr)
    subprocess.run(command, check=True)
    dropped = drop_conflicting_reports(found.content)
    (folder / "complete").write_text(
        "generated by " + " ".join(command[1:]) + f"\n{dropped} reports dropped\n")
    return found


# A check error about two reports of one event whose times of day do not overlap.
TIMES_DISAGREE = re.compile(
    r"^(\S+\.md):(\d+):\d+: event \S+ is timed .* the reports do not overlap", re.MULTILINE)


def drop_conflicting_reports(content: Path) -> int:
    """The generator dates some events at the level of days only, so one report may say "this
    morning" and the next day's "last night" for the same event: times that do not overlap,
    which dateline rightly refuses to merge. The corpus measures speed, so the report `check`
    names is dropped (its other reports keep the event) until the corpus builds."""
    dropped = 0
    while True:
        checked = subprocess.run(
            [sys.executable, str(ROOT / "build.py"), "check", "--content", content.name],
            cwd=content.parent, capture_output=True, text=True, check=False)
        places = {(content.parent / path, int(line))
                  for path, line in TIMES_DISAGREE.findall(checked.stderr)}
        if checked.returncode == 0 or not places:
            return dropped
        for path, line in sorted(places, reverse=True):
            drop_event_at(path, line)
            dropped += 1


def drop_event_at(path: Path, when_line: int) -> None:
    """Remove the front-matter event whose `when:` stands on `when_line` (1-based)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = when_line - 1
    while not lines[start].startswith("  - "):
        start -= 1
    end = start + 1
    while lines[end].startswith("    "):
        end += 1
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def read_truth(path: Path) -> list[TruthLine]:
    lines = []
    with path.open(encoding="utf-8") as handle:
        for text in handle:
            row = json.loads(text)
            lines.append(TruthLine(
                file=row["file"], id=row["id"], when=row["when"], ref=row["ref"],
                anchor_date=row.get("anchor_date"), start=row["start"], end=row["end"],
                timeline=row["timeline"], kind=row["kind"],
            ))
    return lines


def measure(
    command: Sequence[str],
    *,
    stdin: Path | None = None,
    stdout: Path | None = None,
    cwd: Path = ROOT,
    sample_memory: bool = True,
) -> Measurement:
    """Run `command` once in a fresh measuring process and return its figures."""
    log = OUT / "last-stderr.txt"
    log.parent.mkdir(parents=True, exist_ok=True)
    spec = {"command": list(command), "stdin": str(stdin) if stdin else None,
            "stdout": str(stdout) if stdout else None, "stderr": str(log), "cwd": str(cwd),
            "sample": sample_memory}
    result = subprocess.run([sys.executable, "-c", _MEASURE, json.dumps(spec)],
                            check=True, capture_output=True, text=True)
    figures = json.loads(result.stdout)
    return Measurement(
        wall=figures["wall"], cpu=figures["cpu"], max_rss_mb=figures["max_rss_kb"] / 1024,
        group_pss_mb=figures["group_pss_kb"] / 1024, returncode=figures["returncode"],
        stderr=log.read_text(encoding="utf-8", errors="replace"),
    )


def best_of(runs: Sequence[Measurement]) -> Measurement:
    """The fastest run by wall time: on a noisy shared machine it is the least disturbed."""
    return min(runs, key=lambda run: run.wall)


def median_wall(runs: Sequence[Measurement]) -> float:
    return statistics.median(run.wall for run in runs)


def best_rate(count: int, run: Callable[[], object], repeats: int) -> float:
    """Items per second of the fastest of `repeats` timed calls of `run`."""
    import time

    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return count / best if best > 0 else float("inf")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def day_in_span(day: str, start: str, end: str) -> bool:
    """ISO dates compare correctly as strings."""
    return start <= day <= end
