"""The cache is data: whatever its files hold, a build reads them as plain values or not at all,
runs no code from them, and builds the same site."""

from __future__ import annotations

import json
import marshal
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

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
    """The cache's table files (not its staging folder, lock or start marker)."""
    found = sorted(path for path in cache.iterdir() if path.is_file() and "-" in path.name
                   or path.name.startswith("outputs."))
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
