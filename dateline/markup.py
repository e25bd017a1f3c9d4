"""Dated phrases of an article body marked in its safe HTML, each linked to its timeline entry."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from dateline.bodies import TOKEN, body_html
from dateline.model import Article, Event

# Text inside these must not receive a link: no link inside a link, no marks in code.
NO_MARK_INSIDE = frozenset({"a", "code", "pre"})
TAG_NAME = re.compile(r"<(/?)([a-zA-Z0-9]+)")
# Letters that re.IGNORECASE matches to an ASCII letter but str.lower() does not (or not 1:1).
FOLDS_ONTO_ASCII = ("\u0130", "\u0131", "\u017f")
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

    The HTML is split into text nodes once; a mark splits its node so that later phrases never
    land inside it. Linear in the HTML per phrase, whatever the number of phrases.
    """
    if not phrases:
        return html, frozenset()
    nodes: list[list[str]] = []  # even items: markable text; odd items: a mark's HTML
    pieces: list[str | list[str]] = []
    blocked: list[str] = []
    for match in TOKEN.finditer(html):
        tag, text = match.group(1), match.group(2)
        if tag is not None:
            _track(tag, blocked)
            pieces.append(tag)
        elif blocked or text is None:
            pieces.append(match.group(0))
        else:
            node = [text]
            nodes.append(node)
            pieces.append(node)
    marked: set[str] = set()
    for phrase in phrases:
        if _mark_first(nodes, phrase):
            marked.add(phrase.event_id)
    out = [piece if isinstance(piece, str) else "".join(piece) for piece in pieces]
    return "".join(out), frozenset(marked)


def _mark_first(nodes: list[list[str]], phrase: DatedPhrase) -> bool:
    for wording in _wordings(phrase.text):
        for ignore_case in (False, True):
            finder = _Finder(wording, ignore_case)
            for node in nodes:
                for index in range(0, len(node), 2):
                    found = finder.search(node[index])
                    if found is not None:
                        text, (start, end) = node[index], found
                        node[index : index + 1] = [
                            text[:start], _mark(phrase, text[start:end]), text[end:]
                        ]
                        return True
    return False


class _Finder:
    """`(?<!\\w)wording(?!\\w)` as a plain substring search (Python's `\\w` is `isalnum` or
    "_"); a regular expression, compiled only when needed, where case folding is not plain
    `lower()`: a non-ASCII wording, or text with the letters re.IGNORECASE folds onto ASCII."""

    def __init__(self, wording: str, ignore_case: bool) -> None:
        self.wording = wording
        self.ignore_case = ignore_case
        self.needle = wording.lower() if ignore_case else wording
        self.pattern: re.Pattern[str] | None = None

    def search(self, text: str) -> tuple[int, int] | None:
        haystack = text
        if self.ignore_case:
            if not self.wording.isascii() or (
                not text.isascii() and any(letter in text for letter in FOLDS_ONTO_ASCII)
            ):
                return self._regex_search(text)
            haystack = text.lower()
        size = len(self.needle)
        position = haystack.find(self.needle)
        while position >= 0:
            end = position + size
            if not (position and _is_word(haystack[position - 1])) and not (
                end < len(haystack) and _is_word(haystack[end])
            ):
                return position, end
            position = haystack.find(self.needle, position + 1)
        return None

    def _regex_search(self, text: str) -> tuple[int, int] | None:
        if self.pattern is None:
            flags = re.IGNORECASE if self.ignore_case else 0
            self.pattern = re.compile(r"(?<!\w)" + re.escape(self.wording) + r"(?!\w)", flags)
        hit = self.pattern.search(text)
        return None if hit is None else (hit.start(), hit.end())


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


def _track(tag: str, blocked: list[str]) -> None:
    """Keep a stack of open elements whose text must stay unmarked (links, code, our marks)."""
    name_match = TAG_NAME.match(tag)
    if name_match is None:
        return
    closing, name = name_match.group(1) == "/", name_match.group(2).lower()
    if name not in NO_MARK_INSIDE and name != "mark":
        return
    if closing:
        if name in blocked:
            del blocked[len(blocked) - 1 - blocked[::-1].index(name)]
    elif not tag.endswith("/>"):
        blocked.append(name)
