"""What the last build made: each unit's key and the stamps of the files it wrote.

The output directory itself keeps the bytes; the manifest only says which files are ours and
unchanged since (same inode, size and mtime), so an unchanged site is recognised without
reading it, and an unchanged unit is hard-linked into the next site instead of made again.
Like every cache table it is a hint, kept as plain JSON and checked field by field when read:
anything malformed makes it absent, never trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from dateline.engine.cache import load_table, save_table
from dateline.engine.records import Malformed, count, fields, flag, text
from dateline.engine.write import Stamp

T = TypeVar("T")
TABLE = "outputs"
Record = tuple[str, dict[str, Stamp]]  # a unit's key, and the files it made with their stamps


@dataclass(frozen=True)
class Manifest:
    inputs: str  # fingerprint of every content file, and of whether briefs were made
    config_key: str  # fingerprint of site.yaml: the site title, language and timelines
    pdf: bool
    fronts: dict[str, tuple[str, str]]  # article path -> (file fingerprint, front)
    units: dict[str, Record]
    sources: dict[str, tuple[Stamp, str]]  # article path -> (stamp, fingerprint) when read
    started: int  # when the build began, by the file system: older content can be trusted

    @classmethod
    def load(cls, cache_dir: Path | None, salt: str) -> Manifest | None:
        try:
            return cls.read(load_table(cache_dir, TABLE, salt).get("manifest"))
        except Malformed:
            return None

    @classmethod
    def read(cls, record: object) -> Manifest:
        """The manifest a `record` describes; `Malformed` for anything `record()` did not make."""
        if type(record) is not dict or record.keys() != set(MANIFEST_FIELDS):
            raise Malformed("not a manifest")
        return cls(
            text(record["inputs"]),
            text(record["config_key"]),
            flag(record["pdf"]),
            _by_text(record["fronts"], _front),
            _by_text(record["units"], _unit),
            _by_text(record["sources"], _source),
            count(record["started"]),
        )

    def record(self) -> dict[str, object]:
        """Plain JSON: tuples as arrays, the rest as they are."""
        return {
            "inputs": self.inputs,
            "config_key": self.config_key,
            "pdf": self.pdf,
            "fronts": {path: list(front) for path, front in self.fronts.items()},
            "units": {
                unit: [key, {path: list(stamp) for path, stamp in stamps.items()}]
                for unit, (key, stamps) in self.units.items()
            },
            "sources": {path: [list(stamp), key] for path, (stamp, key) in self.sources.items()},
            "started": self.started,
        }

    def save(self, cache_dir: Path | None, salt: str) -> None:
        save_table(cache_dir, TABLE, salt, {"manifest": self.record()})

    def untouched(self, site: Mapping[str, Stamp] | None) -> bool:
        """The output directory holds exactly the files we wrote, none of them changed since."""
        if site is None:
            return False
        ours = {path: stamp for record in self.units.values() for path, stamp in record[1].items()}
        return ours == site

    def intact(self, unit: str, key: str | None, site: Mapping[str, Stamp]) -> bool:
        """The unit's key is `key` (any, for None) and its files are still in the site as
        written."""
        record = self.units.get(unit)
        return (
            record is not None
            and key in (None, record[0])
            and all(site.get(path) == stamp for path, stamp in record[1].items())
        )


MANIFEST_FIELDS = ("inputs", "config_key", "pdf", "fronts", "units", "sources", "started")


def _by_text(record: object, read: Callable[[object], T]) -> dict[str, T]:
    if type(record) is not dict:
        raise Malformed("expected an object")
    return {text(key): read(value) for key, value in record.items()}


def _front(record: object) -> tuple[str, str]:
    key, front = fields(record, 2)
    return text(key), text(front)


def _stamp(record: object) -> Stamp:
    inode, size, mtime = fields(record, 3)
    return count(inode), count(size), count(mtime)


def _source(record: object) -> tuple[Stamp, str]:
    stamp, key = fields(record, 2)
    return _stamp(stamp), text(key)


def _unit(record: object) -> Record:
    key, stamps = fields(record, 2)
    return text(key), _by_text(stamps, _stamp)
