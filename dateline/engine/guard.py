"""Which folder a build may replace, and one build per output folder at a time.

A build swaps its whole output folder away, so it must only ever replace a folder that dateline
wrote. Every site it writes holds a marker file listing the site's files; a build refuses an
output that is (or holds, or lies inside) something of the user's, and an existing folder that
holds anything its marker does not list. The lock is a file beside the output, outside the
cache folder, so deleting the cache during a build does not let a second build in.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from dateline.engine.cache import CACHE_DIR_NAME
from dateline.engine.write import MARKER, WriteError

MAX_MARKER_BYTES = 64_000_000
PROJECT_FILES = (".git", "build.py")
NAMES_SHOWN = 5


class OutputRefused(WriteError):
    """The output folder is not one dateline may replace; nothing was touched."""


def refuse_unsafe_place(out: Path, content: Path, templates: Sequence[Path]) -> None:
    """Refuse an output that is the root or home folder, a cache folder, the content or a
    templates folder (or inside or holding one), or a project folder; reads nothing but a few
    names."""
    real = out.resolve()
    if real == Path(real.anchor):
        _refuse(out, "it is the root folder")
    if real.name == CACHE_DIR_NAME:
        _refuse(out, "it is the name of dateline's cache folder, kept beside the output")
    home = _home()
    if home is not None and home.is_relative_to(real):
        _refuse(out, "it is your home folder" if real == home else f"it holds your home {home}")
    for role, folder in [("content", content), *(("templates", t) for t in templates)]:
        relation = _relation(real, folder.resolve())
        if relation:
            _refuse(out, f"it {relation} the {role} folder {folder.resolve()}")
    for name in PROJECT_FILES:
        if os.path.lexists(real / name):
            _refuse(out, f"it holds {name}, so it looks like a project folder")


def refuse_foreign(
    out: Path, present: Collection[str], vouched: Callable[[], Collection[str]]
) -> None:
    """Refuse an existing output folder holding anything dateline did not write. `present` is
    every file in it (as `write.site_stamps` lists them); `vouched`, asked only when the marker
    falls short, gives the files the last build's manifest says it wrote, if they are all
    still there untouched: a folder matching it is adopted."""
    listed = marked_files(out)
    if listed is None:
        if not _holds_anything(out) or _covers(vouched(), present):
            return
        _refuse(
            out,
            f"it is not empty and was not written by dateline (it has no {MARKER} file)",
            "if it is a site an older dateline built, delete it and build again; otherwise "
            "choose another --out",
        )
    strangers = [name for name in present if name not in listed]
    if not strangers or _covers(vouched(), present):
        return
    shown = _outermost(strangers, listed)
    more = f" and {len(shown) - NAMES_SHOWN} more" if len(shown) > NAMES_SHOWN else ""
    _refuse(
        out,
        f"it holds files dateline did not write ({', '.join(shown[:NAMES_SHOWN])}{more})",
        "move them out of it, or choose another --out",
    )


def marked_files(out: Path) -> frozenset[str] | None:
    """The files the output's marker lists, or None when it has no readable marker."""
    try:
        with open(out / MARKER, "rb") as handle:
            data = handle.read(MAX_MARKER_BYTES + 1)
        stored = json.loads(data) if len(data) <= MAX_MARKER_BYTES else None
    except (OSError, ValueError, RecursionError):
        return None
    files = stored.get("files") if isinstance(stored, dict) else None
    if not (isinstance(files, list) and all(isinstance(name, str) for name in files)):
        return None
    return frozenset(files)


def _holds_anything(out: Path) -> bool:
    with os.scandir(out) as entries:
        return any(True for _ in entries)


def _covers(files: Collection[str], present: Collection[str]) -> bool:
    return bool(files) and all(name in files for name in present)


def _outermost(strangers: Iterable[str], listed: Collection[str]) -> list[str]:
    """The strangers as a user would name them: a folder dateline never wrote into by its
    name ("photos/"), any other file by its path."""
    folders = {name[:end] for name in listed for end, char in enumerate(name) if char == "/"}
    shown = set()
    for name in strangers:
        parts = name.split("/")
        outer = next(
            ("/".join(parts[:end]) + "/" for end in range(1, len(parts))
             if "/".join(parts[:end]) not in folders),
            name,
        )
        shown.add(outer)
    return sorted(shown)


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError):  # no HOME and no password entry: nothing to protect
        return None


def _relation(folder: Path, other: Path) -> str | None:
    if folder == other:
        return "is"
    if folder.is_relative_to(other):
        return "is inside"
    if other.is_relative_to(folder):
        return "holds"
    return None


def _refuse(out: Path, why: str, remedy: str = "choose another --out") -> NoReturn:
    raise OutputRefused(f"refusing to build into {out}: {why}; {remedy}")


def _lock_path(out: Path) -> Path:
    """Beside the output, outside the cache folder, one per output folder."""
    return out.parent / f".{out.name}.dateline-lock"


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """One build at a time per output folder; a second one stops with a clear message. The
    lock file is never removed (removing it would let two builds lock two different files)."""
    path = _lock_path(out)
    flags = os.O_RDONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        if not os.path.lexists(path.parent):  # a file there fails below as "Not a directory"
            path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, flags, 0o644)
    except OSError as problem:
        raise WriteError(
            f"cannot take the build lock {path}: {problem.strerror or problem}; "
            "check that the output's folder is writable and the disk has room"
        ) from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WriteError(
                f"another build is writing this site, {out} (lock {path}); "
                "wait for it to finish, then build again"
            ) from None
        yield
    finally:
        os.close(descriptor)
