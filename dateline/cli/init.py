"""`dateline init DIR`: a starter site in a new or empty folder, ready for `dateline build`."""

from __future__ import annotations

import sys
from pathlib import Path


def init(folder: Path) -> int:
    from dateline.authoring.scaffold import starter_site

    if folder.exists() and not folder.is_dir():
        print(f"error: {folder} is a file; name a new or empty folder", file=sys.stderr)
        return 1
    if folder.is_dir() and any(folder.iterdir()):
        print(
            f"error: {folder} is not empty; dateline init writes only into a new or empty "
            "folder, so nothing of yours is overwritten",
            file=sys.stderr,
        )
        return 1
    try:
        for name, text in starter_site().items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as handle:  # never replaces a file
                handle.write(text)
    except OSError as problem:
        print(f"error: cannot write {folder}: {problem.strerror or problem}", file=sys.stderr)
        return 1
    print(f"created a starter site in {folder}; next: cd {folder} && dateline build")
    return 0
