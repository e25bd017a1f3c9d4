"""The only module that touches the output directory: all of a new site, or none of it.

A build is written into a sibling directory and swapped in with one atomic exchange, so a crash,
a kill or a full disk at any moment leaves either the complete old site or the complete new one.
Files whose bytes did not change are hard-linked from the old site, keeping their mtime.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

AT_FDCWD = -100
RENAME_EXCHANGE = 2
MAX_PATH_PART = 200


class WriteError(Exception):
    """The output could not be written; the message says what to do."""


def safe_relative(path: str) -> PurePosixPath:
    """A path that cannot leave the output directory, or WriteError."""
    pure = PurePosixPath(path)
    if (
        not path
        or "\0" in path
        or "\\" in path
        or pure.is_absolute()
        or any(part in ("", ".", "..") or len(part) > MAX_PATH_PART for part in path.split("/"))
    ):
        raise WriteError(f"refusing to write {path[:100]!r}: it would leave the output directory")
    return pure


def check_paths(files: Mapping[str, bytes]) -> None:
    """Refuse unsafe names and names that differ only by case (they collide on macOS/Windows)."""
    folded: dict[str, str] = {}
    for path in files:
        safe_relative(path)
        other = folded.setdefault(path.casefold(), path)
        if other != path:
            raise WriteError(f"{other!r} and {path!r} differ only by case; rename one of them")


@contextmanager
def build_lock(cache_dir: Path) -> Iterator[None]:
    """One build at a time per output directory; a second one stops with a clear message."""
    lock_path = cache_dir / "build.lock"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+")  # closed by the with block below
    except OSError as problem:
        raise WriteError(
            f"cannot take the build lock {lock_path}: {problem.strerror or problem}; "
            "check that the output's folder is writable and the disk has room"
        ) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WriteError(
                f"another build is writing this site (lock {lock_path}); "
                "wait for it to finish, then build again"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_site(out: Path, files: Mapping[str, bytes]) -> int:
    """Replace `out` with exactly `files`; returns how many files had new bytes."""
    check_paths(files)
    out = out.absolute()
    _recover(out)
    if _holds_exactly(out, files):
        return 0  # a no-op build: nothing to write, nothing to swap
    staging = out.with_name(f".{out.name}.new")
    try:
        if staging.exists():
            shutil.rmtree(staging)  # left by a build that was killed
        staging.mkdir(parents=True)
        changed = _fill(staging, out, files)
        _swap(staging, out)
    except OSError as problem:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteError(
            f"cannot write {out}: {problem.strerror or problem}; "
            "check that the disk has room and the directory is writable"
        ) from None
    return changed


def _fill(staging: Path, old: Path, files: Mapping[str, bytes]) -> int:
    changed = 0
    made: set[Path] = set()
    for name in sorted(files):
        data = files[name]
        target = staging / name
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        previous = old / name
        if _same_bytes(previous, data):
            os.link(previous, target)
            continue
        target.write_bytes(data)
        changed += 1
    return changed


def _holds_exactly(out: Path, files: Mapping[str, bytes]) -> bool:
    """`out` is a real directory whose files are exactly `files`, byte for byte."""
    if not out.is_dir() or out.is_symlink():
        return False
    present = {
        Path(folder, name).relative_to(out).as_posix()
        for folder, _, names in os.walk(out)
        for name in names
    }
    return present == set(files) and all(_same_bytes(out / n, files[n]) for n in files)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.is_symlink() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        os.rename(staging, out)
        return
    if not out.is_dir() or out.is_symlink():
        raise WriteError(f"{out} exists and is not a directory; move it away or choose --out")
    if _exchange(staging, out):
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


def _recover(out: Path) -> None:
    """Put back an old site retired by a fallback swap that was interrupted."""
    retired = out.with_name(f".{out.name}.old")
    if retired.exists():
        if out.exists():
            shutil.rmtree(retired)
        else:
            os.rename(retired, out)
