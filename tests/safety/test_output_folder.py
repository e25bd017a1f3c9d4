"""The output folder: dateline replaces only a folder it wrote itself, and refuses any other.

A build swaps its whole output folder away, so an output that is the project, the content, the
templates, the home folder or a folder of someone's files would lose them. Each refusal exits 1,
names the folder and says why, and leaves every file where it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_runner import Ran
from tests.conftest import SITE_YAML, article
from tests.safety.support import listing, run_fenced, write_files

EVENT = "  - id: strike\n    when: Monday\n    what: A strike.\n"
MARKER = ".dateline-site"


def project(tmp_path: Path) -> Path:
    """A user's project: content, a template of their own, notes and a git folder."""
    return write_files(tmp_path / "project", {
        "content/site.yaml": SITE_YAML,
        "content/a.md": article(EVENT),
        "templates/static/own.css": "body { margin: 0; }\n",
        "notes.txt": "my notes",
        ".git/HEAD": "ref: refs/heads/main\n",
    })


def dateline(cwd: Path, *arguments: str, home: Path | None = None) -> Ran:
    """`python build.py ARGUMENTS` run from `cwd`, as a user in their project would."""
    environment = None if home is None else {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    return run_fenced(*arguments, cwd=cwd, environment=environment)


def assert_refused(result: Ran, *words: str) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("out", "why"),
    [
        (".", "holds the content folder"),
        ("content", "is the content folder"),
        ("content/site", "is inside the content folder"),
        ("templates", "is the templates folder"),
        ("templates/static", "is inside the templates folder"),
        (".dateline-cache", "dateline's cache folder"),
    ],
)
def test_an_output_over_the_project_content_or_templates_is_refused(
    tmp_path: Path, out: str, why: str
) -> None:
    root = project(tmp_path)
    before = listing(tmp_path)
    result = dateline(root, "--out", out, "--no-pdf")
    assert_refused(result, why, "choose another --out")
    assert listing(tmp_path) == before  # nothing moved, nothing written anywhere


@pytest.mark.parametrize("holder", [".git", "build.py"])
def test_a_project_folder_is_refused_as_the_output(tmp_path: Path, holder: str) -> None:
    root = write_files(tmp_path / "code", {holder if holder == "build.py" else ".git/HEAD": "x"})
    content = project(tmp_path) / "content"
    before = listing(tmp_path)
    result = dateline(tmp_path, "--content", str(content), "--out", str(root), "--no-pdf")
    assert_refused(result, "code", f"holds {holder}")
    assert listing(tmp_path) == before


def test_the_home_folder_is_refused_as_the_output(tmp_path: Path) -> None:
    home = write_files(tmp_path / "home", {"letter.txt": "dear"})
    content = project(tmp_path) / "content"
    before = listing(tmp_path)
    result = dateline(tmp_path, "--content", str(content), "--out", str(home), "--no-pdf",
                      home=home)
    assert_refused(result, "home", "is your home folder")
    assert listing(tmp_path) == before


def test_the_root_folder_is_refused_as_the_output(tmp_path: Path) -> None:
    content = project(tmp_path) / "content"
    result = dateline(tmp_path, "--content", str(content), "--out", "/", "--no-pdf")
    assert_refused(result, "is the root folder")
    assert not Path("/.dateline-cache").exists()


def test_a_folder_of_someone_elses_files_is_refused(tmp_path: Path) -> None:
    content = project(tmp_path) / "content"
    photos = write_files(tmp_path / "photos", {"beach.jpg": b"\xff\xd8", "2023/park.jpg": b"\xff"})
    before = listing(photos)
    result = dateline(tmp_path, "--content", str(content), "--out", str(photos), "--no-pdf")
    assert_refused(result, "photos", "not written by dateline", "choose another --out")
    assert listing(photos) == before
    staged = [path.name for path in tmp_path.rglob("*.jpg") if not path.is_relative_to(photos)]
    assert staged == []


def test_an_empty_folder_is_a_fine_output(tmp_path: Path) -> None:
    content = project(tmp_path) / "content"
    (tmp_path / "empty").mkdir()
    result = dateline(tmp_path, "--content", str(content), "--out", "empty", "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "empty" / "index.html").is_file()


def test_a_file_added_to_a_built_site_is_never_swapped_away(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert dateline(root, "--no-pdf").returncode == 0
    write_files(root / "site", {"CNAME": "news.example.org", "photos/a.jpg": b"\xff"})
    (root / "content" / "a.md").write_text(article(EVENT, body="Edited.\n"), encoding="utf-8")
    before = listing(root / "site")
    result = dateline(root, "--no-pdf")
    assert_refused(result, "site", "did not write", "CNAME", "photos/", "choose another --out")
    assert listing(root / "site") == before


def test_a_site_matching_the_last_build_is_adopted_without_its_marker(tmp_path: Path) -> None:
    """The marker lost, but every file is exactly what the cache's manifest says the last build
    wrote: the folder is dateline's, and the next build replaces it (and marks it again)."""
    root = project(tmp_path)
    assert dateline(root, "--no-pdf").returncode == 0
    (root / "site" / MARKER).unlink()
    (root / "content" / "a.md").write_text(article(EVENT, body="Edited.\n"), encoding="utf-8")
    result = dateline(root, "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert "Edited." in (root / "site" / "articles" / "a.html").read_text(encoding="utf-8")
    assert (root / "site" / MARKER).is_file()


def test_a_site_from_an_older_dateline_is_refused_with_what_to_do(tmp_path: Path) -> None:
    """No marker and no cache to vouch for it: dateline cannot tell the folder is its own."""
    root = project(tmp_path)
    assert dateline(root, "--no-pdf").returncode == 0
    (root / "site" / MARKER).unlink()
    for path in sorted((tmp_path / "project" / ".dateline-cache").rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    before = listing(root / "site")
    result = dateline(root, "--no-pdf")
    assert_refused(result, "site", "not written by dateline", "delete it")
    assert listing(root / "site") == before


@pytest.mark.parametrize("out", ["content/site", "photos"])
def test_serve_refuses_the_same_outputs_before_serving(tmp_path: Path, out: str) -> None:
    root = project(tmp_path)
    write_files(root / "photos", {"beach.jpg": b"\xff\xd8"})
    before = listing(tmp_path)
    result = dateline(root, "serve", "--out", out, "--port", "0", "--no-pdf")
    assert_refused(result, out.split("/")[-1], "choose another --out")
    assert "serving" not in result.stdout
    assert listing(tmp_path) == before
