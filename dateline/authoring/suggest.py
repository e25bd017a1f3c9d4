"""Draft the `events:` a story still lacks: one entry per date phrase of the body no event covers.

The draft is a starting point for an editor, printed as YAML. `write_suggestions` adds it to the
file in place: the new lines are inserted as text after the last event (so every existing byte,
comment and quote stays as it was), and the result is parsed back with ruamel.yaml and compared
before anything is written.
"""

from __future__ import annotations

import bisect
import itertools
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
from dateline.authoring.reported import Reported, reported_events
from dateline.dates import DateError, resolve
from dateline.dates.extract.candidates import Mention
from dateline.load.phrases import masked_body, when_spans
from dateline.load.sentences import plain_text, sentence_spans
from dateline.model import Article, Direction, EventSpec

MAX_WHAT = 200
STOPWORDS = frozenset(
    "a an the of in on at to for by with and or but as from that this these those is are was were "
    "be been being has have had it its their his her he she they we you said says say told after "
    "before when while which who whom will would could should may might than then also more most "
    "some any over into about since until during there here not no".split()
)
FUTURE = re.compile(r"(?:\b(?:will|shall|is due|are due|is expected|are expected|"
                    r"is scheduled|are scheduled|plans? to|is set to|are set to|is to|are to|"
                    r"next|coming|upcoming)\b|'ll\b)", re.IGNORECASE)
SLUG_LIMIT = 64
IRREGULAR_PAST = frozenset(
    "said says told fled left ran met began won lost took made held came went froze sent "
    "struck shot fell rose hit sank broke gave drove flew led paid sold spoke stood swore "
    "threw wrote became brought bought caught fought found kept quit rang saw set shut "
    "slid split spread stole stuck swept tore woke wound will".split())
QUANTITIES = frozenset("first last most some many several part rest half all hundreds "
                       "thousands dozens millions scores none each".split())
REPORTING = frozenset("said says told".split())
PHRASE_BREAK = STOPWORDS | frozenset("between off out up down away across against among "
                                     "under near per".split())
NOT_VERBS = frozenset("armed aligned based related united need speed seed feed bred shed "
                      "alleged detailed limited".split())
# Words that make an id longer without telling events apart.
SLUG_SKIP = frozenset("former officials official reporters according statement told added "
                      "percent people".split())


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


def suggest(article: Article, resolve_ok: Callable[[Mention], bool] = usable,
            timeline_events: Sequence[EventSpec] = ()) -> list[Suggestion]:
    """Draft one event per event the body reports that no event of the article covers, in
    body order. `timeline_events` (other articles' events) can be named as anchors."""
    body = masked_body(article.body)
    dates = body_dates(article)
    reported = [r for r in reported_events(body, sentence_spans(body), dates)
                if resolve_ok(r.mention)]
    claimed = claimed_spans(article)
    covered = {r.mention.start: covering_of(r, claimed) for r in reported}
    taken = {event.id for event in article.events} | {event.id for event in timeline_events}
    ids: dict[int, str] = {}
    for r in reported:
        if covered[r.mention.start] is None:
            ids[r.mention.start] = unique(slug(drafted_what(article.body, r)), taken)
            taken.add(ids[r.mention.start])
    known = [*article.events, *timeline_events]
    drafts: list[Suggestion] = []
    for r in reported:
        if covered[r.mention.start] is not None:
            continue
        what = drafted_what(article.body, r)
        when = " ".join(r.mention.text.split())
        if not r.mention.needs_anchor:
            direction = direction_for(r.mention, body, r.text, article)
            drafts.append(Suggestion(ids[r.mention.start], when, what, direction=direction))
            continue
        anchor, note = anchor_for(r, body, dates, reported, ids, covered, known, article)
        drafts.append(Suggestion(ids[r.mention.start], when, what, anchor, None, note))
    return drafts


def claimed_spans(article: Article) -> list[tuple[int, int, str]]:
    """Where each event's `when` stands in the body: its first occurrence no earlier event
    took, so two events both dated "Monday" cover the body's first two Mondays, not one."""
    taken: list[tuple[int, int, str]] = []
    for event in article.events:
        for start, end in when_spans(event.when, article.body):
            if not any(start < other_end and other_start < end
                       for other_start, other_end, _ in taken):
                taken.append((start, end, event.id))
                break
    return taken


def covering_of(reported: Reported, claimed: Sequence[tuple[int, int, str]]) -> str | None:
    """The id of an event of the article already covering this reported event, if any."""
    for found in (reported.mention, *reported.consumed):
        for start, end, event_id in claimed:
            if start < found.end and found.start < end:
                return event_id
    return None


