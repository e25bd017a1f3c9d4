"""Draft the `events:` a story still lacks: one entry per date phrase of the body no event covers.

The draft is a starting point for an editor, printed as YAML. `write_suggestions` adds it to the
file in place: the new lines are inserted as text after the last event (so every existing byte,
comment and quote stays as it was), and the result is parsed back with ruamel.yaml and compared
before anything is written.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from ruamel.yaml import YAML as RoundTrip
from ruamel.yaml.error import MarkedYAMLError, StreamMark, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from dateline.authoring.coverage import body_dates, covering_event
from dateline.dates import DateError, resolve
from dateline.dates.extract.candidates import Mention
from dateline.load.phrases import masked_body
from dateline.load.sentences import plain_text, sentence_spans
from dateline.model import Article, Direction

MAX_WHAT = 200
STOPWORDS = frozenset(
    "a an the of in on at to for by with and or but as from that this these those is are was were "
    "be been being has have had it its their his her he she they we you said says say told after "
    "before when while which who whom will would could should may might than then also more most "
    "some any over into about since until during there here not no".split()
)
FUTURE = re.compile(r"\b(?:will|would|'ll|shall|is due|are due|is expected|are expected|"
                    r"scheduled|plans? to|is set to|are set to|next)\b", re.IGNORECASE)
SLUG_LIMIT = 64


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One drafted event. `note` becomes a YAML comment (what the editor still has to decide)."""

    id: str
    when: str
    what: str
    anchor: str | None = None
    direction: Direction | None = None
    note: str | None = None


def usable(found: Mention) -> bool:
    """Worth drafting: it resolves, or it only lacks an anchor."""
    return found.resolved is not None or found.needs_anchor


def suggest(article: Article, resolve_ok: Callable[[Mention], bool] = usable) -> list[Suggestion]:
    """Draft events for the body's uncovered date phrases, in body order."""
    body = masked_body(article.body)
    dates = body_dates(article)
    sentences = sentence_spans(body)
    wanted = [found for found in dates if resolve_ok(found)
              and covering_event(found, article.events, article.body) is None]
    clause = {found.start: clause_of(found, body, sentences) for found in wanted}
    targets: dict[int, Mention] = {}
    for found in wanted:
        target = anchor_target(found, dates, sentences) if found.needs_anchor else None
        if target is None:
            continue
        targets[found.start] = target
        if target.start > found.end:
            # "came 10 days after Hamas attacked Israel on October 7": two events, two clauses
            clause[found.start] = (clause[found.start][0], found.start)
            if target.start in clause:
                clause[target.start] = (found.end, clause[target.start][1])
    taken = {event.id for event in article.events}
    ids: dict[int, str] = {}
    drafts: list[Suggestion] = []
    for found in wanted:
        what = drafted_what(article.body, clause[found.start], found)
        ids[found.start] = unique(slug(what), taken)
        taken.add(ids[found.start])
        drafts.append(Suggestion(ids[found.start], " ".join(found.text.split()), what,
                                 direction=direction_for(found, body, clause[found.start],
                                                         article)))
    result: list[Suggestion] = []
    for found, draft in zip(wanted, drafts, strict=True):
        if found.needs_anchor:
            target = targets.get(found.start)
            anchor = None
            if target is not None:
                event = covering_event(target, article.events, article.body)
                anchor = event.id if event is not None else ids.get(target.start)
            note = None if anchor else "counts from another event: add its id as anchor:"
            draft = Suggestion(draft.id, draft.when, draft.what, anchor, None, note)
        result.append(draft)
    return result


