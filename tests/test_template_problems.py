"""A broken site template or static file ends the build with one located message, exit 1, and
the site of the last good build left exactly as it was."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from dateline.errors import ContentError, TemplateProblem
from tests.conftest import MakeContent, article
from tests.test_build import listing, run_build

HOME = '{% extends "base.html" %}\n'

# (file under templates/, its bytes, what the message must start with, a word it must hold)
BROKEN = [
    pytest.param(
        "index.html",
        HOME.encode() + b"{% block main %}caf\xe9{% endblock %}\n",
        "templates/index.html:2:20: template error:",
        "UTF-8",
        id="template-not-utf8",
    ),
    pytest.param(
        "static/style.css",
        b"body { color: black }\n/* caf\xe9 */\n",
        "templates/static/style.css:2:7: template error:",
        "UTF-8",
        id="stylesheet-not-utf8",
    ),
    pytest.param(
        "timeline.html",
        b'{% extends "timeline.html" %}\n',
        "templates/timeline.html:1: template error:",
        "itself",
        id="extends-itself",
    ),
    pytest.param(
        "index.html",
        HOME.encode()
        + b"{% macro deeper() %}{{ deeper() }}{% endmacro %}\n"
        + b"{% block main %}{{ deeper() }}{% endblock %}\n",
        "templates/index.html:2: template error:",
        "itself",
        id="recursive-macro",
    ),
    pytest.param(
        "index.html",
        HOME.encode() + b"{% block main %}\n{% if %}\n{% endblock %}\n",
        "templates/index.html:3: template error:",
        "expression",
        id="syntax-error",
    ),
    pytest.param(
        "index.html",
        HOME.encode() + b"{% block main %}\n{{ no_such_name }}\n{% endblock %}\n",
        "templates/index.html:3: template error:",
        "no_such_name",
        id="undefined-name",
    ),
]


@pytest.mark.parametrize(("name", "data", "where", "word"), BROKEN)
def test_a_broken_template_is_located_and_the_old_site_kept(
    make_content: MakeContent, tmp_path: Path, name: str, data: bytes, where: str, word: str
) -> None:
    content = make_content({"a.md": article("  - id: x\n    when: Monday\n    what: X.\n")})
    out = tmp_path / "site"
    assert run_build(content, out, "--no-pdf").returncode == 0
    before = listing(out)
    broken = tmp_path / "templates" / name
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(data)
    result = run_build(content, out, "--no-pdf")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(where), result.stderr
    assert word in result.stderr.splitlines()[0], result.stderr
    assert listing(out) == before


def test_a_template_syntax_error_shows_its_line_as_written(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content({"a.md": article("  - id: x\n    when: Monday\n    what: X.\n")})
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "timeline.html").write_text(HOME + "{% block main %}\n  {% if %}\n")
    result = run_build(content, tmp_path / "site", "--no-pdf")
    assert result.returncode == 1
    assert result.stderr.splitlines()[1] == "      {% if %}"


def test_a_stylesheet_not_in_utf8_is_pointed_at_with_a_caret(
    make_content: MakeContent, tmp_path: Path
) -> None:
    content = make_content({"a.md": article("  - id: x\n    when: Monday\n    what: X.\n")})
    (tmp_path / "templates" / "static").mkdir(parents=True)
    (tmp_path / "templates" / "static" / "style.css").write_bytes(b"p { content: 'd\xe9j\xe0' }\n")
    result = run_build(content, tmp_path / "site", "--no-pdf")
    assert result.returncode == 1
    first, shown, caret = result.stderr.splitlines()[:3]
    assert first.startswith("templates/static/style.css:1:16: template error:")
    assert shown == "    p { content: 'd\ufffdj\ufffd' }"
    assert caret == "    " + " " * 15 + "^"


def test_a_template_problem_carries_its_place_as_data() -> None:
    problem = TemplateProblem("templates/tag.html", 4, 0, "template error: 'x' is undefined",
                              "define it", "{{ x }}")
    assert (problem.path, problem.line, problem.column) == ("templates/tag.html", 4, 0)
    assert (problem.message, problem.hint, problem.source_line) == (
        "template error: 'x' is undefined", "define it", "{{ x }}"
    )
    again = pickle.loads(pickle.dumps(problem))  # it crosses from a worker process
    assert (again.path, again.line, again.message) == (problem.path, 4, problem.message)
    error = ContentError("templates/tag.html", 4, 0, "template error: 'x' is undefined",
                         "define it", "{{ x }}")
    assert str(problem) == error.format()
    assert problem.at("/abs/templates/tag.html").path == "/abs/templates/tag.html"
