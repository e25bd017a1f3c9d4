"""Characters YAML refuses or reads as line breaks still get a true file:line:col.

Both YAML readers are covered: an ordinary front matter goes through PyYAML's composer, and one
holding a `*` through the careful composer that refuses aliases.
"""

from __future__ import annotations

import pytest

from dateline.load.article import load_article
from dateline.load.site_config import load_site_config
from tests.conftest import SITE_YAML, article

EVENT = "  - id: strike\n    when: Tuesday\n    what: A strike.\n"
TYPO_EVENT = "  - id: strike\n    wen: Tuesday\n    what: A strike.\n"
REFUSED = ["\x01", "\x1b", "\x7f", "\x0b", "\x0c", "\ufffe"]
LINE_BREAKS_TO_YAML = ["\u2028", "\u2029", "\x85"]
# "*" in a quoted value sends the text through the careful composer; without it, PyYAML's own.
COMPOSERS = {"pyyaml": "", "careful": " *"}


def errors_of(text: str) -> list[str]:
    loaded, errors = load_article("content/a.md", text.encode())
    assert loaded is None
    return [error.format() for error in errors]


@pytest.mark.parametrize("composer", COMPOSERS)
@pytest.mark.parametrize("character", REFUSED)
def test_a_control_character_in_front_matter_is_named_at_its_line_and_column(
    character: str, composer: str
) -> None:
    extra = f'source: "Wire{COMPOSERS[composer]}"\nurl: https://x.org/a{character}b\n'
    text = article(EVENT, extra=extra)
    (message,) = errors_of(text)
    first = message.splitlines()[0]
    assert first.startswith("content/a.md:7:21: "), message
    assert f"U+{ord(character):04X}" in first and "position" not in message
    assert character not in message  # shown, but not sent raw to the terminal


@pytest.mark.parametrize("composer", COMPOSERS)
@pytest.mark.parametrize("character", REFUSED)
def test_a_control_character_in_site_yaml_is_named_at_its_line_and_column(
    character: str, composer: str
) -> None:
    text = SITE_YAML.replace("The war", f"The{character}war").replace(
        "Test desk", f'"Test desk{COMPOSERS[composer]}"')
    config, errors = load_site_config("content/site.yaml", text.encode())
    assert config is None
    (message,) = [error.format() for error in errors]
    assert message.startswith("content/site.yaml:4:15: "), message
    assert f"U+{ord(character):04X}" in message and "position" not in message


@pytest.mark.parametrize("composer", COMPOSERS)
@pytest.mark.parametrize("character", LINE_BREAKS_TO_YAML)
def test_a_yaml_line_break_in_a_quoted_value_shifts_no_later_position(
    character: str, composer: str
) -> None:
    extra = f'source: "Wire{character}desk{COMPOSERS[composer]}"\n'
    (message,) = errors_of(article(TYPO_EVENT, extra=extra))
    # line 1 '---', title, dateline, published, timeline, source, events, '- id', then the typo
    assert message.startswith('content/a.md:9:5: unknown key "wen"'), message
    assert "    wen: Tuesday\n        ^" in message


@pytest.mark.parametrize("composer", COMPOSERS)
@pytest.mark.parametrize("character", LINE_BREAKS_TO_YAML)
def test_a_yaml_line_break_keeps_event_positions_and_the_value(
    character: str, composer: str
) -> None:
    extra = f'source: "Wire{character}desk{COMPOSERS[composer]}"\n'
    loaded, errors = load_article("content/a.md", article(EVENT, extra=extra).encode())
    assert errors == [] and loaded is not None
    # YAML 1.1 folds a NEL inside quotes to a space, as it does "\n"; LS and PS are kept
    kept = " " if character == "\x85" else character
    assert loaded.source == f"Wire{kept}desk{COMPOSERS[composer]}"
    assert (loaded.events[0].at.line, loaded.events[0].at.column) == (9, 11)


@pytest.mark.parametrize("character", LINE_BREAKS_TO_YAML)
def test_a_yaml_line_break_outside_quotes_is_reported_on_its_own_line(character: str) -> None:
    (message,) = errors_of(article(EVENT, extra=f"source: Wire{character}desk\n"))
    assert message.startswith("content/a.md:6:"), message
    assert f"U+{ord(character):04X}" in message


@pytest.mark.parametrize("composer", COMPOSERS)
@pytest.mark.parametrize("character", LINE_BREAKS_TO_YAML)
def test_a_yaml_line_break_in_site_yaml_shifts_no_later_position(
    character: str, composer: str
) -> None:
    title = f'"Test{character}desk{COMPOSERS[composer]}"'
    text = SITE_YAML.replace("Test desk", title) + "    titel: Typo\n"
    config, errors = load_site_config("content/site.yaml", text.encode())
    assert config is None
    (message,) = [error.format() for error in errors]
    assert message.startswith('content/site.yaml:5:5: unknown key "titel"'), message
    assert "    titel: Typo\n        ^" in message
