"""A link in content/ or templates/ that leads out of its folder is refused, naming the link and
printing nothing of what it points at; a link that stays inside its folder is followed."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.cli.main import main
from tests.conftest import SITE_YAML, article

SECRET = "SECRET-TOKEN-7f3a"
SECRET_YAML = f"root: x: {SECRET}\n"  # a YAML error that would echo its line
ARTICLE = article("  - id: x\n    when: Monday\n    what: X.\n")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder as the working directory, with content/, and a secret file beside it."""
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "content" / "site.yaml").write_text(SITE_YAML)
    (root / "content" / "a.md").write_text(ARTICLE)
    (tmp_path / "secret.txt").write_text(SECRET_YAML)
    monkeypatch.chdir(root)
    return root


def run(*arguments: str) -> int:
    return main([*arguments])


def build() -> int:
    return run("--content", "content", "--out", "site", "--no-pdf")


def refused(capsys: pytest.CaptureFixture[str], link: str) -> None:
    err = capsys.readouterr().err
    assert f"{link}: is a link leading outside" in err, err
    assert SECRET not in err and "Traceback" not in err


def test_site_yaml_linked_out_of_content_is_refused_by_build_and_check(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "content" / "site.yaml").unlink()
    (project / "content" / "site.yaml").symlink_to(project.parent / "secret.txt")
    assert build() == 1
    refused(capsys, "content/site.yaml")
    assert not (project / "site").exists()
    assert run("check", "--content", "content") == 1
    refused(capsys, "content/site.yaml")


def test_site_yaml_linked_out_is_refused_by_new(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "content" / "site.yaml").unlink()
    (project / "content" / "site.yaml").symlink_to(project.parent / "secret.txt")
    assert run("new", "Headline", "--timeline", "war", "--dateline", "Baghdad, May 1") == 1
    refused(capsys, "content/site.yaml")


def test_an_article_linked_out_of_content_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project.parent / "elsewhere.md").write_text(ARTICLE.replace("Body text.", SECRET))
    (project / "content" / "b.md").symlink_to(project.parent / "elsewhere.md")
    assert build() == 1
    refused(capsys, "content/b.md")


def test_a_static_file_linked_out_of_templates_is_not_published(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "templates" / "static").mkdir(parents=True)
    (project / "templates" / "static" / "leak.css").symlink_to(project.parent / "secret.txt")
    assert build() == 1
    refused(capsys, "templates/static/leak.css")
    assert not (project / "site").exists()


@pytest.mark.parametrize("link", ["templates/index.html", "templates/static"])
def test_a_template_or_folder_linked_out_of_templates_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    (project / "templates").mkdir()
    (project.parent / "outside").mkdir()
    (project.parent / "outside" / "leak.css").write_text(SECRET)
    target = project.parent / ("secret.txt" if link.endswith(".html") else "outside")
    (project / link).symlink_to(target)
    assert build() == 1
    refused(capsys, link)


def test_links_that_stay_inside_their_folder_are_followed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "content" / "_drafts").mkdir()
    (project / "content" / "_drafts" / "b.md").write_text(ARTICLE)
    (project / "content" / "b.md").symlink_to(Path("_drafts") / "b.md")
    (project / "templates" / "shared").mkdir(parents=True)
    (project / "templates" / "shared" / "extra.css").write_text("p { margin: 0 }\n")
    (project / "templates" / "static").mkdir()
    (project / "templates" / "static" / "extra.css").symlink_to(
        project / "templates" / "shared" / "extra.css")
    assert build() == 0, capsys.readouterr().err
    assert (project / "site" / "articles" / "b.html").is_file()
    assert (project / "site" / "static" / "extra.css").read_text() == "p { margin: 0 }\n"


def test_the_template_loader_itself_refuses_a_link_out(tmp_path: Path) -> None:
    """Any caller of the environment, not only a build, is kept inside the folders."""
    from dateline.errors import TemplateProblem
    from dateline.render.pages import make_environment, static_files

    (tmp_path / "secret.txt").write_text(SECRET)
    templates = tmp_path / "templates"
    (templates / "static").mkdir(parents=True)
    (templates / "static" / "leak.css").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(TemplateProblem, match="static/leak.css: is a link leading outside"):
        static_files(make_environment([templates]))
