"""Does the front matter tell the body's story? Dates no event covers, and `when`s not in the body.

Both are warnings, not build errors: a story may mention a date that belongs on no timeline, and
`--strict` is the command line's choice. The body is searched with `extract`, the same grammar
the resolver reads `when:` with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.errors import ContentError
from dateline.model import Article, EventSpec

if TYPE_CHECKING:  # extract's patterns take a fifth of a second to compile: only `check` needs them
    from dateline.dates.extract import Found

# Markdown that is not prose: link targets, HTML tags, code spans. Blanked, keeping offsets.
NOT_PROSE = re.compile(r"\]\([^)]*\)|<[^>\n]*>|`[^`\n]*`")
ASIDE = re.compile(r"\s*\([^()]*\)$")
# The only letters re.IGNORECASE matches to ASCII that str.lower() does not map one-to-one onto
# ASCII (İ ı ſ and the Kelvin sign): checked over every code point.
FOLDS_ONTO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def masked_body(body: str) -> str:
    """The body with link targets, tags and code replaced by spaces, so offsets still match."""
    if "](" not in body and "<" not in body and "`" not in body:
        return body
    return NOT_PROSE.sub(lambda match: " " * len(match.group()), body)


def body_dates(article: Article) -> list[Found]:
    """Every date expression of the body, at its offset in `article.body`."""
    from dateline.dates.extract import extract

    return extract(masked_body(article.body), article.reference)


def when_spans(when: str, body: str) -> list[tuple[int, int]]:
    """Where an event's `when` occurs in the body: any case, any line breaks between words,
    and also without a trailing aside such as "(local time)" that front matter often adds."""
    spans: list[tuple[int, int]] = []
    for wording in _wordings(when):
        spans.extend(match.span() for match in wording_pattern(wording).finditer(body))
    return sorted(spans)


def lowered_for_search(body: str) -> str | None:
    """`body.lower()`, offset for offset, where its ASCII letters are exactly the ones
    re.IGNORECASE would match; None where a letter folds otherwise."""
    if any(letter in body for letter in FOLDS_ONTO_ASCII):
        return None
    return body.lower()


def first_when_span(when: str, body: str, lowered: str | None) -> tuple[int, int] | None:
    """`when_spans(when, body)[0]`, without scanning the whole body: for an ASCII wording, the
    regular expression is tried only where `lowered` (from `lowered_for_search`) holds its
    first word, instead of at every character."""
    firsts: list[tuple[int, int]] = []
    for wording in _wordings(when):
        pattern = wording_pattern(wording)
        if lowered is None or not wording.isascii():
            match = pattern.search(body)
        else:
            match = _first_match_at_candidates(pattern, wording.split()[0].lower(), body, lowered)
        if match is not None:
            firsts.append(match.span())
    return min(firsts, default=None)


def _first_match_at_candidates(
    pattern: re.Pattern[str], first_word: str, body: str, lowered: str
) -> re.Match[str] | None:
    position = lowered.find(first_word)
    while position != -1:
        match = pattern.match(body, position)  # the look-behind still sees what comes before
        if match is not None:
            return match
        position = lowered.find(first_word, position + 1)
    return None


def _wordings(when: str) -> list[str]:
    return sorted({when.strip(), ASIDE.sub("", when.strip())} - {""})


@lru_cache(maxsize=16384)
def wording_pattern(wording: str) -> re.Pattern[str]:
    """A wording found whatever its case and line breaks. Memoised like `re`'s own cache, but
    large enough for an archive's wordings (re keeps 512; the 10,000-article bench corpus has
    4,772 distinct ones, more than the 4,096 this cache held before)."""
    words = (re.escape(word) for word in wording.split())
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def covering_event(found: Found, events: Sequence[EventSpec], body: str) -> EventSpec | None:
    """The first event whose `when` occurs in the body overlapping the phrase."""
    for event in events:
        for start, end in when_spans(event.when, body):
            if start < found.end and found.start < end:
                return event
    return None


def uncovered_dates(article: Article) -> list[Found]:
    return [
        found
        for found in body_dates(article)
        if covering_event(found, article.events, article.body) is None
    ]


def body_position(article: Article, offset: int) -> tuple[int, int, str]:
    """File line, 1-based column and the line's text for an offset into the body."""
    line_start = article.body.rfind("\n", 0, offset) + 1
    line_end = article.body.find("\n", offset)
    line_text = article.body[line_start:line_end if line_end != -1 else len(article.body)]
    line = article.body_line + article.body.count("\n", 0, offset)
    return line, offset - line_start + 1, line_text


def coverage_warnings(article: Article) -> list[ContentError]:
    """One warning per uncovered date phrase, and one per event whose `when` the body lacks."""
    warnings: list[ContentError] = []
    for found in uncovered_dates(article):
        line, column, line_text = body_position(article, found.start)
        warnings.append(
            ContentError(
                article.path,
                line,
                column,
                f'"{" ".join(found.text.split())}" is a date no event covers',
                f"add an event for it, e.g. python build.py suggest {article.path}",
                line_text,
            )
        )
    for event in article.events:
        if not when_spans(event.when, article.body):
            warnings.append(
                ContentError(
                    event.at.path,
                    event.at.line,
                    event.at.column,
                    f'the when "{event.when}" of event "{event.id}" does not occur in the body',
                    "a copy mistake? word it as the body does",
                )
            )
    return sorted(warnings, key=lambda warning: warning.sort_key)
