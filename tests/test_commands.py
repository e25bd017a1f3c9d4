"""The authoring commands: new, check --coverage, resolve."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from dateline.authoring.scaffold import article_text
from dateline.dates.reference import dateline_day
from tests.cli_runner import run_dateline
from tests.conftest import MakeContent, article

ROOT = Path(__file__).resolve().parent.parent


def test_new_scaffolds_an_article_that_checks_clean(make_content: MakeContent) -> None:
    content = make_content({})
    result = run_dateline("new", "Rebels seize the port", "--timeline", "war", "--dateline",
                          "ADEN —", cwd=content.parent)
    assert result.returncode == 0, result.stderr
    assert run_dateline("check", cwd=content.parent).returncode == 0
    (created,) = content.glob("*-rebels-seize-the-port.md")
    assert created.name.startswith(date.today().isoformat())
    text = created.read_text()
    assert 'title: "Rebels seize the port"' in text and 'timeline: "war"' in text
    again = run_dateline("new", "Rebels seize the port", "--timeline", "war", "--dateline",
                         "ADEN —", cwd=content.parent)
    assert again.returncode == 1 and "already exists" in again.stderr
    wrong = run_dateline("new", "Other", "--timeline", "peace", "--dateline", "ADEN",
                         cwd=content.parent)
    assert wrong.returncode == 1 and 'no timeline "peace"' in wrong.stderr
    far = run_dateline("new", "Other", "--timeline", "war", "--dateline", "ADEN, 40 days ago",
                       cwd=content.parent)
    assert far.returncode == 1 and "--dateline" in far.stderr


ODD_VALUES = ['say "no"', "a: b", "x # not a comment", "two\nlines", "no", "123", "null",
              "it's", "back\\slash", "tab\there", "\u2028sep\x85nel\x7fdel", "\ufeffbom", ""]


@pytest.mark.parametrize("value", ODD_VALUES)
def test_new_writes_every_value_so_yaml_reads_it_back_exactly(value: str) -> None:
    text = article_text(f"Headline {value}", value, f"ADEN {value}", date(2024, 1, 24))
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == f"Headline {value}"
    assert front["dateline"] == f"ADEN {value}"
    assert front["timeline"] == value


@pytest.mark.parametrize("timeline", ["war\nextra: 1", "war: x", "war # c", '"war"', "War", ""])
def test_new_without_site_yaml_refuses_a_timeline_that_is_no_slug(
    tmp_path: Path, timeline: str
) -> None:
    result = run_dateline("new", "Headline", "--timeline", timeline, "--dateline", "ADEN",
                          cwd=tmp_path)
    assert result.returncode == 1
    assert "--timeline" in result.stderr and "lowercase letters" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "content").exists() or not any((tmp_path / "content").iterdir())


def test_new_without_site_yaml_writes_a_good_slug(tmp_path: Path) -> None:
    result = run_dateline("new", "Headline", "--timeline", "war-2024", "--dateline", "ADEN",
                          cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (created,) = (tmp_path / "content").glob("*.md")
    assert 'timeline: "war-2024"' in created.read_text()


def test_check_coverage_warns_and_strict_fails(make_content: MakeContent) -> None:
    body = "Police closed the road on Monday. The talks resumed on Friday.\n"
    content = make_content(
        {"a.md": article("  - id: road\n    when: Monday\n    what: Road closed.\n"
                         "  - id: vote\n    when: Tuesday\n    what: A vote.\n", body=body)}
    )
    result = run_dateline("check", "--coverage", cwd=content.parent)
    assert result.returncode == 0
    assert "content/a.md:14:" in result.stderr and "Friday" in result.stderr
    assert 'content/a.md:11:11: the when "Tuesday"' in result.stderr
    strict = run_dateline("check", "--coverage", "--strict", cwd=content.parent)
    assert strict.returncode == 1
    assert "2 problems found" in strict.stderr


def test_resolve_prints_span_and_explanation(tmp_path: Path) -> None:
    result = run_dateline("resolve", "Tuesday (local time)", "--ref", "2024-01-24", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith("2024-01-23")
    assert "the latest Tuesday on or before the reference, Wed 24 Jan 2024" in result.stdout
    bad = run_dateline("resolve", "Tusday", "--ref", "2024-01-24", cwd=tmp_path)
    assert bad.returncode == 1 and 'did you mean "Tuesday"' in bad.stderr


def test_resolve_jsonl_answers_every_line_in_order(tmp_path: Path) -> None:
    lines = "\n".join(
        [
            json.dumps({"text": "Monday", "ref": "2024-03-13"}),
            "not json",
            json.dumps({"text": "Tusday", "ref": "2024-03-13"}),
            json.dumps({"text": "10 days after", "ref": "2024-03-13", "anchor": "2024-03-01"}),
            json.dumps({"text": "Friday", "ref": "2024-03-13", "direction": "future"}),
        ]
    )
    result = run_dateline("resolve", "--jsonl", cwd=tmp_path, stdin=lines + "\n")
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 5
    assert out[0] == {
        "start": "2024-03-11", "end": "2024-03-11", "granularity": "day", "approximate": False,
        "timex": "2024-03-11",
        "explanation": "Monday: the latest Monday on or before the reference, Wed 13 Mar 2024",
    }
    assert list(out[1]) == ["error"]
    assert out[2] == {"error": 'cannot read "Tusday": did you mean "Tuesday"?'}
    assert (out[3]["start"], out[3]["end"]) == ("2024-03-11", "2024-03-11")
    assert (out[4]["start"], out[4]["end"]) == ("2024-03-15", "2024-03-15")


def test_new_backfills_a_story_with_published(make_content: MakeContent) -> None:
    content = make_content({})
    result = run_dateline("new", "Minister resigns", "--timeline", "war", "--dateline",
                          "COLOMBO, March 21 (Reuters) -", "--published", "2022-03-21",
                          cwd=content.parent)
    assert result.returncode == 0, result.stderr
    created = content / "2022-03-21-minister-resigns.md"
    assert "published: 2022-03-21" in created.read_text()
    assert run_dateline("check", cwd=content.parent).returncode == 0
    bad = run_dateline("new", "Other", "--timeline", "war", "--dateline", "ADEN",
                       "--published", "March", cwd=content.parent)
    assert bad.returncode == 1 and "--published" in bad.stderr and "Traceback" not in bad.stderr


def test_new_dates_a_dateline_day_in_the_latest_year_not_ahead_of_today(
    make_content: MakeContent,
) -> None:
    assert dateline_day("COLOMBO, March 21", date(2026, 12, 7)) == date(2026, 3, 21)
    assert dateline_day("COLOMBO, Dec. 10 (Reuters) -", date(2026, 12, 7)) == date(2026, 12, 10)
    assert dateline_day("COLOMBO, Jan. 2", date(2026, 12, 30)) == date(2027, 1, 2)
    assert dateline_day("COLOMBO, March 21, 2019", date(2026, 12, 7)) == date(2019, 3, 21)
    assert dateline_day("ADEN", date(2026, 12, 7)) is None
    content = make_content({})
    result = run_dateline("new", "Talks", "--timeline", "war", "--dateline", "COLOMBO, March 21",
                          cwd=content.parent)
    assert result.returncode == 0, result.stderr
    (created,) = content.glob("*-talks.md")
    assert created.name[4:10] == "-03-21"


def test_new_starts_the_body_with_the_dateline_and_one_dash() -> None:
    text = article_text("Headline", "war", "COLOMBO (Reuters) -", date(2024, 1, 24))
    assert "\nCOLOMBO (Reuters) - Write the story here." in text
    plain = article_text("Headline", "war", "ADEN", date(2024, 1, 24))
    assert "\nADEN \u2014 Write the story here." in plain


@pytest.mark.parametrize("events", ["events:\n", "events: ~\n", ""])
def test_an_article_without_events_yet_checks_clean(make_content: MakeContent,
                                                    events: str) -> None:
    text = article("  - id: x\n    when: Monday\n    what: X.\n").replace(
        "events:\n  - id: x\n    when: Monday\n    what: X.\n", events)
    assert "id: x" not in text
    content = make_content({"a.md": text})
    result = run_dateline("check", cwd=content.parent)
    assert result.returncode == 0, result.stderr


def test_init_from_a_checkout_names_a_next_step_that_works_there(tmp_path: Path) -> None:
    """Run as `python build.py init`, the `dateline` command may not be installed: the next step
    it prints is a build.py command, and that command builds the starter site."""
    repo = Path(__file__).resolve().parents[1]
    started = subprocess.run([sys.executable, "build.py", "init", str(tmp_path / "news")],
                             cwd=repo, capture_output=True, text=True, check=False)
    assert started.returncode == 0, started.stderr
    step = started.stdout.split("next: ", 1)[1].strip()
    assert step.startswith("python build.py ")
    built = subprocess.run([sys.executable, "build.py", *step.split()[2:], "--no-pdf"], cwd=repo,
                           capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "news" / "site" / "index.html").is_file()
