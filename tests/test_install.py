"""dateline as a user installs it: the wheel, in a fresh virtual environment outside the
checkout, with its command, its bundled templates and `init` for a first site."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True,
                          text=True, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout and installed into a new venv; its bin folder. The
    venv sees the system's packages for dependencies, pip included, so nothing but setuptools
    is fetched and the venv needs no pip of its own."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"  # setuptools builds in the source tree: never in the checkout
    for name in ("pyproject.toml", "README.md"):
        source.mkdir(exist_ok=True)
        shutil.copy2(REPO / name, source / name)
    for folder in ("dateline", "templates"):
        shutil.copytree(REPO / folder, source / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", work / "dist",
                source, cwd=work)
    assert built.returncode == 0, built.stderr
    wheels = list((work / "dist").glob("dateline-*.whl"))
    assert len(wheels) == 1
    venv.EnvBuilder(system_site_packages=True).create(work / "venv")
    bin_dir = work / "venv" / "bin"
    added = run(bin_dir / "python", "-m", "pip", "install", "--no-deps", "--quiet", wheels[0],
                cwd=work)
    assert added.returncode == 0, added.stderr
    return bin_dir


def test_init_then_build_works_with_the_installed_command(installed: Path, tmp_path: Path) -> None:
    started = run(installed / "dateline", "init", "news", cwd=tmp_path)
    assert started.returncode == 0, started.stderr
    assert "next: cd news && dateline build" in started.stdout
    news = tmp_path / "news"
    assert sorted(p.relative_to(news).as_posix() for p in news.rglob("*") if p.is_file()) == [
        ".gitignore", "content/2021-03-29-suez-canal-ship-freed.md", "content/site.yaml"]
    built = run(installed / "dateline", "build", "--no-pdf", cwd=news)
    assert built.returncode == 0, built.stderr
    page = (news / "site" / "suez-blockage" / "index.html").read_text(encoding="utf-8")
    assert "Tue, March 23, 2021" in page  # "Tuesday of last week" from Monday, March 29
    assert (news / "site" / "static" / "style.css").is_file()  # the bundled stylesheet


def test_the_module_runs_with_the_same_commands_and_its_version(installed: Path) -> None:
    version = run(installed / "python", "-m", "dateline", "--version", cwd=installed)
    assert version.returncode == 0
    project = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{version.stdout.split()[-1]}"' in project
    usage = run(installed / "python", "-m", "dateline", "--help", cwd=installed).stdout
    for command in ("build", "check", "resolve", "serve", "new", "suggest", "import", "init"):
        assert command in usage


def test_a_site_of_its_own_templates_overrides_the_bundled_ones(
    installed: Path, tmp_path: Path
) -> None:
    assert run(installed / "dateline", "init", "news", cwd=tmp_path).returncode == 0
    news = tmp_path / "news"
    (news / "templates" / "static").mkdir(parents=True)
    (news / "templates" / "static" / "style.css").write_text("body { color: teal }\n")
    assert run(installed / "dateline", "build", "--no-pdf", cwd=news).returncode == 0
    assert (news / "site" / "static" / "style.css").read_text() == "body { color: teal }\n"


def test_init_refuses_a_folder_that_holds_anything(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    refused = run(installed / "dateline", "init", ".", cwd=tmp_path)
    assert refused.returncode == 1
    assert "not empty" in refused.stderr and "Traceback" not in refused.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
