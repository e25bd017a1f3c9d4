"""Draft the `events:` a story still lacks: one entry per event the body reports that no event
covers, with the anchor a relative date counts from and the direction its clause looks in.

The draft is a starting point for an editor, printed as YAML (`suggest_write` adds it to the
file in place). Which date belongs to which reported event is `reported`'s work; the wording of
the draft, `wording`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from dateline.authoring.coverage import body_dates, covering_event
from dateline.authoring.reported import Reported, reported_events
from dateline.authoring.suggest_write import entry_lines
from dateline.authoring.wording import Suggestion, drafted_what, slug, stems, tidied, unique
from dateline.dates import DateError, resolve
from dateline.dates.extract.candidates import Mention
from dateline.dates.patterns import TIME_PHRASE
from dateline.load.ahead import FUTURE, LOCAL_CLAUSE_BREAK, words_ahead
from dateline.load.phrases import claimed_when_spans, lowered_for_search, masked_body
from dateline.load.sentences import plain_text, sentence_quotes, sentence_spans
from dateline.model import Article, Direction, EventSpec

# A clock time just before a date, which extraction leaves out of the date's words ("at about
# 1:30 a.m. on Tuesday"): a draft's `when` keeps it, so the event keeps its time of day. Words
# without digits ("just after midnight") stay in the `what`, as an editor drafting keeps them.
LEADING_CLOCK = re.compile(rf"(?:{TIME_PHRASE}),? (?:on )?$", re.IGNORECASE)
CLOCK_REACH = 60  # characters before a date searched for its clock time


def usable(found: Mention) -> bool:
    """Worth drafting: it resolves, or it only lacks an anchor."""
    return found.resolved is not None or found.needs_anchor


def suggest(article: Article, resolve_ok: Callable[[Mention], bool] = usable,
            timeline_events: Sequence[EventSpec] = ()) -> list[Suggestion]:
    """Draft one event per event the body reports that no event of the article covers, in
    body order. `timeline_events` (other articles' events) can be named as anchors."""
    body = masked_body(article.body)
    dates = body_dates(article)
    sentences = sentence_spans(body)
    reported = [with_leading_clock(article.body, body, r, article.reference)
                for r in reported_events(body, sentences, dates) if resolve_ok(r.mention)]
    claimed = claimed_spans(article)
    covered = {r.mention.start: covering_of(r, claimed) for r in reported}
    taken = {event.id for event in article.events} | {event.id for event in timeline_events}
    whats = {r.mention.start: what_of(article.body, r, sentences)
             for r in reported if covered[r.mention.start] is None}
    ids: dict[int, str] = {}
    for start, what in whats.items():
        ids[start] = unique(slug(what), taken)
        taken.add(ids[start])
    known = [*article.events, *timeline_events]
    drafts: list[Suggestion] = []
    for r in reported:
        if covered[r.mention.start] is not None:
            continue
        what = whats[r.mention.start]
        when = " ".join(r.mention.text.split())
        if not r.mention.needs_anchor:
            earlier = [*(event.when for event in article.events), *(d.when for d in drafts)]
            direction = direction_for(r.mention, body, r.text, article, what, earlier, dates)
            drafts.append(Suggestion(ids[r.mention.start], when, what, direction=direction))
            continue
        anchor, note = anchor_for(r, body, dates, reported, ids, covered, known, article)
        drafts.append(Suggestion(ids[r.mention.start], when, what, anchor, None, note))
    return drafts


def with_leading_clock(text: str, masked: str, reported: Reported,
                       reference: date) -> Reported:
    """The reported event with the clock time before its date taken into its date's words,
    where the two read to the same days; its `what` then leaves the time out."""
    mention = reported.mention
    if mention.needs_anchor or mention.resolved is None:
        return reported
    clock = LEADING_CLOCK.search(masked, max(0, mention.start - CLOCK_REACH), mention.start)
    if clock is None or not any(character.isdigit() for character in clock.group()):
        return reported  # a part of the day ("just after midnight") stays in the `what`
    start = clock.start() + (3 if masked[clock.start():clock.start() + 3].lower() == "at " else 0)
    wording = text[start:mention.end]  # "1:30 a.m. on Tuesday", as "on Tuesday" drops its "on"
    try:
        read = resolve(" ".join(wording.split()), reference)
    except DateError:
        return reported
    if read.span != mention.resolved.span:
        return reported
    wider = replace(mention, start=start, text=wording)
    cut = tuple(sorted({*reported.cut, (clock.start(), mention.end)}))
    return replace(reported, mention=wider, cut=cut)


def what_of(body: str, reported: Reported, sentences: Sequence[tuple[int, int]]) -> str:
    """The drafted `what`; where cutting its dates away leaves no words, its whole sentence for
    the editor to cut down, since the build refuses an empty `what`."""
    what = drafted_what(body, reported)
    if any(character.isalpha() for character in what):
        return what
    start, end = next(span for span in sentences if span[0] <= reported.mention.start < span[1])
    return tidied(plain_text(body[start:end]))


def claimed_spans(article: Article) -> list[tuple[int, int, str]]:
    """Where each event's `when` stands in the body, as the build places its quote (see
    `claimed_when_spans`), with the event's id."""
    body = masked_body(article.body)
    whens = [event.when for event in article.events]
    spans = claimed_when_spans(whens, body, lowered_for_search(body))
    return [(*span, event.id) for event, span in zip(article.events, spans, strict=True) if span]


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


def local_clause(body: str, found: Mention, text: tuple[int, int]) -> str:
    """The words of the clause holding the date, up to the date: what governs it ("will meet
    on Friday"). Words after it belong to the next clause ("talks that began on Sunday will
    resume"), as the build's preview check reads them too."""
    start = text[0]
    before = [match.end() for match in LOCAL_CLAUSE_BREAK.finditer(body, start, found.start)]
    return body[before[-1] if before else start:found.end]


# "delegates said they would resume on Monday": what was said looks ahead of the saying.
SAID_WOULD = re.compile(r"\b(?:said|says|told|announced|added|confirmed)\b[^,;.]*?\bwould\b",
                        re.IGNORECASE)
PUNCTUATION_BREAK = re.compile(r"[,;:]")


def said_would(found: Mention, body: str, text: tuple[int, int],
               dates: Sequence[Mention]) -> bool:
    """The date is of what someone said would happen, and the saying has no date of its own: it
    was said as the story was filed, so the date lies ahead ("said on Friday they would resume
    on Monday", filed on a Tuesday, may be yesterday: left to the default)."""
    clause_start = max((match.end() for match in PUNCTUATION_BREAK.finditer(
        body, text[0], found.start)), default=text[0])
    saying = SAID_WOULD.search(body, clause_start, found.start)
    return saying is not None and not any(
        saying.start() <= other.start < saying.end() for other in dates)


def direction_for(found: Mention, body: str, text: tuple[int, int], article: Article,
                  what: str, earlier: Sequence[str], dates: Sequence[Mention]) -> Direction | None:
    """`future` when the clause holding the date looks ahead (its verb's tense or modal, or what
    someone said would happen), or the build would take its sentence for a preview's, and
    reading forward changes the dates."""
    when = " ".join(found.text.split())
    # the sentence the build quotes it with, once it follows the `earlier` events' whens
    quote = sentence_quotes(article.body, [*earlier, when])[-1]
    looks_ahead = (FUTURE.search(local_clause(body, found, text))
                   or said_would(found, body, text, dates) or words_ahead(what, when, quote))
    if found.resolved is None or not looks_ahead:
        return None
    try:
        ahead = resolve(found.text, article.reference, direction="future")
    except DateError:
        return None
    return "future" if ahead.span != found.resolved.span else None
