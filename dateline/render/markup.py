"""Dated phrases of an article body marked in its safe HTML, each linked to its timeline entry."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from dateline.load.phrases import FOLDS_ONTO_ASCII
from dateline.model import Article, Event
from dateline.render.bodies import body_html

# Text inside these must not receive a link: no link inside a link, no marks in code.
NO_MARK_INSIDE = frozenset({"a", "code", "pre"})
# A tag as nh3 serialises it (as `bodies.TOKEN` reads one).
TAG = re.compile(r'<[^>"]*(?:"[^"]*"[^>"]*)*>')
# The start of a tag whose text must stay unmarked; a match counts only where TAG found a tag.
BLOCKING_TAG = re.compile(r"<(/?)(a|code|pre|mark)(?![a-zA-Z0-9])", re.IGNORECASE | re.ASCII)
TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)$")


@dataclass(frozen=True, slots=True)
class DatedPhrase:
    """An event's `when` as the article words it, and where the timeline shows that event."""

    event_id: str
    timeline: str
    text: str
    start: date


def dated_phrases(article: Article, events: Sequence[Event]) -> tuple[DatedPhrase, ...]:
    """The phrases of one article, in the order its front matter lists the events."""
    by_id = {event.id: event for event in events if event.timeline == article.timeline}
    phrases: list[DatedPhrase] = []
    for spec in article.events:
        event = by_id.get(spec.id)
        wording = spec.when.strip()
        if event is not None and wording:
            phrases.append(DatedPhrase(event.id, event.timeline, wording, event.date.start))
    return tuple(phrases)


def render_markdown(body: str, phrases: Sequence[DatedPhrase] = ()) -> str:
    """Markdown to safe HTML with the dated phrases marked: `body_html`, then `mark_phrases`."""
    return mark_phrases(body_html(body), phrases)[0]


def mark_phrase(html: str, phrase: DatedPhrase) -> str:
    """Wrap the first occurrence of the phrase in text (case-sensitive first, then not)."""
    return mark_phrases(html, (phrase,))[0]


def mark_phrases(html: str, phrases: Sequence[DatedPhrase]) -> tuple[str, frozenset[str]]:
    """Each phrase's first occurrence in text that may take a link, in order, and the ids marked.

    Searches the whole HTML with `str.find` and accepts a hit that lies in markable text (not in
    a tag, a link, code or a mark, nor across an earlier phrase's mark); the marks are spliced in
    once at the end. Text between a tag and a mark counts as its own piece, as if the mark had
    split it, so a later phrase may start right after an earlier one.
    """
    if not phrases:
        return html, frozenset()
    page = _Text(html)
    marks: list[tuple[int, int, str]] = []
    marked: set[str] = set()
    for phrase in phrases:
        found = page.first(phrase.text, marks)
        if found is not None:
            start, end = found
            bisect.insort(marks, (start, end, _mark(phrase, html[start:end])))
            marked.add(phrase.event_id)
    if not marks:
        return html, frozenset()
    out: list[str] = []
    done = 0
    for start, end, mark in marks:
        out += (html[done:start], mark)
        done = end
    out.append(html[done:])
    return "".join(out), frozenset(marked)


