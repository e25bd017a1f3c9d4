"""The output directory is all of the old site or all of the new one, never a mix."""

import os
from pathlib import Path

import pytest

from dateline.write import WriteError, build_lock, check_paths, write_site


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_write_replaces_the_whole_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, {"index.html": b"old", "gone.html": b"x", "a/b.txt": b"keep"})
    changed = write_site(out, {"index.html": b"new", "a/b.txt": b"keep"})
    assert tree(out) == {"index.html": b"new", "a/b.txt": b"keep"}
    assert changed == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_unchanged_files_keep_their_modification_time(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, {"same.html": b"same", "new.html": b"1"})
    os.utime(out / "same.html", (1_000_000, 1_000_000))
    write_site(out, {"same.html": b"same", "new.html": b"2"})
    assert (out / "same.html").stat().st_mtime == 1_000_000
    assert (out / "new.html").read_bytes() == b"2"


@pytest.mark.parametrize(
    "name",
    ["../escape.html", "/etc/passwd", "a/../../b", "nul\0byte", "", "a//b", "x" * 300, "a\\b"],
)
def test_paths_that_would_leave_the_output_are_refused(tmp_path: Path, name: str) -> None:
    out = tmp_path / "site"
    write_site(out, {"index.html": b"old"})
    with pytest.raises(WriteError):
        write_site(out, {"index.html": b"new", name: b"evil"})
    assert tree(out) == {"index.html": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_names_differing_only_by_case_are_refused() -> None:
    with pytest.raises(WriteError, match="differ only by case"):
        check_paths({"tags/Iraq.html": b"", "tags/iraq.html": b""})


def test_a_second_build_at_once_is_stopped_with_a_clear_message(tmp_path: Path) -> None:
    with build_lock(tmp_path / "cache"):
        with pytest.raises(WriteError, match="another build"):
            with build_lock(tmp_path / "cache"):
                pass


def test_an_output_place_that_cannot_hold_a_directory_gives_a_clear_error(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_bytes(b"a file where a directory should be")
    with pytest.raises(WriteError, match="cannot write"):
        write_site(blocker / "site", {"index.html": b"x"})
    assert blocker.read_bytes() == b"a file where a directory should be"


def test_an_unchanged_site_is_not_touched_at_all(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, {"index.html": b"same", "a/b.txt": b"same too"})
    inode = out.stat().st_ino
    assert write_site(out, {"index.html": b"same", "a/b.txt": b"same too"}) == 0
    assert out.stat().st_ino == inode  # no staging, no swap
    write_site(out, {"index.html": b"same"})  # one file fewer is a change
    assert tree(out) == {"index.html": b"same"}
