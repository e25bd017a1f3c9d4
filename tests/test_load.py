"""Front matter is checked field by field; every problem names its file, line and column."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.load.article import load_article
from dateline.load.site_config import load_site_config
from tests.conftest import article

EVENT = "  - id: strike\n    when: Tuesday\n    what: A strike.\n"


def only_error(text: str | bytes, path: str = "content/a.md") -> str:
    data = text.encode() if isinstance(text, str) else text
    loaded, errors = load_article(path, data)
    assert loaded is None
    assert len(errors) == 1, [e.format() for e in errors]
    return errors[0].format()


def test_a_good_article_keeps_its_fields_and_positions() -> None:
    loaded, errors = load_article(
        "content/a.md", article(EVENT, extra="tags: [iraq, strikes]\n").encode()
    )
    assert errors == []
    assert loaded is not None
    assert loaded.stem == "a"
    assert loaded.published == date(2024, 1, 24)
    assert loaded.reference == date(2024, 1, 24)
    assert loaded.tags == ("iraq", "strikes")
    (event,) = loaded.events
    assert (event.id, event.when, event.direction) == ("strike", "Tuesday", "past")
    # line 1 is '---'; title, dateline, published, timeline, tags, events, '- id', 'when'
    assert (event.at.line, event.at.column) == (9, 11)
    assert loaded.body == "Body text.\n"
    assert loaded.body_line == 12


def test_unknown_key_gets_a_did_you_mean_with_its_position() -> None:
    message = only_error(article("  - id: strike\n    wen: Tuesday\n    what: A strike.\n"))
    assert message.startswith('content/a.md:8:5: unknown key "wen" in an event')
    assert 'did you mean "when"?' in message
    assert "    wen: Tuesday\n        ^" in message


def test_duplicate_keys_are_an_error_not_last_one_wins() -> None:
    message = only_error(article(EVENT, extra="title: Again\n"))
    assert message.startswith('content/a.md:6:1: duplicate key "title"')


def test_yaml_aliases_are_refused() -> None:
    text = article(EVENT, extra="source: &s Wire\nurl: *s\n")
    assert "aliases" in only_error(text)


def test_billion_laughs_is_refused_quickly() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        bomb += f"{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
    text = "---\n" + bomb + "---\nbody\n"
    assert "aliases" in only_error(text)


def test_deep_nesting_is_refused() -> None:
    text = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n"
    assert "nested too deeply" in only_error(text)


def test_missing_field_says_what_to_add() -> None:
    text = article("  - id: strike\n    what: A strike.\n")
    assert 'an event has no "when"' in only_error(text)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<script>x</script>", "ftp://example.org/a", "//x.org"],
)
def test_only_web_urls_are_allowed(url: str) -> None:
    message = only_error(article(EVENT, extra=f'url: "{url}"\n'))
    assert "is not a web address" in message


@pytest.mark.parametrize("slug", ["../etc", "Iraq News", "a/b", "x" * 65, "-lead"])
def test_ids_and_tags_that_could_become_bad_paths_are_refused(slug: str) -> None:
    assert "cannot be an event id" in only_error(
        article(f'  - id: "{slug}"\n    when: Tuesday\n    what: A strike.\n')
    )
    assert "cannot be a tag" in only_error(article(EVENT, extra=f'tags: ["{slug}"]\n'))


def test_bom_and_crlf_line_endings_work() -> None:
    text = "\ufeff" + article(EVENT).replace("\n", "\r\n")
    loaded, errors = load_article("content/a.md", text.encode())
    assert errors == [] and loaded is not None
    assert loaded.events[0].at.line == 8


def test_non_utf8_bytes_are_an_error() -> None:
    assert "not UTF-8" in only_error(article(EVENT).encode() + b"\xff\xfe caf\xe9")


def test_tabs_in_yaml_are_an_error_with_a_position() -> None:
    message = only_error(article("  - id: strike\n\twhen: Tuesday\n    what: A strike.\n"))
    assert message.startswith("content/a.md:8:") and "not valid YAML" in message


def test_published_may_be_a_quoted_string() -> None:
    loaded, errors = load_article(
        "content/a.md", article(EVENT, published='"2024-01-24"').encode()
    )
    assert errors == [] and loaded is not None
    assert loaded.published == date(2024, 1, 24)


def test_a_file_without_front_matter_says_how_to_start_one() -> None:
    assert "no front matter" in only_error("# Just a heading\n")


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = article(
        "  - id: one\n    wen: Tuesday\n    what: A.\n  - id: two\n    what: B.\n",
        extra='url: "javascript:x"\n',
    )
    loaded, errors = load_article("content/a.md", text.encode())
    assert loaded is None
    assert len(errors) == 3


def test_file_names_that_cannot_name_a_page_are_refused() -> None:
    assert "cannot name a page" in only_error(article(EVENT), path="content/my story!.md")


def test_site_config_defaults_and_unknown_options() -> None:
    config, errors = load_site_config(
        "content/site.yaml", b"title: Desk\ntimelines:\n  war:\n    title: War\n"
    )
    assert errors == [] and config is not None
    (timeline,) = config.timelines
    assert (timeline.order, timeline.date_style, timeline.paper) == ("oldest-first", "ap", "a4")
    _, errors = load_site_config(
        "content/site.yaml",
        b"title: Desk\ntimelines:\n  war:\n    title: War\n    order: newest-frist\n",
    )
    assert [e.format().splitlines()[0] for e in errors] == [
        'content/site.yaml:5:12: "newest-frist" is not allowed here (did you mean "newest-first"?)'
    ]


PLAIN = (
    "---\n"
    'title: "Port closed: aid stalls"\n'
    "dateline: 'RABAT, January 24'\n"
    "published: 2024-01-25\n"
    "source: Metro Dispatch\n"
    "url: https://example.org/a#b\n"
    "timeline: war\n"
    "tags: [port, aid, port]\n"
    "# a comment line\n"
    "events:\n"
    "- id: closure\n"
    '  when: "on Tuesday (local time)"\n'
    "  what: The port closed.\n"
    "\n"
    "- id: talks\n"
    "  anchor: closure\n"
    "  when: a day later\n"
    "  direction: future\n"
    "  what: Talks began.\n"
    "  quote: '  Given \"quote\".  '\n"
    "---\n"
    "**RABAT** — The port closed on Tuesday, officials said. Talks began a day later.\n"
)


def test_plain_front_matter_values_and_positions() -> None:
    """Positions counted by hand: line 1 is '---'; columns are 1-based, inside a quote."""
    loaded, errors = load_article("content/a.md", PLAIN.encode())
    assert errors == [] and loaded is not None
    assert loaded.title == "Port closed: aid stalls"
    assert (loaded.dateline, loaded.published) == ("RABAT, January 24", date(2024, 1, 25))
    assert loaded.reference == date(2024, 1, 24)
    assert (loaded.source, loaded.url) == ("Metro Dispatch", "https://example.org/a#b")
    assert loaded.tags == ("aid", "port")
    assert loaded.timeline_at is not None
    assert (loaded.timeline_at.line, loaded.timeline_at.column) == (7, 11)
    closure, talks = loaded.events
    assert (closure.when, closure.direction, closure.anchor) == (
        "on Tuesday (local time)", "past", None)
    assert (closure.at.line, closure.at.column) == (12, 10)
    assert (closure.id_at.line, closure.id_at.column) == (11, 7)
    assert closure.quote == "The port closed on Tuesday, officials said."
    assert (talks.anchor, talks.direction, talks.quote) == ("closure", "future", 'Given "quote".')
    assert talks.anchor_at is not None
    assert (talks.anchor_at.line, talks.anchor_at.column) == (16, 11)
    assert (talks.at.line, talks.at.column) == (17, 9)
    assert loaded.body_line == 22


@pytest.mark.parametrize(
    ("extra", "title"),
    [
        ("title: Port\n  closed again\n", "Port closed again"),  # a folded plain scalar
        ('title: "Port \\u0063losed"\n', "Port closed"),  # an escape
        ("title: Port   # a comment\n", "Port"),
        ("title: 'It''s closed'\n", "It's closed"),
        ("title: >\n  Port\n  closed\n", "Port closed"),
    ],
)
def test_yaml_beyond_the_plain_subset_keeps_its_yaml_meaning(extra: str, title: str) -> None:
    text = PLAIN.replace('title: "Port closed: aid stalls"\n', extra)
    loaded, errors = load_article("content/a.md", text.encode())
    assert errors == [] and loaded is not None
    assert loaded.title.strip() == title
    assert (loaded.events[0].at.line, loaded.events[0].at.column) == (
        12 + extra.count("\n") - 1, 10)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("published: 2024-01-25", "published: 2024-02-30"),
         'content/a.md:4:12: "2024-02-30" is not a date'),
        (("  what: Talks began.", "  what: null"), 'content/a.md:15:3: an event has no "what"'),
        (("tags: [port, aid, port]", "tags: [port, Aid]"),
         'content/a.md:8:7: "Aid" cannot be a tag'),
        (("  anchor: closure", "  anchor: Closure"),
         'content/a.md:16:11: "Closure" cannot be an anchor'),
        (("  direction: future", "  direction: futur"),
         'content/a.md:18:14: "futur" is not allowed here'),
        (("source: Metro Dispatch", "source: Metro: Dispatch"),
         "content/a.md:5:14: this is not valid YAML"),
        (("- id: talks", "- id: talks\n  id: again"), 'content/a.md:16:3: duplicate key "id"'),
    ],
)
def test_problems_in_plain_front_matter_keep_their_message_and_position(
    change: tuple[str, str], expected: str
) -> None:
    assert only_error(PLAIN.replace(*change)).startswith(expected)


HIDDEN_IN_URLS = {
    "\u202e": "U+202E RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "U+2066 LEFT-TO-RIGHT ISOLATE",
    "\u200b": "U+200B ZERO WIDTH SPACE",
    "\u200d": "U+200D ZERO WIDTH JOINER",
    "\ufeff": "U+FEFF ZERO WIDTH NO-BREAK SPACE",
    "\u00ad": "U+00AD SOFT HYPHEN",
    "\x7f": "U+007F",
    "\x9b": "U+009B",
    "\ue000": "U+E000",
}
YAML_REFUSES_RAW = {"\x7f", "\x9b", "\ufeff"}  # YAML itself refuses these in a file


@pytest.mark.parametrize("hidden", HIDDEN_IN_URLS)
def test_a_url_with_an_invisible_or_reordering_character_is_refused_where_it_stands(
    hidden: str,
) -> None:
    """A link that reads "…exe.jpg" but goes to "…gpj.exe" must not reach a page or a PDF."""
    url = f"https://example.org/report{hidden}gpj.exe"
    escaped = only_error(article(EVENT, extra=f'url: "{url.encode("unicode_escape").decode()}"\n'))
    assert escaped.startswith("content/a.md:6:7: "), escaped
    assert HIDDEN_IN_URLS[hidden] in escaped and "web address" in escaped
    if hidden not in YAML_REFUSES_RAW:  # typed as is: a plain scalar, which the plain loader reads
        raw = only_error(article(EVENT, extra=f"url: {url}\n"))
        column = len("url: https://example.org/report") + 1
        assert raw.startswith(f"content/a.md:6:{column}: "), raw
        assert HIDDEN_IN_URLS[hidden] in raw and "web address" in raw


def test_a_url_with_non_ascii_letters_is_still_a_web_address() -> None:
    loaded, errors = load_article(
        "content/a.md", article(EVENT, extra="url: https://example.org/café-Ünïcode\n").encode())
    assert errors == [] and loaded is not None
    assert loaded.url == "https://example.org/café-Ünïcode"
