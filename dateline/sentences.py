"""Sentences of a Markdown body: where a dated phrase stands, and its sentence as plain text."""

from __future__ import annotations

import re

from dateline.coverage import masked_body, when_spans

ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|No|Inc|Corp|Co|Ltd|vs|U\.S|U\.K|"
    r"a\.m|p\.m|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|"
    r"Sat|Sun)|\b[A-Z])\.$"
)
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)*_]*\s+(?=[\"'“‘(*_]*[A-Z0-9])|\n\s*\n")
DATELINE_LEAD = re.compile(r"^[\s*_]*[A-Z][A-Z .,'\[\]()-]*[*_]*\s*(?:—|–|--)\s*")
MAX_QUOTE = 400


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Sentences (and blank-line paragraphs) as offsets; abbreviations do not end them."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_BREAK.finditer(body):
        if match.group().strip() and ABBREVIATIONS.search(body, 0, match.start() + 1):
            continue
        spans.append((start, match.start() + 1))
        start = match.end()
    spans.append((start, len(body)))
    return spans


def plain_text(markdown: str) -> str:
    """Markdown as a reader sees it: link words kept, emphasis, tags and dateline dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>\n]*>", "", text)
    text = DATELINE_LEAD.sub("", re.sub(r"[*_`]+", "", text))
    return " ".join(text.split())


def sentence_around(body: str, when: str) -> str | None:
    """The body's sentence holding the first occurrence of `when`: the quote shown with an event."""
    spans = when_spans(when, masked_body(body))
    if not spans:
        return None
    start, _ = spans[0]
    for first, last in sentence_spans(body):
        if first <= start < last:
            quote = plain_text(body[first:last])
            return quote if 0 < len(quote) <= MAX_QUOTE else None
    return None