def anchor_for(r: Reported, body: str, dates: Sequence[Mention], reported: Sequence[Reported],
               ids: dict[int, str], covered: dict[int, str | None],
               known: Sequence[EventSpec], article: Article) -> tuple[str | None, str | None]:
    """The event a relative date counts from: the one its words name ("a day after he
    resigned"), else, for "two days later", the event told just before it."""
    if r.counts_from is not None:
        if r.counts_from_mention is not None:
            start = r.counts_from_mention.start
            anchor = covered.get(start) or ids.get(start)
            if anchor:
                return anchor, None
        words = " ".join(plain_text(body[r.counts_from[0]:r.counts_from[1]]).split())
        match = event_named(words, known)
        if match is not None:
            return match, None
        return None, f"counts from when {words!r}: add that event's id as anchor:"
    before = [other for other in reported if other.mention.end <= r.mention.start
              and not other.mention.needs_anchor]
    if before:
        start = before[-1].mention.start
        anchor = covered.get(start) or ids.get(start)
        if anchor:
            return anchor, None
    earlier = [found for found in dates if found.end <= r.mention.start and not found.needs_anchor]
    if earlier:
        event = covering_event(earlier[-1], article.events, article.body)
        if event is not None:
            return event.id, None
    return None, "counts from another event: add its id as anchor:"


def stems(text: str) -> set[str]:
    """Content words without their endings: "resigned" and "resigns" both give "resign"."""
    found = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in STOPWORDS or len(word) < 4:
            continue
        found.add(re.sub(r"(?:ation|ing|ion|ed|es|s)$", "", word) or word)
    return found


def event_named(words: str, events: Sequence[EventSpec]) -> str | None:
    """The event whose id and `what` share the most words with "he resigned" (at least one)."""
    wanted = stems(words)
    best: tuple[int, str] | None = None
    for event in events:
        have = stems(f"{event.id.replace('-', ' ')} {event.what}")
        score = sum(1 for word in wanted
                    if any(word in other or other in word for other in have
                           if min(len(word), len(other)) >= 4))
        if score and (best is None or score > best[0]):
            best = (score, event.id)
    return best[1] if best else None


def suggest_events(article: Article, resolve_ok: Callable[[Mention], bool] = usable,
                   timeline_events: Sequence[EventSpec] = ()) -> str:
    """The drafted `events:` block as YAML text ("" when every date is covered)."""
    suggestions = suggest(article, resolve_ok, timeline_events)
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


PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:early|late|earlier|later)\s+)?\b(?:on|in|at|during|by|as of|from|since|until|"
    r"till|through|starting|as early as|as late as|no later than|earlier|later)\s*$",
    re.IGNORECASE)
RELATIVE_CLAUSE = re.compile(r",?\s\b(who|which|that)\s+(?=\w)", re.IGNORECASE)
RELATIVE_PRONOUN = re.compile(r"(?:who|which)\s+", re.IGNORECASE)
# "..., President Gotabaya Rajapaksa, who fled": the names just before the clause
ANTECEDENT = re.compile(r"((?:[A-Z][\w'.-]*\s+){0,3}[A-Z][\w'.-]*)\s*,?\s*$")
ANTECEDENT_REACH = 80
LEADING_LINK = re.compile(r"^(?:and|but|while|as|then|so)\s+", re.IGNORECASE)


