"""`suggest --write` on front matter holding characters YAML treats specially: the drafts land
where they belong, or the file is left alone with a message naming file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.authoring.suggest_write import SuggestWriteError, with_suggestions
from dateline.authoring.wording import Suggestion
from dateline.cli.suggest import suggest as suggest_command
from dateline.load.article import load_article

ARTICLES = Path(__file__).resolve().parent / "articles"
PORT = ARTICLES / "2024-03-13-port.md"
LINE_BREAKS_TO_YAML = ["\u2028", "\u2029", "\x85"]


def with_title(title: str) -> str:
    text = PORT.read_text(encoding="utf-8")
    original = next(line for line in text.splitlines() if line.startswith("title: "))
    return text.replace(original, f'title: "{title}"')


@pytest.mark.parametrize("character", LINE_BREAKS_TO_YAML)
def test_write_adds_the_drafts_after_the_last_event_despite_a_yaml_line_break(
    tmp_path: Path, character: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / PORT.name
    text = with_title(f"Port{character}strike")
    target.write_text(text, encoding="utf-8")
    assert suggest_command(target, write=True) == 0, capsys.readouterr().err
    written = target.read_text(encoding="utf-8")
    before = text.split("\n")
    after = written.split("\n")
    # only lines added, right after the last event (file line 11), the rest byte for byte
    assert after[:11] == before[:11] and after[-(len(before) - 11):] == before[11:]
    assert after[11].lstrip().startswith("-")
    loaded, errors = load_article("content/a.md", written.encode())
    assert errors == [] and loaded is not None
    assert [event.when for event in loaded.events][-2:] == ["Tuesday", "Friday"]


@pytest.mark.parametrize("character", ["\x01", "\x1b", "\ufffe"])
def test_write_names_a_refused_character_and_leaves_the_file(
    tmp_path: Path, character: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / PORT.name
    text = with_title(f"Port{character}strike")
    target.write_text(text, encoding="utf-8")
    assert suggest_command(target, write=True) == 1
    message = capsys.readouterr().err
    assert ":3:13: " in message and f"U+{ord(character):04X}" in message
    assert "<unicode string>" not in message and "position" not in message
    assert target.read_text(encoding="utf-8") == text


def test_a_front_matter_the_editor_cannot_parse_is_named_at_its_line_and_column() -> None:
    content = "---\ntitle: A\nsource: [unclosed\nevents:\n  - id: a\n---\n\nOn Monday.\n"
    draft = Suggestion("rained", "Monday", "It rained.")
    with pytest.raises(SuggestWriteError) as caught:
        with_suggestions(content, [draft], "content/a.md")
    message = str(caught.value)
    assert message.startswith("content/a.md:") and "cannot parse the front matter" in message
    first_line = message.split(": ", 1)[0]
    assert first_line.count(":") == 2  # path:line:column
    assert "<unicode string>" not in message and "\n" not in message
