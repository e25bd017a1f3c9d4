"""Where a `when` wording occurs in an article's body: any case, any line breaks between words.

Loading uses it to quote the sentence an event came from, rendering to mark the phrase, and
authoring to tell which dates of a body no event covers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Markdown that is not prose: link targets, HTML tags, code spans. Blanked, keeping offsets.
NOT_PROSE = re.compile(r"\]\([^)]*\)|<[^>\n]*>|`[^`\n]*`")
ASIDE = re.compile(r"\s*\([^()]*\)$")
# The only letters re.IGNORECASE matches to ASCII that str.lower() does not map one-to-one onto
# ASCII (İ ı ſ and the Kelvin sign): checked over every code point.
FOLDS_ONTO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
# A desk's note, not the story: "(This story has been corrected to say ... Monday, not Sunday)",
# "(Reporting by ...; Editing by ...)". Its dates are no events.
DESK_NOTE = re.compile(
    r"^[ \t]*\((?:This (?:story|article|version)|Correct|Updat|Add|Refil|Recast|Report|Writ|"
    r"Edit|Additional report)[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*", re.MULTILINE)


def masked_body(body: str) -> str:
    """The body with the desk's opening notes, link targets, tags and code replaced by spaces,
    so offsets still match."""
    start = story_start(body)
    if start:
        body = " " * start + body[start:]
    if "](" not in body and "<" not in body and "`" not in body:
        return body
    return NOT_PROSE.sub(lambda match: " " * len(match.group()), body)


def story_start(body: str) -> int:
    """Where the story begins: after the desk's notes that open it ("(Corrects day of vote
    ...)"), which agencies put above the dateline; 0 when none does."""
    start, position = 0, len(body) - len(body.lstrip("\r\n"))
    while (note := DESK_NOTE.match(body, position)) is not None:
        start = position = len(body) - len(body[note.end():].lstrip())
    return start


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


def claimed_when_spans(
    whens: Sequence[str], body: str, lowered: str | None
) -> list[tuple[int, int] | None]:
    """Where each of an article's `when`s stands in the body, in event order: its first
    occurrence no earlier `when` took. Two events dated "Monday" stand at the body's first two
    Mondays, and "Wednesday" never inside an earlier event's "on Wednesday"."""
    taken: list[tuple[int, int]] = []
    claimed: list[tuple[int, int] | None] = []
    for when in whens:
        span = first_when_span(when, body, lowered)
        if span is not None and _overlaps(span, taken):
            span = next((free for free in when_spans(when, body) if not _overlaps(free, taken)),
                        None)
        if span is not None:
            taken.append(span)
        claimed.append(span)
    return claimed


def _overlaps(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


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
    4,772 distinct ones)."""
    words = (re.escape(word) for word in wording.split())
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
