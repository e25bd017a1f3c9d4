"""One table of the letters that re.IGNORECASE folds onto ASCII, used by loading and rendering.

A body holding one of them must not be searched through `str.lower()`, whose ASCII letters then
differ from what a case-insensitive pattern matches; the table must name every such letter.
"""

from __future__ import annotations

import re

from dateline.load import phrases
from dateline.render import markup

ASCII_LETTER = re.compile("[a-z]", re.IGNORECASE)


def letters_folding_onto_ascii() -> set[str]:
    found = set()
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        character = chr(code)
        if ASCII_LETTER.fullmatch(character):
            found.add(character)
    return found


def test_the_table_names_every_non_ascii_letter_that_folds_onto_ascii() -> None:
    assert letters_folding_onto_ascii() <= set(phrases.FOLDS_ONTO_ASCII)


def test_marking_phrases_uses_the_same_table_as_finding_them() -> None:
    assert markup.FOLDS_ONTO_ASCII is phrases.FOLDS_ONTO_ASCII
    assert letters_folding_onto_ascii() <= set(markup.FOLDS_ONTO_ASCII)
