"""A content file that cannot be read is named, with the system's reason, by build and check.

Tests run as root here, where `chmod 000` changes nothing, so the refusal comes from a seam:
`open` (and `Path.read_bytes`) raise PermissionError for the one file, as the system would.
"""

from __future__ import annotations

import builtins
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dateline.cli.main import main
from tests.conftest import MakeContent, article

EVENT = "  - id: x\n    when: Monday\n    what: X.\n"


def refuse_reading(monkeypatch: pytest.MonkeyPatch, refused: Path) -> None:
    """Reading `refused` fails as it would for a file with mode 000 and a user who is not root."""
    real_open: Callable[..., Any] = builtins.open
    real_read_bytes = Path.read_bytes

    def denied() -> PermissionError:
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(refused))

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, Path)) and Path(file).resolve() == refused.resolve():
            raise denied()
        return real_open(file, *args, **kwargs)

    def guarded_read_bytes(path: Path) -> bytes:
        if path.resolve() == refused.resolve():
            raise denied()
        return real_read_bytes(path)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(Path, "read_bytes", guarded_read_bytes)


@pytest.mark.parametrize("name", ["b.md", "site.yaml"])
@pytest.mark.parametrize("command", ["build", "check"])
def test_an_unreadable_file_is_named_with_the_reason(
    make_content: MakeContent,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    name: str,
) -> None:
    content = make_content({"a.md": article(EVENT), "b.md": article(EVENT)})
    monkeypatch.chdir(tmp_path)
    refuse_reading(monkeypatch, content / name)
    extra = ["--out", "site", "--no-pdf", "--jobs", "1"] if command == "build" else []
    assert main([command, "--content", "content", *extra]) == 1
    message = capsys.readouterr().err
    assert f"content/{name}: cannot read this file: Permission denied" in message, message
    assert "cannot write" not in message and "disk" not in message
    assert not (tmp_path / "site").exists()


def test_a_file_unreadable_since_the_last_build_is_named_when_its_cache_entry_is_gone(
    make_content: MakeContent,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The last build vouches for the file's bytes by its stamp, so it is read only when the
    cache no longer holds what it became: that late read is named the same way."""
    content = make_content({"a.md": article(EVENT), "b.md": article(EVENT)})
    an_hour_ago = (content / "b.md").stat().st_mtime - 3600
    os.utime(content / "b.md", (an_hour_ago, an_hour_ago))  # older than the build: trusted
    monkeypatch.chdir(tmp_path)
    build = ["build", "--content", "content", "--out", "site", "--no-pdf", "--jobs", "1"]
    assert main(build) == 0
    for entry in (tmp_path / ".dateline-cache").glob("articles-*"):
        entry.unlink()
    with (content / "site.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# a new comment: the site is made again\n")
    capsys.readouterr()
    refuse_reading(monkeypatch, content / "b.md")
    assert main(build) == 1
    message = capsys.readouterr().err
    assert "content/b.md: cannot read this file: Permission denied" in message, message
    assert "cannot write" not in message
