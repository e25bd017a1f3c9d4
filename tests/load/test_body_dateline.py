"""Copy pasted from a wire opens with its dateline: without `dateline:` in the front matter,
the body's first line gives it, and `check` says which line was used."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from dateline.load.article import load_article

FRONT = b"---\ntitle: Ship refloated\npublished: 2021-03-29\ntimeline: war\n---\n"


def test_the_body_gives_the_dateline_when_the_front_matter_has_none() -> None:
    body = b"\nCAIRO, March 29 (Reuters) - Salvage teams freed the ship on Monday.\n"
    article, errors = load_article("content/a.md", FRONT + body)
    assert not errors and article is not None
    assert article.dateline == "CAIRO, March 29 (Reuters)"
    assert article.reference == date(2021, 3, 29)
    assert article.dateline_line == 7  # the file's line: five of front matter, one blank


def test_a_body_without_a_dateline_is_an_error_saying_what_to_add() -> None:
    article, errors = load_article("content/a.md", FRONT + b"Salvage teams freed the ship.\n")
    assert article is None
    assert [e.message for e in errors] == [
        'no "dateline:", and the body does not open with one']


def test_an_unreadable_body_dateline_points_at_its_line() -> None:
    body = b"CAIRO, Marhc 29 (Reuters) - Salvage teams freed the ship on Monday.\n"
    article, errors = load_article("content/a.md", FRONT + body)
    assert article is None
    assert [(e.line, "Marhc 29" in e.message) for e in errors] == [(6, True)]


def test_check_names_the_line_the_dateline_came_from(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yaml").write_text("title: Desk\ntimelines:\n  war:\n    title: The war\n")
    (content / "a.md").write_bytes(
        FRONT + b"\nCAIRO, March 29 (Reuters) - Salvage teams freed the ship on Monday.\n")
    repo = Path(__file__).resolve().parents[2]
    checked = subprocess.run([sys.executable, "build.py", "check", "--content", str(content)],
                             cwd=repo, capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    assert "a.md:7:" in checked.stderr and '"CAIRO, March 29 (Reuters)"' in checked.stderr
