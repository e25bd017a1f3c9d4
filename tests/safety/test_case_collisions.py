"""Two articles whose names differ only by case are refused, naming both files.

`Iraq.md` and `iraq.md` both load, then collide as `articles/Iraq.html` and `articles/iraq.html`
(one file on macOS and Windows). write.py refuses the pair, but its message names the output pages,
not the content files the user must rename, and comes after every page was rendered.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SITE_YAML, article
from tests.safety.support import listing, run_build, write_files

EVENT = "  - id: {id}\n    when: Tuesday\n    what: A strike.\n"


def test_articles_differing_only_by_case_are_refused_naming_both_files(tmp_path: Path) -> None:
    content = write_files(tmp_path / "content", {
        "site.yaml": SITE_YAML,
        "Iraq.md": article(EVENT.format(id="one")),
        "iraq.md": article(EVENT.format(id="two")),
    })
    before = listing(tmp_path)
    result = run_build(content, tmp_path / "site", "--no-pdf")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/Iraq.md" in result.stderr and "content/iraq.md" in result.stderr, result.stderr
    assert "differ only by case" in result.stderr or "same page" in result.stderr
    assert "problem found; nothing was written" in result.stderr  # reported like content errors
    after = {name: v for name, v in listing(tmp_path).items()
             if ".dateline-cache" not in name and not name.endswith(".dateline-lock")}
    assert after == before  # no output at all: refused before anything is rendered
