"""Whole builds through the command line, as an author runs them."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli.main import main
from tests.cli_runner import Ran, run_dateline
from tests.conftest import MakeContent, article

ROOT = Path(__file__).resolve().parent.parent


def listing(root: Path) -> dict[str, tuple[str, int]]:
    """Each file's content hash and modification time: 'exactly as it was' made checkable."""
    return {
        path.relative_to(root).as_posix(): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def run_build(content: Path, out: Path, *extra: str) -> Ran:
    return run_dateline("--content", str(content), "--out", str(out), *extra, cwd=content.parent)


def test_an_anchor_across_articles_and_a_merged_event(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(
        {
            "a.md": article(
                "  - id: attack\n    when: October 7\n    what: The attack.\n",
                dateline="WASHINGTON, Oct. 18",
                published="2023-10-18",
            ),
            "b.md": article(
                "  - id: begin\n    when: 10 days after\n    anchor: attack\n    what: Begin.\n"
                "  - id: attack\n    when: Last October\n    what: The attack.\n",
                dateline="Baghdad [Iraq], January 24",
                published="2024-01-24",
            ),
        }
    )
    assert main(["--content", str(content), "--out", str(tmp_path / "site"), "--no-pdf"]) == 0
    data = json.loads((tmp_path / "site" / "war" / "events.json").read_text())
    events = {event["id"]: event for event in data["events"]}
    assert [event["id"] for event in data["events"]] == ["attack", "begin"]
    assert (events["attack"]["start"], events["attack"]["end"]) == ("2023-10-07", "2023-10-07")
    assert (events["begin"]["start"], events["begin"]["end"]) == ("2023-10-17", "2023-10-17")
    assert [source["article"] for source in events["attack"]["sources"]] == ["a", "b"]


def test_errors_name_file_line_and_column_and_write_nothing(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(
        {"a.md": article("  - id: strike\n    when: Tusday (local time)\n    what: A strike.\n")}
    )
    out = tmp_path / "site"
    result = run_build(content, out)
    assert result.returncode == 1
    assert 'content/a.md:8:11: cannot read "Tusday"' in result.stderr
    assert 'did you mean "Tuesday"?' in result.stderr
    assert "    when: Tusday (local time)\n              ^" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"a.md": article("  - id: x\n    when: two days later\n    what: X.\n")},
            "content/a.md:8:11:",
        ),
        (
            {"a.md": article("  - id: x\n    when: Monday\n    anchor: nothing\n    what: X.\n")},
            'content/a.md:9:13: anchor "nothing" names no event of timeline "war"',
        ),
        (
            {
                "a.md": article(
                    "  - id: x\n    when: a day after\n    anchor: y\n    what: X.\n"
                    "  - id: y\n    when: a day after\n    anchor: x\n    what: Y.\n"
                )
            },
            "anchored on each other in a circle: x → y → x",
        ),
        (
            {"a.md": article("  - id: x\n    when: Monday\n    what: X.\n", timeline="peace")},
            'content/a.md:5:11: unknown timeline "peace"',
        ),
        (
            {
                "a.md": article("  - id: x\n    when: Monday\n    what: X.\n"),
                "b.md": article("  - id: x\n    when: Tuesday\n    what: X.\n"),
            },
            "the reports do not overlap",
        ),
        (
            {
                "a.md": article(
                    "  - id: x\n    when: Monday\n    what: X.\n", dateline="LIMA, Feb. 9"
                )
            },
            "content/a.md:3:",
        ),
    ],
    ids=[
        "anchored-without-anchor",
        "unknown-anchor",
        "cycle",
        "unknown-timeline",
        "conflict",
        "dateline-far-from-published",
    ],
)
def test_content_problems_are_reported_with_their_place(
    make_content: MakeContent, tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    result = run_build(make_content(files), tmp_path / "site")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_every_problem_of_every_file_is_reported_at_once(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(
        {
            "a.md": article("  - id: x\n    when: Tusday\n    what: X.\n"),
            "b.md": article("  - id: y\n    when: Febuary 3\n    what: Y.\n"),
            "c.md": article("  - id: z\n    wen: Monday\n    what: Z.\n"),
        }
    )
    result = run_build(content, tmp_path / "site")
    assert result.returncode == 1
    assert "3 problems found" in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    assert [line.split(":")[0] for line in lines] == [
        "content/a.md",
        "content/b.md",
        "content/c.md",
    ]


def test_a_failed_build_leaves_the_previous_site_exactly_as_it_was(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content({"a.md": article("  - id: x\n    when: Monday\n    what: X.\n")})
    out = tmp_path / "site"
    assert run_build(content, out, "--no-pdf").returncode == 0
    before = listing(out)
    (content / "b.md").write_text(article("  - id: y\n    when: Tusday\n    what: Y.\n"))
    assert run_build(content, out, "--no-pdf").returncode == 1
    assert listing(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".dateline-cache",
        ".site.dateline-lock",
        "content",
        "site",
    ]


def test_files_starting_with_underscore_or_dot_are_ignored(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content(
        {
            "a.md": article("  - id: x\n    when: Monday\n    what: X.\n"),
            "_draft.md": "not even front matter",
            ".hidden.md": "nor this",
        }
    )
    assert run_build(content, tmp_path / "site", "--no-pdf").returncode == 0
    assert sorted(p.name for p in (tmp_path / "site" / "articles").iterdir()) == ["a.html"]


def test_the_example_builds_byte_identically_twice(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert run_build(ROOT / "content", first).returncode == 0
    assert run_build(ROOT / "content", second).returncode == 0
    hashes = {name: digest for name, (digest, _) in listing(first).items()}
    assert hashes == {name: digest for name, (digest, _) in listing(second).items()}
    assert "proxy-attacks/brief.pdf" in hashes


def test_check_reports_without_writing(make_content: MakeContent, tmp_path: Path) -> None:
    content = make_content({"a.md": article("  - id: x\n    when: Tusday\n    what: X.\n")})
    result = run_dateline("check", "--content", str(content), cwd=tmp_path)
    assert result.returncode == 1
    assert "content/a.md:8:11:" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["content"]


def with_own_home(make_content: MakeContent, main: str) -> Path:
    """One article, and a site's own templates/index.html whose main block is `main`."""
    content = make_content({"a.md": article("  - id: x\n    when: Monday\n    what: X.\n")})
    templates = content.parent / "templates"
    templates.mkdir()
    (templates / "index.html").write_text(
        '{% extends "base.html" %}\n{% block main %}' + main + "{% endblock %}\n"
    )
    return content


def test_a_broken_site_template_is_reported_with_its_line(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = with_own_home(make_content, "\n{{ no_such_name }}\n")
    result = run_build(content, tmp_path / "site", "--no-pdf")
    assert result.returncode == 1
    assert "templates/index.html:3: template error: 'no_such_name' is undefined" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_site_template_overrides_the_bundled_one(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = with_own_home(make_content, "<h1>Our own home</h1>")
    assert run_build(content, tmp_path / "site", "--no-pdf").returncode == 0
    home = (tmp_path / "site" / "index.html").read_text()
    assert "<h1>Our own home</h1>" in home
    assert "Our own home" not in (tmp_path / "site" / "war" / "index.html").read_text()


def test_without_weasyprints_system_libraries_the_site_builds_without_pdfs(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content({"a.md": article("  - id: x\n    when: Monday\n    what: X.\n")})
    fake = tmp_path / "fake"
    fake.mkdir()  # what importing WeasyPrint does on a machine without Pango
    (fake / "weasyprint.py").write_text(
        "raise OSError(\"cannot load library 'libgobject-2.0-0': no such file\")\n"
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--content", str(content), "--out",
         str(tmp_path / "site")],
        capture_output=True, text=True, cwd=tmp_path, check=False,
        env={**os.environ, "PYTHONPATH": str(fake)},
    )
    assert result.returncode == 0, result.stderr
    assert "PDF briefs skipped" in result.stderr and "libgobject" in result.stderr
    assert (tmp_path / "site" / "war" / "index.html").is_file()
    assert not (tmp_path / "site" / "war" / "brief.pdf").exists()


def test_a_misspelt_anchor_gets_a_did_you_mean(make_content: MakeContent, tmp_path: Path) -> None:
    content = make_content(
        {
            "a.md": article(
                "  - id: refloated\n    when: Monday\n    what: Freed.\n"
                "  - id: traffic\n    when: a day after\n    anchor: refloted\n    what: Ships.\n"
            )
        }
    )
    result = run_build(content, tmp_path / "site")
    assert result.returncode == 1
    assert 'anchor "refloted" names no event of timeline "war"' in result.stderr
    assert 'did you mean "refloated"?' in result.stderr
