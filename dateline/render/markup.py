"""Dated phrases of an article body marked in its safe HTML, each linked to its timeline entry."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import escape

from dateline.model import Article, Event

# A tag as nh3 serialises it (as `bodies.TOKEN` reads one).
TAG = re.compile(r'<[^>"]*(?:"[^"]*"[^>"]*)*>')
# The start of a tag whose text must stay unmarked (no link inside a link, no mark in code or
# in another mark); a match counts only where TAG found a tag.
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


def mark_phrases(html: str, phrases: Sequence[DatedPhrase]) -> tuple[str, frozenset[str]]:
    """Each phrase's first occurrence in text that may take a link, and the ids marked.

    Longer phrases go first, so "late on Saturday" keeps its words and "on Saturday" finds an
    occurrence of its own; phrases of one length keep the front matter's order. A hit must lie
    in markable text (not in a tag, a link, code or a mark, nor across an earlier phrase's
    mark); the marks are spliced in once at the end. Text between a tag and a mark counts as
    its own piece, as if the mark had split it, so a later phrase may start right after one.
    """
    if not phrases:
        return html, frozenset()
    page = _Text(html)
    marks: list[tuple[int, int, str]] = []
    marked: set[str] = set()
    for phrase in sorted(phrases, key=lambda phrase: -len(phrase.text.split())):
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
        """The first hit, in document order, that lies in one piece and does not run on into a
        word at either end (word characters as Python's `\\w`: `isalnum` or "_")."""
        pattern = _wording_pattern(wording, ignore_case)
        position = 0
        while True:
            hit = pattern.search(self.html, position)
            if hit is None:
                return None
            start, end = hit.span()
            piece = self._piece(start, end, marks)
            if piece is not None:
                low, high = piece
                html = self.html
                joins_before = start > low and _is_word(html[start - 1]) and _is_word(html[start])
                joins_after = end < high and _is_word(html[end]) and _is_word(html[end - 1])
                if not joins_before and not joins_after:
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


@lru_cache(maxsize=4096)
def _wording_pattern(wording: str, ignore_case: bool) -> re.Pattern[str]:
    """The wording with any run of white space (a line break in the source) between words."""
    words = r"\s+".join(re.escape(word) for word in wording.split())
    return re.compile(words, re.IGNORECASE if ignore_case else 0)


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
