"""The rule table as data: every row is exercised by the corpus, patterns stay fast and
anchor-free (so `extract` can run them with `finditer`), and nesting cannot explode."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_corpus import CASES  # same folder: pytest puts it on sys.path

from dateline.dates import DateError, resolve
from dateline.dates.matching.dispatch import LEAD, build_index, key_of
from dateline.dates.patterns import (
    BEFORE_DAY,
    BEFORE_DAY_STARTS,
    TIME_PHRASE,
    TIME_PHRASE_STARTS,
    quantity,
    quantity_starts,
)
from dateline.dates.resolve import Reading, first_match, normalise, read
from dateline.dates.rules import RULES, Rule


@cache
def whole_table() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """Each row with the optional lead word compiled in, in table order: what a plain scan of
    the table tries, the reading the first-word dispatch must agree with."""
    return tuple((rule, re.compile(f"{LEAD}(?:{rule.pattern})")) for rule in RULES)


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
    for rule, pattern in whole_table():
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


def test_the_index_lists_each_first_word_with_the_rows_that_state_it() -> None:
    """A phrase stands for its first word, a digit for every digit; a row that states no start
    is tried for every text, in its place in the table."""
    index, free = build_index([("the day before", "1st"), None, ("mid-march", "the")])
    assert dict(index) == {"the": (0, 1, 2), "0": (0, 1), "mid": (1, 2)}
    assert free == (1,)


@pytest.mark.parametrize(("text", "key"), [
    ("monday", "monday"), ("mid-march", "mid"), ("9 p.m.", "0"), ("'90s", "'"), ("q1", "q"),
    ("st. patrick's day", "st"),
])
def test_the_key_of_a_text_is_its_first_word(text: str, key: str) -> None:
    assert key_of(text) == key


STARTS_SETTINGS = settings(max_examples=40, deadline=None, database=None,
                           suppress_health_check=list(HealthCheck))


def assert_starts_cover(pattern: str, starts: tuple[str, ...], text: str) -> None:
    keys = {key_of(word) for word in starts}
    assert key_of(text) in keys, (pattern[:80], text)


@pytest.mark.parametrize(("pattern", "starts"), [
    (BEFORE_DAY + "x", (*BEFORE_DAY_STARTS, "x")),
    (TIME_PHRASE, TIME_PHRASE_STARTS),
    (quantity(), quantity_starts()),
    (quantity(hedge=""), quantity_starts(hedge="")),
    (quantity(count="?"), quantity_starts(count="?")),
], ids=["before a day", "time phrase", "quantity", "hedged quantity", "quantity without count"])
def test_each_piece_states_every_word_it_can_begin_with(pattern: str,
                                                        starts: tuple[str, ...]) -> None:
    """The pieces most rows are built from, on texts hypothesis writes from their patterns."""

    @STARTS_SETTINGS
    @given(st.from_regex(re.compile(pattern), fullmatch=True))
    def check(text: str) -> None:
        assert_starts_cover(pattern, starts, text)

    check()


STATED = [rule for rule in RULES if rule.starts is not None]
LONG_PATTERN = 1500  # characters: hypothesis takes a while to write each text


@pytest.mark.parametrize("rule", STATED, ids=[rule.name for rule in STATED])
def test_each_rule_states_every_word_its_texts_can_begin_with(rule: Rule) -> None:
    """A text is tried only on the rows that can start with its first word: a row whose
    `starts` missed a word would never be tried for texts beginning with it."""
    assert rule.starts is not None
    starts = rule.starts
    # a day with times around it: the piece test above covers the words before the day
    examples = 8 if len(rule.pattern) > LONG_PATTERN else 25

    @settings(STARTS_SETTINGS, max_examples=examples)
    @given(st.from_regex(re.compile(rule.pattern), fullmatch=True))
    def check(text: str) -> None:
        assert_starts_cover(rule.pattern, starts, text)

    check()
