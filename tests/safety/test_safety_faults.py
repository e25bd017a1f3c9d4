"""Faults while writing: a killed build, two builds at once, a failed build, a full or read-only
disk. After each, the output directory is exactly the complete old site or the complete new one.

The corpus is generated articles, enough that a build forks its worker processes, so a kill
meets them too; builds run without the PDF briefs, which are written the same way as every file.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from dateline.engine.parallel import MIN_ITEMS_FOR_POOL
from dateline.engine.pause import PHASES, VARIABLE
from tests.conftest import SITE_YAML, article
from tests.safety.support import REPO, fence, listing, run_build, write_files

ARTICLES = 2 * MIN_ITEMS_FOR_POOL
BUILD_TIMEOUT = 300  # seconds: a guard against a hang, never what decides a verdict
LOCK_MESSAGE = "another build is writing this site"


@dataclass(frozen=True)
class Corpora:
    old: Path
    new: Path
    old_site: dict[str, tuple[str, int]]  # hash listings, without times
    new_site: dict[str, tuple[str, int]]


def generate(folder: Path, seed: int) -> Path:
    """A content folder of ARTICLES reports; `seed` changes every event's wording and text,
    so the "old" and "new" sites differ in every page."""
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    files = {"site.yaml": SITE_YAML}
    for number in range(ARTICLES):
        day = date(2024, 1, 1) + timedelta(days=number % 300)
        events = "".join(
            f"  - id: e{number}-{k}\n    when: {weekdays[(number + k + seed) % 7]}\n"
            f"    what: Event {k} of report {number}, version {seed}.\n"
            for k in range(5)
        )
        body = "\n\n".join(
            f"**WASHINGTON** — Paragraph {p} of report {number}, version {seed}. " * 8
            for p in range(5)
        )
        files[f"{day.isoformat()}-report-{number}.md"] = article(
            events, dateline="WASHINGTON \u2014", published=day.isoformat(), body=body + "\n"
        )
    return write_files(folder, files)


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> Corpora:
    root = tmp_path_factory.mktemp("corpora")
    old, new = generate(root / "old", 1), generate(root / "new", 2)
    for content in (old, new):
        result = run_build(content, root / f"reference-{content.name}", "--no-pdf")
        assert result.returncode == 0, result.stderr
    return Corpora(
        old, new,
        listing(root / "reference-old", with_times=False),
        listing(root / "reference-new", with_times=False),
    )


def start_build(content: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "build.py", "--content", str(content), "--out", str(out), "--no-pdf"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=fence,
    )


def build_paused_at(phase: str, content: Path, out: Path, flag: Path) -> subprocess.Popen[bytes]:
    """A build that stops at `phase` (the seam in dateline.engine.pause) and waits there,
    returned once it has reached it."""
    flag.unlink(missing_ok=True)
    child = subprocess.Popen(
        [sys.executable, "build.py", "--content", str(content), "--out", str(out), "--no-pdf"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=fence,
        env={**os.environ, VARIABLE: f"{phase}:{flag}"},
    )
    deadline = time.monotonic() + BUILD_TIMEOUT
    while not flag.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if not flag.exists():
        child.kill()
        child.wait()
        raise AssertionError(f"the build never reached {phase} (exit {child.returncode})")
    return child


def kill(child: subprocess.Popen[bytes]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait()


def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_site(
    tmp_path: Path, corpora: Corpora
) -> None:
    """Each phase killed in turn, from the old site towards the new and back: before the swap
    the output is the site it was, after it the new one, and each kill's leftovers meet the
    next build."""
    out = tmp_path / "site"
    flag = tmp_path / "reached"
    assert run_build(corpora.old, out, "--no-pdf").returncode == 0
    sites = {corpora.old: corpora.old_site, corpora.new: corpora.new_site}
    now = corpora.old
    for phase in PHASES * 2:
        target = corpora.new if now == corpora.old else corpora.old
        kill(build_paused_at(phase, target, out, flag))
        expected = target if phase == "swapped" else now
        after = listing(out, with_times=False) if out.exists() else {}
        assert after == sites[expected], f"killed at {phase}: not the {expected.name} site"
        now = expected
    flag.unlink()
    result = run_build(corpora.new, out, "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert listing(out, with_times=False) == corpora.new_site
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == [".dateline-cache", ".site.dateline-lock", "site"], leftovers


def test_a_build_meeting_a_running_one_stops_with_the_lock_message(
    tmp_path: Path, corpora: Corpora
) -> None:
    out = tmp_path / "site"
    assert run_build(corpora.old, out, "--no-pdf").returncode == 0
    before = listing(out)
    running = build_paused_at("reading", corpora.new, out, tmp_path / "reached")
    try:
        result = run_build(corpora.new, out, "--no-pdf")
    finally:
        kill(running)
    assert result.returncode == 1
    assert LOCK_MESSAGE in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert listing(out) == before


def small_content(folder: Path, words: str) -> Path:
    event = f"  - id: x\n    when: Monday\n    what: {words}.\n"
    return write_files(folder, {"site.yaml": SITE_YAML, "a.md": article(event)})


def test_builds_into_two_outputs_of_one_folder_run_at_once(tmp_path: Path) -> None:
    first = small_content(tmp_path / "first", "First")
    second = small_content(tmp_path / "second", "Second")
    running = build_paused_at("staging", first, tmp_path / "site-a", tmp_path / "reached")
    try:
        result = run_build(second, tmp_path / "site-b", "--no-pdf")
    finally:
        kill(running)
    assert result.returncode == 0, result.stderr
    assert "Second." in (tmp_path / "site-b" / "war" / "index.html").read_text(encoding="utf-8")
    result = run_build(first, tmp_path / "site-a", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert "First." in (tmp_path / "site-a" / "war" / "index.html").read_text(encoding="utf-8")
    assert "Second." in (tmp_path / "site-b" / "war" / "index.html").read_text(encoding="utf-8")


def test_the_lock_holds_when_the_cache_folder_is_deleted_during_a_build(tmp_path: Path) -> None:
    old, new = small_content(tmp_path / "old", "Old"), small_content(tmp_path / "new", "New")
    out = tmp_path / "site"
    assert run_build(old, out, "--no-pdf").returncode == 0
    before = listing(out)
    running = build_paused_at("staging", new, out, tmp_path / "reached")
    try:
        shutil.rmtree(tmp_path / ".dateline-cache")
        result = run_build(new, out, "--no-pdf")
    finally:
        kill(running)
    assert result.returncode == 1, result.stderr
    assert LOCK_MESSAGE in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert listing(out) == before


def test_two_builds_started_together_leave_one_whole_site(
    tmp_path: Path, corpora: Corpora
) -> None:
    out = tmp_path / "site"
    assert run_build(corpora.old, out, "--no-pdf").returncode == 0
    children = [
        subprocess.Popen(
            [sys.executable, "build.py", "--content", str(corpora.new), "--out", str(out),
             "--no-pdf"],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(2)
    ]
    outcomes = [(child.wait(timeout=300), child.communicate()[1]) for child in children]
    assert 0 in [code for code, _ in outcomes], outcomes
    for code, stderr in outcomes:
        assert code == 0 or (code == 1 and LOCK_MESSAGE in stderr), stderr
        assert "Traceback" not in stderr
    assert listing(out, with_times=False) == corpora.new_site


def test_a_failed_build_leaves_the_previous_site_as_it_was(
    tmp_path: Path, corpora: Corpora
) -> None:
    out = tmp_path / "site"
    assert run_build(corpora.old, out, "--no-pdf").returncode == 0
    broken = tmp_path / "broken"
    shutil.copytree(corpora.new, broken)
    (broken / "zz-broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    before = listing(tmp_path / "site")  # hashes and modification times
    result = run_build(broken, out, "--no-pdf")
    assert result.returncode == 1
    assert "zz-broken.md:" in result.stderr and "Traceback" not in result.stderr
    assert listing(tmp_path / "site") == before


@contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True, check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


OLD_SITE: dict[str, str | bytes] = {  # as a build leaves it: its files, and the marker listing them
    "index.html": "<p>the old site</p>\n",
    ".dateline-site": '{"files": ["index.html"]}\n',
}


def test_a_full_disk_gives_a_clear_error_and_keeps_the_old_site(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "100k") as disk:
        out = write_files(disk / "site", OLD_SITE)
        before = listing(out)
        result = run_build(REPO / "content", out, "--no-pdf")
        assert result.returncode == 1
        assert "No space left on device" in result.stderr, result.stderr
        assert "check that the disk has room" in result.stderr
        assert "Traceback" not in result.stderr
        assert listing(out) == before
        assert sorted(p.name for p in disk.iterdir()) == [
            ".dateline-cache", ".site.dateline-lock", "site"
        ]


def test_a_read_only_disk_gives_a_clear_error_and_keeps_the_old_site(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "100k") as disk:
        out = write_files(disk / "site", OLD_SITE)
        before = listing(out)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        result = run_build(REPO / "content", out, "--no-pdf")
        assert result.returncode == 1
        assert "Read-only file system" in result.stderr, result.stderr
        assert "writable" in result.stderr and "Traceback" not in result.stderr
        assert listing(out) == before


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """The folder made read-only by a bind mount: even root cannot change what it holds."""
    bound = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if bound.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {bound.stderr!r}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_kept_staging_folder_that_cannot_be_replaced_is_named(tmp_path: Path) -> None:
    old, new = small_content(tmp_path / "old", "Old"), small_content(tmp_path / "new", "New")
    out = tmp_path / "site"
    for content in (old, new):  # the second build keeps the first site as its staging folder
        assert run_build(content, out, "--no-pdf").returncode == 0
    kept = [path for path in (tmp_path / ".dateline-cache").rglob("war") if path.is_dir()]
    assert len(kept) == 1, kept
    before = listing(out)
    with read_only(kept[0]):
        result = run_build(old, out, "--no-pdf")
    assert result.returncode == 1
    assert f"cannot write {kept[0]}" in result.stderr, result.stderr
    assert f"cannot write {out}:" not in result.stderr and "Traceback" not in result.stderr
    assert listing(out) == before


def test_an_output_whose_parent_is_a_file_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = write_files(tmp_path, {"blocker": "a file, not a folder"}) / "blocker"
    result = run_build(REPO / "content", blocker / "site", "--no-pdf")
    assert result.returncode == 1
    assert "Not a directory" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert blocker.read_text() == "a file, not a folder"


def children_of(pid: int) -> set[int]:
    """Direct children of a process, from /proc (Linux)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_build_leaves_no_worker_processes_behind(
    corpora: Corpora, tmp_path: Path
) -> None:
    child = subprocess.Popen(
        [sys.executable, "build.py", "--content", str(corpora.new), "--out",
         str(tmp_path / "site"), "--no-pdf", "--jobs", "2"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while not workers and child.poll() is None and time.monotonic() < deadline:
        workers = children_of(child.pid)
        time.sleep(0.01)
    assert workers, "the build never started its worker pool"
    child.send_signal(signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)
