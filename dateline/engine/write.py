"""The only module that touches the output directory: all of a new site, or none of it.

A build is written into a sibling directory and swapped in with one atomic exchange, so a crash,
a kill or a full disk at any moment leaves either the complete old site or the complete new one.
Files whose bytes did not change are hard-linked from the old site, keeping their mtime; worker
processes write the new files straight into the staging directory.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import stat
from collections.abc import Callable, Container, Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

from dateline.engine.pause import pause_at

AT_FDCWD = -100
RENAME_EXCHANGE = 2
MAX_PATH_PART = 200
MARKER = ".dateline-site"  # in every site written: the list of its files (see engine.guard)
MARKER_NOTE = "dateline wrote this folder; a build replaces it only while it holds these files"
T = TypeVar("T")


class WriteError(Exception):
    """The output could not be written; the message says what to do."""


def safe_relative(path: str) -> str:
    """A path that cannot leave the output directory, or WriteError. Plain string tests: it
    runs for every file of every build."""
    if (
        not path
        or "\0" in path
        or "\\" in path
        or path.startswith("/")
        or any(part in ("", ".", "..") or len(part) > MAX_PATH_PART for part in path.split("/"))
    ):
        raise WriteError(f"refusing to write {path[:100]!r}: it would leave the output directory")
    return path


def check_paths(files: Iterable[str]) -> None:
    """Refuse unsafe names and names that differ only by case (they collide on macOS/Windows)."""
    folded: dict[str, str] = {}
    for path in files:
        safe_relative(path)
        if path == MARKER:
            raise WriteError(f"{MARKER!r} is the name of dateline's own marker; rename that file")
        other = folded.setdefault(path.casefold(), path)
        if other != path:
            raise WriteError(f"{other!r} and {path!r} differ only by case; rename one of them")


Stamp = tuple[int, int, int]  # (inode, size, mtime_ns): the file is still the one we wrote


def site_stamps(out: Path) -> dict[str, Stamp] | None:
    """Every file of an output directory and its stamp, or None when there is no such directory.

    Comparing stamps with those recorded at the last build tells whether anyone touched the
    site since, without reading a byte of it."""
    if not out.is_dir() or out.is_symlink():
        return None
    return {path: (info.st_ino, info.st_size, info.st_mtime_ns) for path, info in _entries(out)}


def _entries(root: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Everything below `root` but its real folders and the site's marker, by relative path,
    with its own stat (a link is reported as itself, never followed)."""
    prefix = len(str(root)) + 1
    marker = os.path.join(root, MARKER)
    for folder, folders, names in os.walk(root):
        for name in folders + names:
            path = os.path.join(folder, name)
            if path == marker:
                continue
            info = os.stat(path, follow_symlinks=False)
            if not stat.S_ISDIR(info.st_mode):
                yield path[prefix:], info


def write_file(root: str, old_root: str, name: str, data: bytes) -> tuple[Stamp, bool]:
    """Put one file into a staging directory; True when its bytes are new. A file whose bytes
    equal the old site's is hard-linked instead, keeping its mtime. Module-level and given plain
    strings, so a worker process can call it."""
    target = f"{root}/{safe_relative(name)}"
    previous = f"{old_root}/{name}"
    changed = not _same_bytes(previous, data)
    if changed:
        with _put(target, lambda: open(target, "xb")) as handle:
            handle.write(data)
        pause_at("writing")
    else:
        _put(target, lambda: os.link(previous, target))
    info = os.stat(target)
    return (info.st_ino, info.st_size, info.st_mtime_ns), changed


def _put(target: str, make: Callable[[], T]) -> T:
    """Run `make`, which creates `target`: first making its folder if missing, or removing
    what a reused staging directory still holds there."""
    try:
        return make()
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
    except IsADirectoryError:
        shutil.rmtree(target)
    except FileExistsError:
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target)
        else:
            os.unlink(target)
    return make()