def drafted_what(body: str, reported: Reported) -> str:
    """The reported event's clause without its date phrases, its anchor clause and the
    preposition before each, tidied into a sentence. A date inside a relative clause ("a
    conclave that began on Wednesday") dates that clause: its antecedent becomes the subject."""
    start, end = reported.text
    inner = RELATIVE_CLAUSE.search(body, start, reported.mention.start)
    subject = None
    if inner is not None and not re.search(r"[,;]", body[inner.end():reported.mention.start]):
        subject = antecedent(body, start, inner)
        if subject:
            start = inner.end()
            after = re.search(r"[,;]", body[reported.mention.end:end])
            end = reported.mention.end + after.start() if after else end
    pieces: list[str] = []
    at = start
    for cut_start, cut_end in reported.cut:
        if cut_end <= at or cut_start >= end:
            continue
        kept = body[at:max(at, cut_start)]
        if body[cut_end:cut_end + 2] in ("'s", "\u2019s"):
            pieces.append(kept + " the")  # "in Thursday's referendum": "in the referendum"
            cut_end += 2
        else:
            pieces.append(PREPOSITION_BEFORE.sub("", kept))
        at = max(at, cut_end)
    pieces.append(body[at:end])
    text = plain_text(" ".join(pieces))
    if subject:
        text = f"{subject} {text}"
    relative = RELATIVE_PRONOUN.match(text)
    if relative:
        named = ANTECEDENT.search(plain_text(body[max(0, start - ANTECEDENT_REACH):start]))
        text = f"{named.group(1)} {text[relative.end():]}" if named else text
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]\s*(?=[.!?]?[\"'”’]?$)", "", text)
    text = LEADING_LINK.sub("", re.sub(r"^[,;:\s]+", "", text)).strip()
    if len(text) > MAX_WHAT:
        text = text[:MAX_WHAT].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    if text and text.rstrip("\"'”’")[-1:] not in (".", "!", "?", "…"):
        text += "."
    return text[:1].upper() + text[1:]


def antecedent(body: str, start: int, clause: re.Match[str]) -> str | None:
    """What a relative clause is about: "a conclave" in "on the second day of a conclave that
    began", "President Gotabaya Rajapaksa" in "..., President Gotabaya Rajapaksa, who fled"."""
    before = plain_text(body[start:clause.start()])
    if clause.group(1).lower() == "who":
        named = ANTECEDENT.search(before)
        return named.group(1) if named else None
    phrase = re.search(r"(?:^|\b(?:of|on|in|at|for|by|with|from|to|into)\s+)((?:\w[\w'-]*\s*){1,4})"
                       r"[,\s]*$", before)
    return phrase.group(1).strip() if phrase else None


def slug(what: str) -> str:
    """A short id from the drafted clause: who, did what, to what ("police-arrested-minister"),
    else its first three key words."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", what)
    verb = next((index for index, word in enumerate(words) if index and is_verb(word)), None)
    if verb is not None and words[verb].lower() == "will" and verb + 1 < len(words):
        verb += 1
    if verb is not None:
        leading = itertools.dropwhile(lambda w: w.lower() in ("the", "a", "an"), words[:verb])
        subject = list(itertools.takewhile(lambda w: w.lower() not in PHRASE_BREAK, leading))
        heads = [word for word in subject if key_word(word) and not word.endswith("ed")]
        if heads and heads[-1].lower() in QUANTITIES:  # "the first of the attacks"
            heads = [word for word in words[len(subject):verb] if key_word(word)] or heads
        after = [word for word in words[verb + 1:] if word.lower() not in ("to", "the", "a", "an",
                                                                            "that")]
        picked = [*heads[-1:], words[verb], *object_head(after)]
        if len(picked) >= 2 and (len(picked) == 3 or words[verb].lower() not in REPORTING):
            return "-".join(word.lower().replace("'", "") for word in picked)[:SLUG_LIMIT]
    keys = [word.lower() for word in words if key_word(word)]
    return "-".join(keys[:3])[:SLUG_LIMIT].strip("-") or "event"


def key_word(word: str) -> bool:
    lowered = word.lower().removesuffix("'s")
    return lowered not in STOPWORDS and lowered not in SLUG_SKIP and len(lowered) > 2


def is_verb(word: str) -> bool:
    """A past-tense or reporting verb: where the clause's action is."""
    lowered = word.lower()
    return word.islower() and (lowered in IRREGULAR_PAST or (
        len(lowered) > 4 and lowered.endswith("ed") and lowered not in NOT_VERBS))


def object_head(words: Sequence[str]) -> list[str]:
    """The head of the object noun phrase: the last of a run of names ("Ranil
    Wickremesinghe"), else the last word before a function word ("the giant container ship")."""
    if not words:
        return []
    if words[0][:1].isupper():
        run = [word for word in itertools.takewhile(lambda w: w[:1].isupper(), words)]
        return [run[-1]]
    phrase: list[str] = []
    for word in words:
        if word.lower() in PHRASE_BREAK or word[:1].isupper():
            break
        phrase.append(word)
    keys = [word for word in phrase if key_word(word)]
    return keys[-1:] if keys else []


def unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate = base[:SLUG_LIMIT - len(suffix)].rstrip("-") + suffix
        number += 1
    return candidate


LOCAL_CLAUSE_BREAK = re.compile(
    r"[,;:]|\b(?:that|which|who|when|once|if|because|after|before|until|while|where)\b",
    re.IGNORECASE)

REPORTED_BY = re.compile(
    r"\b(?:said|says|told|tells|announced|announces|added|reported|confirmed|stated|wrote)"
    r"(?:\s+\w+)?\s+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)


def local_clause(body: str, found: Mention, text: tuple[int, int]) -> str:
    """The words of the clause holding the date: from the last break before it to the next,
    so "said late Monday that ... will be released" reads as "said late Monday"."""
    start, end = text
    before = [match.end() for match in LOCAL_CLAUSE_BREAK.finditer(body, start, found.start)]
    clause_start = before[-1] if before else start
    if REPORTED_BY.search(body, clause_start, found.start):
        return body[clause_start:found.end]  # "said late Monday [the tranche will ...]"
    after = LOCAL_CLAUSE_BREAK.search(body, found.end, end)
    return body[clause_start:after.start() if after else end]


def direction_for(found: Mention, body: str, text: tuple[int, int],
                  article: Article) -> Direction | None:
    """`future` when the clause holding the date looks ahead (its verb's tense or modal) and
    reading forward changes the dates."""
    if found.resolved is None or not FUTURE.search(local_clause(body, found, text)):
        return None
    try:
        ahead = resolve(found.text, article.reference, direction="future")
    except DateError:
        return None
    return "future" if ahead.span != found.resolved.span else None


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
