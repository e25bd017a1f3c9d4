"""Links that lead out of the content or templates folder, refused before anything is read.

A site's folders may come from someone else (a cloned repository, a shared drive). A link in
them to `/etc/shadow` would be read as site.yaml and echoed in an error, or published as a
stylesheet; so dateline reads only files that lie, links followed, inside the folder they are
found in, and names the link, never what it points at.
"""

from __future__ import annotations

import os
from pathlib import Path

from dateline.errors import ContentError

HINT = "copy the file into the folder, or make the link point inside it"


def leads_out(path: Path, folder: Path) -> bool:
    """Whether `path`, a link, resolves (links followed) outside `folder`, or nowhere."""
    try:
        target = path.resolve(strict=False)
    except (OSError, RuntimeError):  # links that go round in a loop
        return True
    return not target.is_relative_to(folder.resolve())


def link_out(shown: str, folder_shown: str) -> ContentError:
    """The problem of a link named as the user sees it (never what it points at)."""
    return ContentError(
        shown, 0, 0, f"is a link leading outside {folder_shown}/ (or round in a loop); not read",
        HINT,
    )


def links_out_of(folder: Path, shown: str) -> list[ContentError]:
    """Every link anywhere under `folder` (files and folders) that leads out of it."""
    if not folder.is_dir():
        return []
    root = folder.resolve()
    problems = []
    for parent, folders, files in os.walk(root):  # linked folders are listed, not entered
        for name in sorted([*folders, *files]):
            path = Path(parent, name)
            if path.is_symlink() and leads_out(path, root):
                relative = path.relative_to(root).as_posix()
                problems.append(link_out(f"{shown}/{relative}", shown))
    return problems
