"""Sentences of a Markdown body: where a dated phrase stands, and its sentence as plain text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from dateline.dates.reference import PAREN_CREDIT, SLASH_CREDIT
from dateline.load.phrases import claimed_when_spans, lowered_for_search, masked_body

ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|No|Inc|Corp|Co|Ltd|vs|U\.S|U\.K|"
    r"a\.m|p\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|"
    r"Sat|Sun)|\b[A-Z])\.$"
)
# A sentence ends at a full stop before a capital, a blank line, or a list item's line.
LIST_ITEM = r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+"
SENTENCE_BREAK = re.compile(
    rf"[.!?][\"'”’)*_]*\s+(?=[\"'“‘(*_]*[A-Z0-9])|\n\s*\n|\n(?={LIST_ITEM})")
LIST_MARKER = re.compile(rf"^\s*{LIST_ITEM}")
# A wire story's opening dateline, up to its dash: a place in capitals ("SINGAPORE/COLOMBO"),
# then ", Country" and ", Date" parts, then agency credits ("(Reuters)", "/PRNewswire/"). A plain
# hyphen ends it only after a credit, so "NATO - the alliance - met" keeps its first word.
_PLACE = r"[\s*_]*[A-Z][A-Z .'/\[\]&-]*[A-Z\]][*_]*(?:,[^,!?\n\u2013\u2014()]{1,40}?)*"
_CREDITS = rf"(?:\s*(?:{PAREN_CREDIT}|{SLASH_CREDIT}))"
DATELINE_LEAD = re.compile(
    rf"^{_PLACE}{_CREDITS}*\s*(?:\u2014|\u2013|--)\s*|^{_PLACE}{_CREDITS}+\s*-\s+")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>\n]*>")
MARKUP = re.compile(r"[*_`]+")
MAX_QUOTE = 400
ABBREVIATION_REACH = 8  # longest abbreviation before a full stop ("Thurs", "U.S")


def body_dateline(body: str) -> tuple[str, int] | None:
    """A wire story pasted whole opens with its dateline ('ISMAILIA, Egypt, March 25 (Reuters)
    - ...'): that dateline without its dash, and the body line (from 0) it stands on."""
    for number, line in enumerate(body.split("\n")):
        if not line.strip():
            continue
        lead = DATELINE_LEAD.match(line)
        if lead is None:
            return None
        words = MARKUP.sub("", lead.group()).strip().rstrip("-\u2013\u2014 ").strip()
        return (words, number) if words else None
    return None


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Sentences (and blank-line paragraphs) as offsets; abbreviations do not end them."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_BREAK.finditer(body):
        before = max(0, match.start() - ABBREVIATION_REACH)
        if match.group().strip() and ABBREVIATIONS.search(body, before, match.start() + 1):
            continue
        spans.append((start, match.start() + 1))
        start = match.end()
    spans.append((start, len(body)))
    return spans


def plain_text(markdown: str) -> str:
    """Markdown as a reader sees it: link words kept; emphasis, tags, dateline and a list item's
    marker dropped."""
    text = LINK.sub(r"\1", markdown) if "](" in markdown else markdown
    text = LIST_MARKER.sub("", text)
    text = TAG.sub("", text) if "<" in text else text
    text = MARKUP.sub("", text)
    return " ".join(DATELINE_LEAD.sub("", text).split())


def sentence_quotes(body: str, whens: Sequence[str]) -> list[str | None]:
    """For each `when`, the body's sentence holding it (where `claimed_when_spans` places it):
    the quote shown with an event. The body is split once, whatever the number of events."""
    masked = masked_body(body)
    sentences = sentence_spans(body)
    starts = [first for first, _ in sentences]
    quotes: list[str | None] = []
    for span in claimed_when_spans(whens, masked, lowered_for_search(masked)):
        quote = None
        if span is not None:
            first, last = sentences[bisect_right(starts, span[0]) - 1]
            quote = plain_text(body[first:last]) or None
        quotes.append(quote if quote and len(quote) <= MAX_QUOTE else None)
    return quotes
