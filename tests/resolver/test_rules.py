"""The rule table as data: every row is exercised by the corpus, patterns stay fast and
anchor-free (so `extract` can run them with `finditer`), and nesting cannot explode."""

from __future__ import annotations

import importlib
import re
from datetime import date

import pytest
from test_corpus import CASES  # same folder: pytest puts it on sys.path

from dateline.dates import DateError, resolve
from dateline.dates.matching import regex_tree
from dateline.dates.matching.dispatch import first_keys
from dateline.dates.matching.regex_tree import (
    ParsedPattern,
    needed_words,
    optional_as_choice,
    shared_piece,
)
from dateline.dates.matching.rows import PARSED_ROWS, row_pattern
from dateline.dates.resolve import Reading, compiled_rules, first_match, normalise, read
from dateline.dates.rules import RULES

ADVERSARIAL_PIECES = ("monday ", "1 ", "- ", "a", "the ", "early ", "and ", "to ", "between ",
                      "from ", "10 days after ", "since ", "around ", "march 1", ", ", "9 p.m. ",
                      "(", "night ", "of ", "last ", "in ", "half a ", "and a half ", "2024-",
                      "1/", "'90s ", "just ", "the day before ")


def adversarial_texts() -> list[str]:
    """200-character repetitions of pieces that each pattern partly matches, and a bad tail."""
    texts = []
    for piece in ADVERSARIAL_PIECES:
        texts.append((piece * 200)[:200])
        texts.append((piece * 200)[:199] + "!")
    return texts


def test_every_rule_is_exercised_by_the_corpus() -> None:
    used = set()
    for case in CASES:
        if isinstance(case.expression, str):
            reading = read(case.expression)
            if isinstance(reading, Reading):
                used.add(reading.rule.name)
    missing = [rule.name for rule in RULES if rule.name not in used]
    assert not missing, f"rules with no corpus line: {missing}"


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_patterns_hold_no_anchors(rule: object) -> None:
    pattern = rule.pattern  # type: ignore[attr-defined]
    assert not pattern.startswith("^") and not pattern.endswith("$")
    assert "\\A" not in pattern and "\\Z" not in pattern


@pytest.mark.parametrize("unit", ["1", "x", "monday", "march 1", "since 1", "around 1"])
def test_nested_ranges_cannot_explode(unit: str) -> None:
    """'1-1-1-...' once took seconds: every split was a range whose sides were ranges again.
    (How fast: bench/resolver_worst_case.py.)"""
    text = "-".join([unit] * 100)[:200]
    with pytest.raises(DateError):
        resolve(text, date(2024, 3, 13))


def first_row_in_table_order(normal: str) -> str | None:
    """The reference reading: every row tried in table order, the first full match wins."""
    for rule, pattern in compiled_rules():
        if pattern.fullmatch(normal):
            return rule.name
    return None


def test_first_word_dispatch_picks_the_row_a_full_scan_picks() -> None:
    """Rows are tried only when they can start with the text's first word: that must never skip
    the row that trying every row in order would have chosen (corpus texts, with a leading
    'on', 'as of' or 'from', and behind a 'the' that sends them to other rows' first words)."""
    texts = {case.expression for case in CASES if isinstance(case.expression, str)}
    texts |= {f"{lead} {text}" for text in list(texts) for lead in ("on", "as of", "from")}
    texts |= {f"the {text}" for text in sorted(texts)[:400]}
    for text in sorted(texts):
        normal = normalise(text)[0]
        found = first_match(normal)
        assert (found and found[0].name) == first_row_in_table_order(normal), text


@pytest.mark.parametrize(("pattern", "keys"), [
    (r"(?:last|next) (?P<weekday>mon|tue)\b", {"last", "next"}),
    (r"(?:the )?(?P<day>\d{1,2})(?:st|nd)?", {"the", "0"}),
    (r"mid-(?P<month>march)", {"mid"}),
    (r"q(?P<digit>[1-4])", {"q"}),
    (r"(?:early )?(?:in )?tuesday", {"early", "in", "tuesday"}),
    (r"the (?P<inner>.+)", {"the"}),
    (r"(?P<plain>.+) to .+", None),
    (r"(?P<x>[a-z]+)day", None),
])
def test_first_keys_lists_every_first_word(pattern: str, keys: set[str] | None) -> None:
    assert first_keys(pattern) == (None if keys is None else frozenset(keys))


