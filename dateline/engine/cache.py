"""The on-disk build cache, `.dateline-cache/` beside the output directory: a hint, never a source.

Each table is one JSON file, `{"format": FORMAT, "salt": ..., "entries": {key: record}}`: the
salt is dateline's version and code (and the templates' hash where pages depend on them), the
records are plain JSON that `records` and the tables' owners read back field by field. A table
that is missing, unreadable, not JSON, written by another version or format, or holding a
record of the wrong shape is treated as empty (or that entry as absent), so the worst a bad
cache can do is cost a full build; nothing read from it can construct an object of another
type or run code. Tables are replaced atomically (write, then rename), so a killed build or two
builds at once leave a whole table or none. A folder that another user owns, that others may
write to, or that is a link is not used at all (`trusted_cache_dir`).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from contextlib import suppress
from pathlib import Path

from dateline.version import __version__

FORMAT = 3
CACHE_DIR_NAME = ".dateline-cache"


def cache_dir_for(out: Path) -> Path:
    """Beside the output directory, never inside it: the site stays exactly the built files."""
    return out.absolute().parent / CACHE_DIR_NAME


def fingerprint(*parts: bytes | str) -> str:
    """A content hash of the parts, each length-prefixed so that no two splits collide."""
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def files_fingerprint(folders: Iterable[Path], pattern: str = "*") -> str:
    """Every file under the folders matching `pattern` (names and bytes), in a fixed order."""
    parts: list[bytes | str] = []
    for index, folder in enumerate(folders):
        for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
            parts += [f"{index}:{path.relative_to(folder).as_posix()}", path.read_bytes()]
    return fingerprint(*parts)


def cache_problem(info: os.stat_result, uid: int) -> str | None:
    """Why a folder with this `lstat` may not be trusted by user `uid` to hold the cache, or
    None: another user, or anyone in its group or beyond, could put a file there."""
    if stat.S_ISLNK(info.st_mode):
        return "it is a symbolic link"
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a folder"
    if info.st_uid != uid:
        return "it belongs to another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "others can write to it (chmod go-w it, or delete it)"
    return None


def trusted_cache_dir(cache_dir: Path) -> tuple[Path | None, str | None]:
    """The cache folder, made private to this user if it did not exist; or None and the one
    line to show when it exists and is not ours alone (the build then goes without a cache)."""
    with suppress(OSError):  # if it cannot be made, lstat says why
        cache_dir.parent.mkdir(parents=True, exist_ok=True)
        cache_dir.mkdir(mode=0o700)
    try:
        info = os.lstat(cache_dir)
    except OSError as problem:
        reason: str | None = f"it cannot be read or made ({problem.strerror})"
    else:
        reason = cache_problem(info, os.geteuid())
    if reason is None:
        return cache_dir, None
    return None, f"warning: building without a cache: not using {cache_dir}: {reason}"


def load_table(cache_dir: Path | None, name: str, salt: str) -> dict[str, object]:
    """The table's entries as plain JSON values, or none when it cannot be trusted; each entry
    is still to be checked by whoever reads it."""
    if cache_dir is None:
        return {}
    try:
        with open(cache_dir / f"{name}.json", "rb") as handle:
            stored = json.loads(handle.read())
    except (OSError, ValueError, RecursionError):  # unreadable, not JSON, too deep, too long
        return {}
    if (
        type(stored) is not dict
        or stored.keys() != {"format", "salt", "entries"}
        or stored["format"] != FORMAT
        or stored["salt"] != f"{__version__}/{salt}"
        or type(stored["entries"]) is not dict
    ):
        return {}
    entries: dict[str, object] = stored["entries"]
    return entries


def mark_start(cache_dir: Path | None) -> int:
    """When this build began by the file system's own clock (the mtime of a file touched now),
    in ns, or 0 without a cache. Content older than the start of the build that read it cannot
    have changed since without changing its stamp; the build's output never depends on it."""
    if cache_dir is None:
        return 0
    marker = cache_dir / "started"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        marker.touch()
        return os.stat(marker).st_mtime_ns
    except OSError:
        return 0


def save_table(
    cache_dir: Path | None, name: str, salt: str, table: Mapping[str, object]
) -> None:
    """Replace the table atomically; a cache that cannot be written is skipped, not an error.
    The entries are plain JSON values (lists, dicts with text keys, text, numbers, null)."""
    if cache_dir is None:
        return
    target = cache_dir / f"{name}.json"
    partial = cache_dir / f".{name}.{os.getpid()}.tmp"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        stored = {"format": FORMAT, "salt": f"{__version__}/{salt}", "entries": dict(table)}
        data = json.dumps(stored, separators=(",", ":")).encode("ascii")
        with open(partial, "wb") as handle:
            handle.write(data)
        os.replace(partial, target)
    except OSError:
        with suppress(OSError):  # the folder itself may be what failed
            partial.unlink(missing_ok=True)


class ShardedTable:
    """Plain JSON records by fingerprint, in 64 shard files chosen by the key's first
    characters, so that a build which reads or changes a few entries loads and rewrites a few
    small files instead of one that holds the whole archive."""

    SHARDS = 64

    def __init__(self, cache_dir: Path | None, name: str, salt: str) -> None:
        self.cache_dir, self.name, self.salt = cache_dir, name, salt
        self.shards: dict[int, dict[str, object]] = {}
        self.dirty: set[int] = set()

    def get(self, key: str) -> object:
        """The record kept under `key`, unchecked, or None."""
        return self._shard(key).get(key)

    def put(self, key: str, value: object) -> None:
        shard = self._shard(key)
        if shard.get(key) != value:
            shard[key] = value
            self.dirty.add(self._number(key))

    def keep_only(self, keys: Iterable[str]) -> None:
        """Drop every entry but these (reads every shard: for full builds only)."""
        wanted = set(keys)
        for number in range(self.SHARDS):
            shard = self._load(number)
            stale = [key for key in shard if key not in wanted]
            for key in stale:
                del shard[key]
            if stale:
                self.dirty.add(number)

    def save(self) -> None:
        """Write the changed shards, then forget every shard read: the build has what it needs."""
        for number in sorted(self.dirty):
            save_table(self.cache_dir, f"{self.name}-{number:02}", self.salt, self.shards[number])
        self.dirty.clear()
        self.shards.clear()

    def _shard(self, key: str) -> dict[str, object]:
        return self._load(self._number(key))

    def _number(self, key: str) -> int:
        return int(key[:2], 16) % self.SHARDS if key[:2].isalnum() else 0

    def _load(self, number: int) -> dict[str, object]:
        if number not in self.shards:
            self.shards[number] = load_table(self.cache_dir, f"{self.name}-{number:02}", self.salt)
        return self.shards[number]