class Staging:
    """A new site assembled beside the output directory, which becomes the output only by
    `commit`: until then the old site is untouched, whatever happens to this process.

    Given a folder to keep it in (inside the build cache), the staging directory outlives the
    swap, holding the retired site, and the next build starts from it: a file that two builds
    left unchanged is already in place (the same inode as the live file), so a small edit
    costs a few links instead of linking every file and deleting the whole old tree.
    """

    def __init__(
        self, out: Path, keep: Path | None = None, live: Container[str] = frozenset()
    ) -> None:
        self.out = out.absolute()
        self.keep = keep is not None
        self.root = keep.absolute() if keep else self.out.with_name(f".{self.out.name}.new")
        try:
            _recover(self.out)
            kept = _reusable(self.root, live) if self.keep else None
            if kept is None:
                if self.root.exists() or self.root.is_symlink():
                    self._clear_leftover()
                self.root.mkdir(parents=True)
                self._mark(())
            self.kept = kept or {}
        except OSError as problem:
            self.abort()
            raise write_error(self.out, problem) from None

    def _clear_leftover(self) -> None:
        """Remove a staging folder a killed build left; one beside the output that dateline
        did not make (no marker) is the user's, and refused. The cache's is dateline's own."""
        if not self.keep and not _marked(self.root):
            raise WriteError(
                f"{self.root} is in the way: dateline stages the new site there, and did not "
                "make that folder; move it elsewhere"
            )
        _remove(self.root)

    def lend(self, name: str, inode: int) -> None:
        """Hard-link an unchanged file of the old site into the new one, unless a reused
        staging directory holds that very file already."""
        if self.kept.get(name) == inode:
            return
        target = f"{self.root}/{safe_relative(name)}"
        _put(target, lambda: os.link(f"{self.out}/{name}", target))

    def commit(self, names: Iterable[str]) -> None:
        """Swap the staged site in, once its names are known to be safe on every system."""
        names = set(names)
        try:
            check_paths(names)
            self._drop(path for path in self.kept if path not in names)
            self._mark(names)
            pause_at("swapping")
            _swap(self.root, self.out, self.keep)
            pause_at("swapped")
        except OSError as problem:
            self.abort()
            raise write_error(self.out, problem) from None
        except WriteError:
            self.abort()
            raise

    def abort(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def _mark(self, names: Iterable[str]) -> None:
        """Write the marker that lets a later build recognise the site as dateline's own."""
        target = f"{self.root}/{MARKER}"
        listing = {"about": MARKER_NOTE, "files": sorted(names)}
        with _put(target, lambda: open(target, "xb")) as handle:
            handle.write(json.dumps(listing, indent=0).encode("ascii") + b"\n")

    def _drop(self, stale: Iterable[str]) -> None:
        """Remove what a reused staging directory holds that the new site does not."""
        folders = set()
        for path in stale:
            os.unlink(f"{self.root}/{path}")
            folders.add(os.path.dirname(path))
        for folder in sorted(folders, key=lambda name: -name.count("/")):
            while folder:
                with suppress(OSError):  # not empty: another file still lives there
                    os.rmdir(f"{self.root}/{folder}")
                folder = os.path.dirname(folder)


def _reusable(root: Path, live: Container[str]) -> dict[str, int] | None:
    """The files of a kept staging directory by inode, or None when it cannot be reused: it
    is missing, holds anything but folders and regular files (a link could lead outside), or
    a file the live site does not have (a kill or a hand left it: start clean)."""
    if not root.is_dir() or root.is_symlink():
        return None
    files: dict[str, int] = {}
    for path, info in _entries(root):
        if not stat.S_ISREG(info.st_mode) or path not in live:
            return None
        files[path] = info.st_ino
    return files


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def write_error(out: Path, problem: OSError) -> WriteError:
    """The error for a failed write, naming the file or folder that failed where the system
    says which (it may be in the staging folder), else the output."""
    where = problem.filename if isinstance(problem.filename, str) else out
    return WriteError(
        f"cannot write {where}: {problem.strerror or problem}; "
        "check that the disk has room and the directory is writable"
    )


def _same_bytes(path: str, data: bytes) -> bool:
    try:
        if os.path.islink(path) or os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def _swap(staging: Path, out: Path, keep: bool = False) -> None:
    if not out.exists():
        os.rename(staging, out)
        return
    if not out.is_dir() or out.is_symlink():
        raise WriteError(f"{out} exists and is not a directory; move it away or choose --out")
    if _exchange(staging, out):
        if not keep:
            shutil.rmtree(staging)  # now holds the old site
        return
    retired = out.with_name(f".{out.name}.old")
    os.rename(out, retired)  # no atomic exchange here: _recover mends a crash in between
    os.rename(staging, out)
    shutil.rmtree(retired)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories atomically with Linux renameat2(RENAME_EXCHANGE), where available."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code))


def _marked(folder: Path) -> bool:
    """The folder is one dateline made: it holds the marker (a real file, not a link)."""
    marker = folder / MARKER
    return not folder.is_symlink() and marker.is_file() and not marker.is_symlink()


def _recover(out: Path) -> None:
    """Put back an old site retired by a fallback swap that was interrupted; a folder of that
    name that dateline did not write is left alone."""
    retired = out.with_name(f".{out.name}.old")
    if _marked(retired):
        if out.exists():
            shutil.rmtree(retired)
        else:
            os.rename(retired, out)
