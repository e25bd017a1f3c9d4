"""The rule table's rows as the resolver tries them: read once at import, compiled on first use.

Each row is compiled on its own and tried only for texts whose first word it can start with (see
dispatch): a first parse tries a handful of small patterns, not the table. A row reads a whole
expression, so it is held to the text's start (\\A): a search or finditer then tries one
position, not each (a free-start row such as "range" was quadratic there). The optional LEAD
word is not compiled in: `resolve.first_match` tries the text after a lead word, then the whole
text, the order the regex engine would take (trying LEAD on every row cost about a microsecond).
"""

from __future__ import annotations

import re

from dateline.dates.matching.dispatch import build_index
from dateline.dates.matching.regex_tree import ParsedPattern, needed_words, shared_piece
from dateline.dates.patterns import (
    AFTER_DAY,
    BEFORE_DAY,
    COUNT,
    DAY,
    HEDGE,
    HOLIDAY,
    MONTH,
    SEASON,
    UNIT,
    WEEKDAY,
    WEEKDAY_PLURAL,
    YEAR,
)
from dateline.dates.rules import RULES

# Each row is read once, at import, for the index; it is compiled from that reading the first
# time a text tries it (`compiled_row`), so start-up and a single call compile only what they
# use. With it come the words the row cannot match without (`needed_words`: a range's ' to ' or
# '-'): a text holding none of them is not tried on the row, checking costs less than trying.
# Pieces many rows hold, each read once (the time-of-day words around a day are 2 KB in 15 rows):
# two thirds of reading the table. Longer pieces first; tests check every row's tree.
SHARED_PIECES = tuple(shared_piece(piece) for piece in (
    BEFORE_DAY, AFTER_DAY, HOLIDAY, DAY, COUNT, HEDGE, MONTH, WEEKDAY, WEEKDAY_PLURAL, SEASON,
    UNIT, YEAR))
PARSED_ROWS = tuple(ParsedPattern(rf"\A(?:{rule.pattern})", SHARED_PIECES) for rule in RULES)
FIRST_WORD_INDEX, FREE_ROWS = build_index(PARSED_ROWS)
CompiledRow = tuple["re.Pattern[str]", tuple[str, ...] | None]
# Write-once memo of `compiled_row`, a pure function of the constant table: a row's slot goes
# from None to its compiled pattern and needed words, and never changes again.
COMPILED_ROWS: list[CompiledRow | None] = [None] * len(RULES)


def compiled_row(row: int) -> CompiledRow:
    """Row `row` compiled, with its needed words; worked out on the row's first use."""
    compiled = COMPILED_ROWS[row]
    if compiled is None:
        parsed = PARSED_ROWS[row]
        needed = needed_words(parsed)
        # the same tuple for rows that need the same words: first_match checks them once a text
        needed = next((other[1] for other in COMPILED_ROWS if other and other[1] == needed),
                      needed)
        compiled = COMPILED_ROWS[row] = (parsed.compile(), needed)
    return compiled


def row_pattern(row: int) -> re.Pattern[str]:
    return compiled_row(row)[0]
