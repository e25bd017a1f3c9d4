"""The rule table's rows as the resolver tries them: each compiled on first use.

A text tries only the rows that can start with its first word (see dispatch), so a first parse
compiles and tries a handful of small patterns, not the table. A row reads a whole expression,
so it is held to the text's start (\\A): a search or finditer then tries one position, not each.
The optional LEAD word is not compiled in: `resolve.first_match` tries the text after a lead
word, then the whole text, the order the regex engine would take.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from dateline.dates.matching.dispatch import build_index
from dateline.dates.rules import RULES, Rule


@dataclass(frozen=True)
class Row:
    """A rule as the resolver tries it."""

    rule: Rule

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The rule's pattern, compiled the first time a text tries the row (start-up and a
        single resolve compile only the rows they use)."""
        return re.compile(rf"\A(?:{self.rule.pattern})")


ROWS = tuple(Row(rule) for rule in RULES)
FIRST_WORD_INDEX, FREE_ROWS = build_index(rule.starts for rule in RULES)
