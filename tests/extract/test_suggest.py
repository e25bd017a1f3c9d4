"""suggest, --write and coverage on small articles, against output written out by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dateline.authoring.coverage import coverage_warnings
from dateline.authoring.suggest import SuggestWriteError, suggest, suggest_events, write_suggestions
from dateline.load.article import load_article
from dateline.model import Article

ARTICLES = Path(__file__).resolve().parent / "articles"


def article(path: Path, name: str | None = None) -> Article:
    loaded, errors = load_article(name or f"content/{path.name}", path.read_bytes())
    assert loaded is not None, errors
    return loaded


def test_suggest_drafts_every_uncovered_date_with_an_anchor_from_its_sentence() -> None:
    drones = article(ARTICLES / "2023-10-18-drones.md")
    assert suggest_events(drones) == (
        "events:\n"
        "  - id: armed-groups-aligned\n"
        "    when: Wednesday\n"
        "    what: Armed groups aligned with Tehran have started to fire drones at bases in Iraq"
        " where American troops are stationed, defence officials told reporters.\n"
        "  - id: first-attacks-came\n"
        "    when: 10 days after\n"
        "    what: The first of the attacks came.\n"
        "    anchor: hamas-attacked-israel\n"
        "  - id: hamas-attacked-israel\n"
        "    when: October 7\n"
        "    what: Hamas attacked Israel.\n"
        "  - id: pentagon-brief-congress\n"
        "    when: Friday\n"
        "    what: The Pentagon will brief Congress.\n"
        "    direction: future\n"
    )


def test_suggest_skips_dates_an_event_already_covers() -> None:
    port = article(ARTICLES / "2024-03-13-port.md")
    assert suggest_events(port) == (
        "events:\n"
        "  - id: dock-workers-walked\n"
        "    when: Tuesday\n"
        "    what: Dock workers walked out on Monday, and the port authority said that 300 ships"
        " were waiting.\n"
        "  - id: talks-resume-union\n"
        "    when: Friday\n"
        "    what: Talks resume, the union said.\n"
    )


def test_write_adds_lines_and_changes_no_other_byte(tmp_path: Path) -> None:
    source = ARTICLES / "2024-03-13-port.md"
    target = tmp_path / source.name
    shutil.copy(source, target)
    write_suggestions(target, suggest(article(source)))
    before = source.read_text(encoding="utf-8").splitlines(keepends=True)
    added = (
        "    -   id: dock-workers-walked\n"
        "        when: Tuesday\n"
        "        what: Dock workers walked out on Monday, and the port authority said that 300"
        " ships were waiting.\n"
        "    -   id: talks-resume-union\n"
        "        when: Friday\n"
        "        what: Talks resume, the union said.\n"
    ).splitlines(keepends=True)
    # after the last line of the last event ("Dock workers walk out over pay."), line 11
    assert target.read_text(encoding="utf-8").splitlines(keepends=True) == (
        before[:11] + added + before[11:]
    )
    assert suggest(article(target)) == []


def test_write_refuses_a_file_it_cannot_parse(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    content = "---\ntitle: [unclosed\nevents:\n  - id: a\n---\n\nOn Monday it rained.\n"
    broken.write_text(content, encoding="utf-8")
    drafts = suggest(article(ARTICLES / "2024-03-13-port.md"))
    with pytest.raises(SuggestWriteError, match="cannot parse"):
        write_suggestions(broken, drafts)
    assert broken.read_text(encoding="utf-8") == content


def test_coverage_names_uncovered_dates_and_missing_whens() -> None:
    port = article(ARTICLES / "2024-03-13-port.md")
    shown = [warning.format().splitlines()[0] for warning in coverage_warnings(port)]
    # body starts on line 15 (a blank line); "Tuesday" is at column 67 of line 16, "Friday" at
    # column 41 of line 17
    assert shown == [
        'content/2024-03-13-port.md:16:67: "Tuesday" is a date no event covers'
        " (add an event for it, e.g. python build.py suggest content/2024-03-13-port.md)",
        'content/2024-03-13-port.md:17:41: "Friday" is a date no event covers'
        " (add an event for it, e.g. python build.py suggest content/2024-03-13-port.md)",
    ]


def test_coverage_flags_a_when_the_body_never_uses() -> None:
    source = (ARTICLES / "2024-03-13-port.md").read_text(encoding="utf-8")
    changed = source.replace('when: "Monday"', 'when: "Sunday"')
    loaded, errors = load_article("content/x.md", changed.encode("utf-8"))
    assert loaded is not None, errors
    messages = [(w.line, w.column, w.message) for w in coverage_warnings(loaded)]
    assert (9, 16, 'the when "Sunday" of event "strike-begins" does not occur in the body') \
        in messages
    assert any('"Monday" is a date no event covers' in message for _, _, message in messages)
