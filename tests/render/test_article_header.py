"""An article page's header shows the dateline as a place and day, without the wire's dash."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.cli.main import main
from tests.conftest import MakeContent, article


@pytest.mark.parametrize("closing", [" -", " \u2014", " --", ":"])
def test_the_header_drops_the_datelines_closing_dash(
    make_content: MakeContent, tmp_path: Path, closing: str
) -> None:
    events = "  - id: grounding\n    when: Tuesday\n    what: Aground.\n"
    content = make_content({"a.md": article(
        events, dateline=f"ISMAILIA, Egypt, March 25 (Reuters){closing}", published="2021-03-25")})
    out = tmp_path / "site"
    assert main(["--content", str(content), "--out", str(out), "--no-pdf"]) == 0
    page = (out / "articles" / "a.html").read_text(encoding="utf-8")
    assert '<span class="dateline">ISMAILIA, Egypt, March 25 (Reuters)</span>' in page
