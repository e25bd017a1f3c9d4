"""`dateline init DIR`: a starter site in a new or empty folder, ready for `dateline build`."""

from __future__ import annotations

import sys
from pathlib import Path


def init(folder: Path, program: str = "dateline") -> int:
    """`program` is how the user started us, so the next step names a command they have."""
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
    if program == "dateline":
        step = f"cd {folder} && dateline build"
    else:  # run from a checkout, where the dateline command may not be installed
        step = f"{program} --content {folder / 'content'} --out {folder / 'site'}"
    print(f"created a starter site in {folder}; next: {step}")
    return 0
