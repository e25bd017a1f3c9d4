"""One build per output folder at a time.

The lock is a file beside the output, outside the cache folder, so deleting the cache during a
build does not let a second build in, and builds into two folders of one parent both run.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dateline.engine.write import WriteError


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
