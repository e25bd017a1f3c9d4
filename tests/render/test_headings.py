"""Headings follow what an event's date says: a year under its year, a month under its month,
and a timeline's bounds as coarse as the events that set them."""

from __future__ import annotations

import re
from pathlib import Path

from dateline.cli.main import main
from tests.conftest import MakeContent, article

EVENTS = (
    "  - id: talks-start\n    when: in 2015\n    what: Talks start.\n"
    "  - id: march-protests\n    when: March 2015\n    what: Protests all month.\n"
    "  - id: first-vote\n    when: March 1, 2015\n    what: A first vote.\n"
    "  - id: deal\n    when: July 31, 2021\n    what: The deal.\n"
)


def built(make_content: MakeContent, tmp_path: Path) -> tuple[str, str]:
    content = make_content({"a.md": article(EVENTS, dateline="GENEVA, Aug. 2",
                                             published="2021-08-02")})
    out = tmp_path / "site"
    assert main(["--content", str(content), "--out", str(out), "--no-pdf"]) == 0
    page = (out / "war" / "index.html").read_text(encoding="utf-8")
    home = (out / "index.html").read_text(encoding="utf-8")
    return page, home


def reading_order(page: str) -> list[str]:
    """Headings and event ids in the order a reader meets them."""
    found = re.finditer(r'<h2 id="y(\d{4})"|<h3>([^<]+)</h3>|<li id="([^"]+)" class="event', page)
    return [next(group for group in match.groups() if group) for match in found]


def test_a_year_event_sits_under_its_year_before_the_months(
    make_content: MakeContent, tmp_path: Path
) -> None:
    page, _ = built(make_content, tmp_path)
    assert reading_order(page) == [
        "2015", "talks-start",
        "March 2015", "march-protests", "first-vote",
        "2021", "July 2021", "deal",
    ]


def test_the_timeline_span_is_as_coarse_as_its_bounds(
    make_content: MakeContent, tmp_path: Path
) -> None:
    page, home = built(make_content, tmp_path)
    assert "2015 \u2013 July 31, 2021" in home
    assert "2015 \u2013 July 31, 2021" in page
    assert "Jan. 1, 2015" not in home + page
