"""The output directory is all of the old site or all of the new one, never a mix."""

import os
from pathlib import Path

import pytest

from dateline.engine.guard import build_lock
from dateline.engine.write import (
    MARKER,
    Staging,
    WriteError,
    check_paths,
    site_stamps,
    write_file,
)


def write_site(out: Path, files: dict[str, bytes]) -> int:
    """A whole build's writing: stage every file, then swap; returns how many had new bytes."""
    staging = Staging(out)
    try:
        changed = sum(write_file(str(staging.root), str(out), n, d)[1] for n, d in files.items())
        staging.commit(files)
    except BaseException:
        staging.abort()
        raise
    return changed


def tree(root: Path) -> dict[str, bytes]:
    """The site's files, without the marker that lists them (tests/safety/test_output_folder)."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != MARKER
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
    with build_lock(tmp_path / "site"):
        with pytest.raises(WriteError, match="another build"):
            with build_lock(tmp_path / "site"):
                pass
        with build_lock(tmp_path / "another-site"):  # one lock per output
            pass


def test_an_output_place_that_cannot_hold_a_directory_gives_a_clear_error(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_bytes(b"a file where a directory should be")
    with pytest.raises(WriteError, match="cannot write"):
        write_site(blocker / "site", {"index.html": b"x"})
    assert blocker.read_bytes() == b"a file where a directory should be"


def test_stamps_show_a_file_changed_by_hand(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, {"index.html": b"ours", "a/b.txt": b"ours too"})
    before = site_stamps(out)
    assert before is not None and sorted(before) == ["a/b.txt", "index.html"]
    (out / "index.html").write_bytes(b"edited")
    after = site_stamps(out)
    assert after is not None and after["index.html"] != before["index.html"]
    assert after["a/b.txt"] == before["a/b.txt"]
    assert site_stamps(tmp_path / "nothing-here") is None


def test_a_folder_of_the_users_named_like_a_retired_site_is_left_alone(tmp_path: Path) -> None:
    """`.site.old` is where a swap without an atomic exchange parks the old site; a folder of
    that name which dateline did not write is never removed or moved."""
    out = tmp_path / "site"
    write_site(out, {"index.html": b"old"})
    backup = tmp_path / ".site.old"
    (backup / "notes").mkdir(parents=True)
    (backup / "notes" / "mine.txt").write_bytes(b"keep me")
    write_site(out, {"index.html": b"new"})
    assert tree(out) == {"index.html": b"new"}
    assert tree(backup) == {"notes/mine.txt": b"keep me"}


def test_a_staging_folder_name_taken_by_the_user_is_refused_not_removed(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, {"index.html": b"old"})
    theirs = tmp_path / ".site.new"
    theirs.mkdir()
    (theirs / "draft.html").write_bytes(b"mine")
    with pytest.raises(WriteError, match=r"\.site\.new"):
        write_site(out, {"index.html": b"new"})
    assert tree(theirs) == {"draft.html": b"mine"}
    assert tree(out) == {"index.html": b"old"}


def test_a_staging_folder_left_by_a_killed_build_is_cleared(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_site(out, {"index.html": b"old"})
    left = Staging(out)  # a build killed while staging: neither committed nor aborted
    write_file(str(left.root), str(out), "index.html", b"half")
    assert write_site(out, {"index.html": b"new"}) == 1
    assert tree(out) == {"index.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_site_file_named_like_the_marker_is_refused() -> None:
    with pytest.raises(WriteError, match="marker"):
        check_paths({"index.html", ".dateline-site"})