DECORATIONS = ("on {}", "{} (local time)", "{}, 9 p.m. gmt", "9 p.m. {}", "late {}", "{} morning",
               "the night of {}", "{} or perhaps wednesday", "between {} and march 3", "{}-")


def corpus_texts() -> set[str]:
    """Every corpus expression normalised, and a third of them in each decoration."""
    texts = {normalise(case.expression)[0] for case in CASES if isinstance(case.expression, str)}
    return texts | {form.format(text) for text in sorted(texts)[::3] for form in DECORATIONS}


def test_rows_compiled_from_their_parse_match_as_re_compile_would() -> None:
    """Rows are compiled from the parse the first-word index already made, with optional groups
    read as choices (dispatch), not by `re.compile`: on every corpus text, decorated ones and
    the adversarial ones, each row must find the same match, span and groups as `re.compile` of
    the same source, anchored and searching."""
    texts = corpus_texts() | set(adversarial_texts())
    for row, parsed in enumerate(PARSED_ROWS):
        ours, theirs = row_pattern(row), re.compile(parsed.source)
        assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == (
            theirs.pattern, theirs.flags, theirs.groups, theirs.groupindex)
        for text in texts:
            for mine, reference in ((ours.fullmatch(text), theirs.fullmatch(text)),
                                    (ours.match(text), theirs.match(text))):
                assert (mine is None) == (reference is None), (RULES[row].name, text)
                if mine and reference:
                    assert mine.span() == reference.span(), (RULES[row].name, text)
                    assert mine.groupdict() == reference.groupdict(), (RULES[row].name, text)


@pytest.mark.parametrize(("pattern", "words"), [
    (r"(?P<day>\d+)(?: ?- ?| to | and )(?P<day2>\d+)", {"-", " to ", " and "}),
    (r"(?:last|next) (?P<weekday>monday|mon)\b\.?", {"mon"}),  # the shortest list
    (r"(?:in|within|during) the days", {"in"}),  # "within" and "during" hold "in"
    (r"(?:early )?(?P<month>march|may)", {"march", "may"}),
    (r"(?P<count>\d+) days", None),
    (r"since (?P<inner>.+)", None),
])
def test_needed_words_are_words_no_match_can_lack(pattern: str, words: set[str] | None) -> None:
    found = needed_words(ParsedPattern(pattern))
    assert (None if found is None else set(found)) == words


def test_every_row_match_holds_one_of_its_needed_words() -> None:
    """A row is not tried on a text holding none of its needed words: on every corpus text
    (and decorated ones) that a row matches, one of them must be there."""
    texts = corpus_texts()
    checked = 0
    for row, parsed in enumerate(PARSED_ROWS):
        needed = needed_words(parsed)
        if needed is None:
            continue
        pattern = re.compile(parsed.source)
        for text in texts:
            if pattern.match(text):
                checked += 1
                assert any(word in text for word in needed), (RULES[row].name, text, needed)
    assert checked > 1000


def test_rows_read_with_shared_pieces_are_the_trees_the_parser_gives() -> None:
    """Pieces many rows hold are read once and put into each row's parse (regex_tree): every
    row's tree, and the code compiled from it, must be what parsing its whole source gives."""
    library_code = importlib.import_module("re._compiler")._code
    for row, parsed in enumerate(PARSED_ROWS):
        whole = ParsedPattern(parsed.source)
        assert str(parsed.tree) == str(whole.tree), RULES[row].name
        # (patterns compare equal when their source, flags and compiled code are the same)
        assert parsed.compile() == whole.compile(), RULES[row].name
        assert regex_tree._code(whole_tree := optional_as_choice(whole.tree), {}) == \
            library_code(whole_tree, 0), RULES[row].name
    spliced = ParsedPattern(r"a(?P<x>b|c)d", (shared_piece("b|c"),))
    assert str(spliced.tree) == str(ParsedPattern(r"a(?P<x>b|c)d").tree)
    assert shared_piece(r"(?P<g>a)") is None  # a group would be numbered wrongly