class _Text:
    """The markable runs of text of one HTML string: between tags, outside links, code and
    marks (a stack, as browsers nest them), found once for all the phrases of an article."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.lower: str | None = None
        self.folds = not html.isascii() and any(letter in html for letter in FOLDS_ONTO_ASCII)
        tags = dict(match.span() for match in TAG.finditer(html))  # start -> end
        self.starts = [0, *tags.values()]  # text runs lie between tags
        self.ends = [*tags, len(html)]
        self.blocked_starts: list[int] = []
        self.blocked_ends: list[int] = []
        open_elements: list[str] = []
        for match in BLOCKING_TAG.finditer(html):
            tag_end = tags.get(match.start())
            if tag_end is None:
                continue
            was_blocked = bool(open_elements)
            closing, name = match.group(1) == "/", match.group(2).lower()
            _track(closing, name, html[match.start() : tag_end], open_elements)
            if open_elements and not was_blocked:
                self.blocked_starts.append(tag_end)
            elif was_blocked and not open_elements:
                self.blocked_ends.append(match.start())
        if open_elements:
            self.blocked_ends.append(len(html))

    def first(self, text: str, marks: Sequence[tuple[int, int, str]]) -> tuple[int, int] | None:
        for wording in _wordings(text):
            for ignore_case in (False, True):
                found = self._search(wording, ignore_case, marks)
                if found is not None:
                    return found
        return None

    def _search(
        self, wording: str, ignore_case: bool, marks: Sequence[tuple[int, int, str]]
    ) -> tuple[int, int] | None:
        """The first hit, in document order, that lies in one piece with a word boundary (as
        Python's `\\w`: `isalnum` or "_") at each end of the wording."""
        pattern: re.Pattern[str] | None = None
        haystack = self.html
        if ignore_case:
            if not wording.isascii() or self.folds:  # lower() is not re.IGNORECASE there
                pattern = re.compile(re.escape(wording), re.IGNORECASE)
            else:
                if self.lower is None:
                    self.lower = self.html.lower()
                haystack, wording = self.lower, wording.lower()
        position = 0
        while True:
            if pattern is None:
                start = haystack.find(wording, position)
                end = start + len(wording)
            else:
                hit = pattern.search(haystack, position)
                start, end = (-1, -1) if hit is None else hit.span()
            if start < 0:
                return None
            piece = self._piece(start, end, marks)
            if piece is not None:
                low, high = piece
                if (start == low or not _is_word(haystack[start - 1])) and (
                    end == high or not _is_word(haystack[end])
                ):
                    return start, end
            position = start + 1

    def _piece(
        self, start: int, end: int, marks: Sequence[tuple[int, int, str]]
    ) -> tuple[int, int] | None:
        """The run of markable text between tags and marks holding [start, end), if any."""
        index = bisect.bisect_right(self.starts, start) - 1
        if end > self.ends[index]:
            return None  # inside a tag, or across one
        blocked = bisect.bisect_right(self.blocked_starts, start) - 1
        if blocked >= 0 and start < self.blocked_ends[blocked]:
            return None  # inside a link, code or a mark of the body
        low, high = self.starts[index], self.ends[index]
        for mark_start, mark_end, _ in marks:
            if mark_end <= low or mark_start >= high:
                continue
            if mark_end <= start:
                low = mark_end
            elif mark_start >= end:
                high = min(high, mark_start)
            else:
                return None  # overlaps an earlier phrase's mark
        return low, high


def _is_word(character: str) -> bool:
    return character.isalnum() or character == "_"


def _wordings(text: str) -> tuple[str, ...]:
    """The phrase as HTML text; then without a trailing aside such as "(local time)",
    which front matter often adds but a body's sentence may word apart."""
    escaped = escape(text, quote=False)
    shorter = TRAILING_ASIDE.sub("", escaped)
    return (escaped, shorter) if shorter and shorter != escaped else (escaped,)


def _mark(phrase: DatedPhrase, shown: str) -> str:
    event_id = escape(phrase.event_id)
    href = f"../{escape(phrase.timeline)}/index.html#{event_id}"
    return (
        f'<mark id="at-{event_id}"><a href="{href}">'
        f'<time datetime="{phrase.start.isoformat()}">{shown}</time></a></mark>'
    )


def _track(closing: bool, name: str, tag: str, blocked: list[str]) -> None:
    """Keep a stack of open elements whose text must stay unmarked (links, code, our marks)."""
    if closing:
        if name in blocked:
            del blocked[len(blocked) - 1 - blocked[::-1].index(name)]
    elif not tag.endswith("/>"):
        blocked.append(name)
