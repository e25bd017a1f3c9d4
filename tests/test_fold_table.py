"""The table of the letters that re.IGNORECASE folds onto ASCII, used by loading's fast search.

A body holding one of them must not be searched through `str.lower()`, whose ASCII letters then
differ from what a case-insensitive pattern matches; the table must name every such letter.
"""

from __future__ import annotations

import re

from dateline.load import phrases

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