def sentence_of(found: Mention, sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    return next(span for span in sentences if span[0] <= found.start < span[1])


def clause_of(found: Mention, body: str, sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The part of the sentence between semicolons that holds the phrase."""
    start, end = sentence_of(found, sentences)
    before = body.rfind(";", start, found.start)
    after = body.find(";", found.end, end)
    return (before + 1 if before != -1 else start, after if after != -1 else end)


def suggest_events(article: Article, resolve_ok: Callable[[Mention], bool] = usable) -> str:
    """The drafted `events:` block as YAML text ("" when every date is covered)."""
    suggestions = suggest(article, resolve_ok)
    if not suggestions:
        return ""
    return "events:\n" + "".join(line for s in suggestions for line in entry_lines(s, 2, 4))


def entry_lines(suggestion: Suggestion, dash_indent: int, key_indent: int) -> list[str]:
    """One event as block YAML lines, at the indentation the file already uses."""
    pad = " " * key_indent
    lines = [f"{' ' * dash_indent}-{' ' * (key_indent - dash_indent - 1)}id: {suggestion.id}\n",
             f"{pad}when: {scalar(suggestion.when)}\n",
             f"{pad}what: {scalar(suggestion.what)}\n"]
    if suggestion.anchor:
        lines.append(f"{pad}anchor: {suggestion.anchor}\n")
    if suggestion.direction:
        lines.append(f"{pad}direction: {suggestion.direction}\n")
    if suggestion.note:
        lines.append(f"{pad}# {suggestion.note}\n")
    return lines


def scalar(value: str) -> str:
    """Plain when YAML reads it back unchanged as a string, else double-quoted."""
    try:
        plain_ok = yaml.safe_load(f"key: {value}") == {"key": value}
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok else json.dumps(value, ensure_ascii=False)


def drafted_what(body: str, sentence: tuple[int, int], found: Mention) -> str:
    """The clause without its date phrase (and the preposition before it), tidied."""
    start, end = sentence
    if start <= found.start and found.end <= end:
        before = re.sub(r"\b(?:on|in|at|during|by|as of)\s*$", "", body[start:found.start])
        text = before + body[found.end:end]
    else:
        text = body[start:end]
    text = plain_text(text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])[,;:]+", r"\1", text)
    text = re.sub(r"^[,;:\s]+|,\s*(?=[.!?]$)", "", text).strip()
    if len(text) > MAX_WHAT:
        text = text[:MAX_WHAT].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    if text and text[-1] not in ".!?…":
        text += "."
    return text[:1].upper() + text[1:]


def slug(what: str) -> str:
    """The first three key words of the drafted sentence: 'militias-begin-attacking'."""
    words = [word for word in re.findall(r"[a-z]+", what.lower())
             if word not in STOPWORDS and len(word) > 2]
    return "-".join(words[:3])[:SLUG_LIMIT].strip("-") or "event"


def unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = base[:SLUG_LIMIT - len(suffix)].rstrip("-") + suffix
        number += 1
    return candidate


def direction_for(found: Mention, body: str, sentence: tuple[int, int],
                  article: Article) -> Direction | None:
    """`future` when the sentence looks ahead and reading forward changes the dates."""
    if found.resolved is None or not FUTURE.search(body[sentence[0]:sentence[1]]):
        return None
    try:
        ahead = resolve(found.text, article.reference, direction="future")
    except DateError:
        return None
    return "future" if ahead.span != found.resolved.span else None


def anchor_target(found: Mention, dates: Sequence[Mention],
                  sentences: Sequence[tuple[int, int]]) -> Mention | None:
    """Another date of the same sentence: the one after "10 days after", else the nearest
    before "two days later"."""
    sentence = sentence_of(found, sentences)
    others = [other for other in dates if other is not found and not other.needs_anchor
              and sentence[0] <= other.start < sentence[1]]
    following = [other for other in others if other.start > found.start]
    preceding = [other for other in others if other.start < found.start][::-1]
    looks_ahead = found.text.split()[-1].lower() in ("after", "before", "following")
    ordered = following + preceding if looks_ahead else preceding + following
    return ordered[0] if ordered else None


class SuggestWriteError(Exception):
    """Why a file was left untouched."""


def write_suggestions(path: Path, suggestions: Sequence[Suggestion]) -> None:
    """Add the drafts after the file's last event, in place, or raise and write nothing."""
    original = path.read_bytes().decode("utf-8")
    updated = with_suggestions(original, suggestions, str(path))
    if updated == original:
        return
    temporary = path.with_name(f".{path.name}.suggest")
    temporary.write_bytes(updated.encode("utf-8"))
    os.replace(temporary, path)


def with_suggestions(content: str, suggestions: Sequence[Suggestion], name: str) -> str:
    """The file's text with the drafts inserted as lines; checked by parsing it back."""
    if not suggestions:
        return content
    lines = content.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if not lines or lines[0].rstrip("\r\n") != "---":
        raise SuggestWriteError(f"{name}: no front matter (the file must start with ---)")
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") == "---"), None)
    if close is None:
        raise SuggestWriteError(f"{name}: the front matter has no closing ---")
    front = "".join(lines[1:close])
    at = FrontPlaces(front)
    before = parsed(front, name, at)
    root = RoundTrip(typ="rt").compose(front)
    pair = next(((k, v) for k, v in root.value if k.value == "events"), None)
    events = pair[1] if pair else None
    empty = isinstance(events, ScalarNode) and events.value in ("", "~", "null")
    if pair is None or empty or (isinstance(events, SequenceNode) and not events.value):
        # no list yet: "events:" (re)written on its own line, the drafts under it
        key_line = close if pair is None else at.line(pair[0].start_mark) + 1
        block, insert, replace, dash, key = ["events:\n"], key_line, int(pair is not None), 2, 4
    elif isinstance(events, SequenceNode) and not events.flow_style:
        first, last = events.value[0], events.value[-1]
        key = at.column(first.start_mark)
        dash = len(lines[at.line(first.start_mark) + 1][:key].rstrip()) - 1
        end = max(at.line(node.end_mark) - (at.column(node.end_mark) == 0)
                  for node in walk(last))
        while end > at.line(last.start_mark) and lines[end + 1].strip()[:1] in ("", "#"):
            end -= 1
        block, insert, replace = [], end + 2, 0
    else:
        raise SuggestWriteError(f"{name}: write events as a block list (- id: ...) to add to it")
    block += [line for s in suggestions for line in entry_lines(s, dash, key)]
    block = [line.replace("\n", newline) for line in block]
    updated = lines[:insert] + block + lines[insert + replace:]
    after_front = "".join(updated[1:close - replace + len(block)])
    after = parsed(after_front, name, FrontPlaces(after_front))
    old_events = before.get("events")
    expected = dict(before, events=(old_events if isinstance(old_events, list) else []) + [
        {k: v for k, v in (("id", s.id), ("when", s.when), ("what", s.what),
                           ("anchor", s.anchor), ("direction", s.direction)) if v}
        for s in suggestions])
    if after != expected:
        raise SuggestWriteError(f"{name}: the drafted events did not read back as written")
    return "".join(updated)


class FrontPlaces:
    """Line (0-based, within the front matter) and column of a ruamel mark, from its character
    index: YAML also breaks lines at NEL, U+2028 and U+2029, the file only at "\\n"."""

    def __init__(self, front: str) -> None:
        self.starts = [0, *(index + 1 for index, char in enumerate(front) if char == "\n")]

    def line(self, mark: StreamMark) -> int:
        return bisect.bisect_right(self.starts, int(mark.index)) - 1

    def column(self, mark: StreamMark) -> int:
        return int(mark.index) - self.starts[self.line(mark)]


def parsed(front: str, name: str, at: FrontPlaces) -> dict[str, object]:
    """The front matter as data; a problem is named at its file line (the front matter starts
    on line 2) and column, in one line rather than ruamel's multi-line report."""
    try:
        data = RoundTrip(typ="safe", pure=True).load(front)
    except MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        where = f"{name}:{at.line(mark) + 2}:{at.column(mark) + 1}" if mark else name
        raise SuggestWriteError(
            f"{where}: cannot parse the front matter: {problem.problem}"
        ) from None
    except YAMLError as problem:
        summary = str(problem).split("\n", 1)[0]
        raise SuggestWriteError(f"{name}: cannot parse the front matter: {summary}") from None
    if not isinstance(data, dict):
        raise SuggestWriteError(f"{name}: the front matter is not a mapping")
    return data


def walk(node: Node) -> list[Node]:
    """A node and everything under it, for the last line the last event uses."""
    found = [node]
    if isinstance(node, SequenceNode):
        for child in node.value:
            found.extend(walk(child))
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            found.extend(walk(key) + walk(value))
    return found
