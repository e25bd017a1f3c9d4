"""Public files name reports by their article, never by where the publisher keeps the file."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from dateline.cli.main import main
from tests.conftest import SITE_YAML, article


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A site with a merged event (narrowest of three reports, one anchored, and an overlap),
    built from an absolute content path with the PDF brief."""
    root = tmp_path_factory.mktemp("publisher-desk")
    content = root / "content"
    content.mkdir()
    (content / "site.yaml").write_text(SITE_YAML)
    (content / "a.md").write_text(article(
        "  - id: strike\n    when: Tuesday\n    what: The strike.\n"
        "  - id: talks\n    when: early January\n    what: Talks.\n",
        extra="source: Wire A\n"))
    (content / "b.md").write_text(article(
        "  - id: strike\n    when: January\n    what: The strike.\n"
        "  - id: talks\n    when: January 5-20\n    what: Talks.\n",
        published="2024-01-26", dateline="Erbil [Iraq], January 26").replace(
            "title: A report", "title: Second report"))
    (content / "c.md").write_text(article(
        "  - id: strike\n    when: 2 days after\n    anchor: base\n    what: The strike.\n"
        "  - id: base\n    when: January 21\n    what: The base attack.\n",
        published="2024-01-27").replace("title: A report", "title: Third report"))
    out = root / "site"
    assert main(["--content", str(content), "--out", str(out)]) == 0
    return content, out


def public_text(path: Path) -> str:
    if path.suffix == ".pdf":
        result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                check=True)
        metadata = path.read_bytes().decode("latin-1")  # uncompressed objects: info, links
        return " ".join(result.stdout.split()) + "\n" + metadata
    return path.read_text("utf-8")


def test_merged_events_name_their_reports_by_article(built: tuple[Path, Path]) -> None:
    _, out = built
    events = {e["id"]: e for e in json.loads((out / "war" / "events.json").read_text())["events"]}
    explanation = events["strike"]["explanation"]
    assert "the narrowest of 3 reports" in explanation
    for title in ("A report", "Second report", "Third report"):
        assert title in explanation
    assert "reports allow" in events["talks"]["explanation"]
    assert "A report" in events["talks"]["explanation"]


def test_no_output_file_holds_a_file_system_path(built: tuple[Path, Path]) -> None:
    content, out = built
    forbidden = {
        str(content), str(content.parent), content.parent.name, ".md:",
        os.path.expanduser("~"), tempfile.gettempdir(),
    }
    files = sorted(path for path in out.rglob("*") if path.is_file())
    assert {path.suffix for path in files} >= {".html", ".json", ".xml", ".ics", ".csv", ".pdf"}
    for path in files:
        text = public_text(path)
        unwrapped = "".join(text.split())  # a PDF may break a path across lines
        for needle in forbidden:
            assert needle not in text and needle not in unwrapped, (
                path.relative_to(out).as_posix(), needle)


def test_the_timeline_page_links_each_merged_report_to_its_article(
    built: tuple[Path, Path],
) -> None:
    _, out = built
    page = (out / "war" / "index.html").read_text("utf-8")
    details = page[page.index("the narrowest of 3 reports"):]
    details = details[: details.index("</details>")]
    for stem, title in (("a", "A report"), ("b", "Second report"), ("c", "Third report")):
        assert f'<a href="../articles/{stem}.html#at-strike">{title}</a>' in details
