"""What the last build made: each unit's key and the stamps of the files it wrote.

The output directory itself keeps the bytes; the manifest only says which files are ours and
unchanged since (same inode, size and mtime), so an unchanged site is recognised without
reading it, and an unchanged unit is hard-linked into the next site instead of made again.
Like every cache table it is a hint: anything malformed makes it absent, never trusted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dateline.engine.cache import load_table, save_table
from dateline.engine.write import Stamp

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
        stored = load_table(cache_dir, TABLE, salt).get("manifest")
        if not (isinstance(stored, tuple) and len(stored) == 7):
            return None
        inputs, config_key, pdf, fronts, units, sources, started = stored
        if not (
            isinstance(inputs, str)
            and isinstance(config_key, str)
            and isinstance(pdf, bool)
            and isinstance(fronts, dict)
            and isinstance(units, dict)
            and isinstance(sources, dict)
            and isinstance(started, int)
            and all(_is_front(key, value) for key, value in fronts.items())
            and all(_is_record(key, value) for key, value in units.items())
            and all(_is_source(key, value) for key, value in sources.items())
        ):
            return None
        return cls(inputs, config_key, pdf, fronts, units, sources, started)

    def save(self, cache_dir: Path | None, salt: str) -> None:
        stored = (
            self.inputs, self.config_key, self.pdf, self.fronts, self.units, self.sources,
            self.started,
        )
        save_table(cache_dir, TABLE, salt, {"manifest": stored})

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


def _is_front(key: object, value: object) -> bool:
    return (
        isinstance(key, str)
        and isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(part, str) for part in value)
    )


def _is_source(key: object, value: object) -> bool:
    return (
        isinstance(key, str)
        and isinstance(value, tuple)
        and len(value) == 2
        and _is_stamp(value[0])
        and isinstance(value[1], str)
    )


def _is_stamp(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and all(isinstance(number, int) for number in value)
    )


def _is_record(key: object, value: object) -> bool:
    return (
        isinstance(key, str)
        and isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], dict)
        and all(isinstance(path, str) and _is_stamp(stamp) for path, stamp in value[1].items())
    )
