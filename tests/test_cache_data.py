"""The cache is data: whatever its files hold, a build reads them as plain values or not at all,
runs no code from them, and builds the same site; a folder someone else controls is not used."""

from __future__ import annotations

import json
import marshal
import os
import pickle
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.cli.main import main
from dateline.engine.cache import CACHE_DIR_NAME, cache_problem
from tests.conftest import MakeContent
from tests.test_incremental import build, corpus

TABLE_KINDS = {"articles", "events", "outputs"}


class Planted:
    """Pickles to a call of `os.mkdir(marker)`: unpickling it runs code as the builder."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[[str], None], tuple[str]]:
        return (os.mkdir, (str(self.marker),))


def tables(cache: Path) -> list[Path]:
    """The cache's table files, the per-output ones included (not staging, lock or marker)."""
    found = sorted(
        path for path in cache.rglob("*")
        if path.is_file() and "staging" not in path.relative_to(cache).parts
        and ("-" in path.name or path.name.startswith("outputs."))
    )
    assert {path.name.split(".")[0].split("-")[0] for path in found} == TABLE_KINDS
    return found


def test_a_planted_pickle_or_marshal_payload_runs_no_code(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(corpus())
    expected = build(content, None, 1)
    cache = tmp_path / "cache"
    build(content, cache, 2)
    marker = tmp_path / "ran"
    payloads = [
        pickle.dumps(Planted(marker), protocol=5),
        pickle.dumps((2, "any/salt", {"manifest": Planted(marker)}), protocol=5),
        marshal.dumps(compile("import os; os.mkdir('ran')", "x", "exec")),
    ]
    for payload in payloads:
        for table in tables(cache):
            table.write_bytes(payload)
            # the same payload under the names of either format
            table.with_suffix(".pickle").write_bytes(payload)
            table.with_suffix(".json").write_bytes(payload)
        assert build(content, cache, 2) == expected
        assert not marker.exists()
    assert build(content, cache, 2) == expected  # and the rewritten cache is good again


def shorten_lists(value: object) -> object:
    if isinstance(value, list):
        return [shorten_lists(item) for item in value[:-1]]
    if isinstance(value, dict):
        return {key: shorten_lists(item) for key, item in value.items()}
    return value


def strings_to_numbers(value: object) -> object:
    if isinstance(value, str):
        return 7
    if isinstance(value, list):
        return [strings_to_numbers(item) for item in value]
    if isinstance(value, dict):
        return {key: strings_to_numbers(item) for key, item in value.items()}
    return value


def inside_entries(change: Callable[[object], object]) -> Callable[[bytes], bytes]:
    """Keep each table's own header (so the version checks pass) and damage its entries."""

    def damage(data: bytes) -> bytes:
        document = json.loads(data)
        document["entries"] = {key: change(v) for key, v in document["entries"].items()}
        return json.dumps(document).encode()

    return damage


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "not-json": lambda data: b"\x80\x04not json at all",
    "empty": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "another-version": lambda data: data.replace(b'"format":', b'"format":9', 1),
    "wrong-shape": lambda data: b'["a", "list"]',
    "entries-not-an-object": lambda data: json.dumps({**json.loads(data), "entries": [1]}).encode(),
    "deep": lambda data: b"[" * 100_000 + b"]" * 100_000,
    "huge-number": lambda data: b'{"format": 1' + b"0" * 10_000 + b"}",
    "wrong-types": inside_entries(strings_to_numbers),
    "short-records": inside_entries(shorten_lists),
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_malformed_json_table_is_a_miss_and_rebuilt(
    make_content: MakeContent, tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    content = make_content(corpus())
    expected = build(content, None, 1)
    cache = tmp_path / "cache"
    build(content, cache, 2)
    found = tables(cache)
    assert {path.suffix for path in found} == {".json"}
    for table in found:
        table.write_bytes(damage(table.read_bytes()))
    assert build(content, cache, 2) == expected
    assert build(content, cache, 2) == expected
    (content / "report-04.md").write_text(corpus()["report-04.md"] + "An added line.\n")
    assert build(content, cache, 2) == build(content, None, 1)


def listing(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Each file's bytes and mtime, the build lock aside (it is taken wherever the cache is)."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "build.lock"
    }


def site_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def build_command(content: Path, out: Path) -> int:
    return main(["build", "--content", str(content), "--out", str(out), "--no-pdf", "--jobs", "1"])


def test_a_cache_folder_others_can_write_is_not_used(
    make_content: MakeContent, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(corpus())
    out = tmp_path / "site"
    assert build_command(content, out) == 0
    cache = tmp_path / CACHE_DIR_NAME
    assert cache.is_dir()
    capsys.readouterr()
    for bits in (stat.S_IWOTH, stat.S_IWGRP):
        cache.chmod(0o700 | bits)
        before = listing(cache)
        (content / "report-02.md").write_text(corpus()["report-02.md"] + "News.\n")
        assert build_command(content, out) == 0
        assert listing(cache) == before  # neither read into nor written
        warnings = [line for line in capsys.readouterr().err.splitlines() if line]
        assert len(warnings) == 1 and str(cache) in warnings[0], warnings
        assert "others can write" in warnings[0]
        assert b"News." in (out / "articles" / "report-02.html").read_bytes()
    cache.chmod(0o700)
    assert build_command(content, out) == 0
    assert capsys.readouterr().err == ""


def test_a_cache_folder_that_is_a_link_is_not_used(
    make_content: MakeContent, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(corpus())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (elsewhere / "outputs.json").write_bytes(pickle.dumps(Planted(tmp_path / "ran")))
    (tmp_path / CACHE_DIR_NAME).symlink_to(elsewhere)
    before = listing(elsewhere)
    out = tmp_path / "site"
    assert build_command(content, out) == 0
    assert listing(elsewhere) == before
    warnings = [line for line in capsys.readouterr().err.splitlines() if line]
    assert len(warnings) == 1 and CACHE_DIR_NAME in warnings[0] and "link" in warnings[0]
    assert site_files(out) == build(content, None, 1)


def test_a_cache_folder_of_another_user_is_refused_by_its_owner(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    info = os.lstat(folder)
    assert cache_problem(info, info.st_uid) is None
    assert "another user" in (cache_problem(info, info.st_uid + 1) or "")


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_cache_folder_owned_by_another_user_is_not_used(
    make_content: MakeContent, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content(corpus())
    out = tmp_path / "site"
    assert build_command(content, out) == 0
    cache = tmp_path / CACHE_DIR_NAME
    for path in [cache, *cache.rglob("*")]:
        os.chown(path, 4321, 4321, follow_symlinks=False)
    before = listing(cache)
    capsys.readouterr()
    (content / "report-02.md").write_text(corpus()["report-02.md"] + "News.\n")
    assert build_command(content, out) == 0
    assert listing(cache) == before
    warnings = [line for line in capsys.readouterr().err.splitlines() if line]
    assert len(warnings) == 1 and str(cache) in warnings[0] and "another user" in warnings[0]
    assert b"News." in (out / "articles" / "report-02.html").read_bytes()
