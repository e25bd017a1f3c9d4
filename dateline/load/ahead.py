"""Whether an event's own words say it is still ahead of the story that reports it.

`suggest` drafts `direction: future` from these markers, and the build refuses a preview whose
`when` was read back from the dateline: "is due to be sworn in" with `when: Saturday` would
otherwise land on the Saturday before the story, a wrong date given without a word. The words
are the event's `what` up to anything it reports being said, and, where its quote (the body's
sentence holding the `when`, unless `quote:` gives one) holds the `when`, the clause before it:
"said on Tuesday he will resign" dates the saying, which is past, not the resignation.
"""

from __future__ import annotations

import re
from datetime import date

from dateline.dates import DateError, resolve
from dateline.dates.spans import describe_span
from dateline.load.phrases import when_spans
from dateline.model import EventSpec, ResolvedDate

FUTURE = re.compile(r"(?:\b(?:will|shall|is due|are due|is expected|are expected|"
                    r"is scheduled|are scheduled|plans? to|set to|is to|are to|"
                    r"next(?!-)|coming|upcoming)\b|'ll\b)", re.IGNORECASE)
# Punctuation between digits ("12:01", "12,000") breaks no clause.
LOCAL_CLAUSE_BREAK = re.compile(
    r"[,;:](?!\d)|\b(?:that|which|who|when|once|if|because|after|before|until|while|where)\b",
    re.IGNORECASE)
# Also ends the clause here: "He will travel next week and met the king on Friday" dates a
# meeting the marker does not govern. A dotted abbreviation's last full stop ("a.m.", "U.S.")
# ends none.
CLAUSE_END = re.compile(r"(?<!\.[A-Za-z])[.!?][\"'”’)]*\s|\b(?:and|but)\b", re.IGNORECASE)
# ... but not the "and" of "between X and Y", inside the clause: "will choose between A and B
# in a runoff on Sunday".
BETWEEN = re.compile(r"\bbetween\b[^,;]*$", re.IGNORECASE)
# Where a `what` starts to tell what someone said: "Officials say [the rescue will take ...]".
WHAT_WAS_SAID = re.compile(
    r"\b(?:said|says|say|told|tells|tell|announced|announces|announce|added|adds|warned|warns|"
    r"confirmed|confirms|stated|states|reported|reports|signals|signalled|signaled|vows?|"
    r"vowed|pledges?|pledged|promises?|promised|according to|that)\b", re.IGNORECASE)
# Where a `what`'s own event has been told: at a semicolon, or at a relative clause with no
# comma before it ("elects a speaker who will serve"), which describes whom it follows.
WHAT_TOLD = re.compile(r";|(?<!,)\s(?:who|which)\b", re.IGNORECASE)
# A date after a determiner names a thing ("the Nov. 5 election"); the verb is about another.
NAMES_A_THING = re.compile(r"\b(?:the|a|an|its|their|his|her|our|your)\s+$", re.IGNORECASE)
# An aside set off by commas as a `what` describes whom or what it names: "Lai Ching-te,
# frontrunner to be Taiwan's next president, holds a rally". A relative clause there, up to the
# next comma or the end ("... in Taipei, which will host the count"), or a marker that
# qualifies a thing ("next", "coming") between two commas, is about that someone or something,
# not about the event's day.
ASIDE = re.compile(r",[^,]*(?:,|$)")
RELATIVE_ASIDE = re.compile(r",\s*(?:who|whose|whom|which|where)\b", re.IGNORECASE)
QUALIFIES_A_THING = frozenset({"next", "coming", "upcoming"})
# Words in quotation marks are someone's: '"We will win," she told a rally on Tuesday' dates
# the rally, whatever the words look ahead to.
QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')


def clause_before(text: str, start: int) -> str:
    """The words of the clause holding a date, up to the date: what governs it."""
    breaks = [m.end() for m in LOCAL_CLAUSE_BREAK.finditer(text, 0, start)]
    breaks += [m.end() for m in CLAUSE_END.finditer(text, 0, start)
               if m.group().lower() != "and" or not BETWEEN.search(text, 0, m.start())]
    return text[max(breaks, default=0):start]


def marker_outside_asides(text: str, end: int) -> re.Match[str] | None:
    """The first marker of `text[:end]` that is not about someone an aside describes."""
    asides = list(ASIDE.finditer(text, 0, end))
    for marker in FUTURE.finditer(text, 0, end):
        aside = next((aside for aside in asides
                      if aside.start() < marker.start() and marker.end() <= aside.end()), None)
        if aside is None or not describes_what_it_names(aside.group(), marker.group()):
            return marker
    return None


def describes_what_it_names(aside: str, marker: str) -> bool:
    """Whether `marker`, within `aside`, is about whom or what the aside names."""
    if RELATIVE_ASIDE.match(aside):
        return True
    return aside.endswith(",") and marker.lower() in QUALIFIES_A_THING


def future_marker(text: str, when: str) -> str | None:
    """The marker saying the event `when` dates is ahead: in the clause before the `when`
    where the text holds it; else, for a `what`, before anything it reports being said."""
    spans = when_spans(when, text)
    text = without_speech(text, spans[0][0] if spans else None)
    if spans:
        before = clause_before(text, spans[0][0])
        if NAMES_A_THING.search(before):
            return None
        found = FUTURE.search(before)
    else:
        ends = [m.start() for m in (WHAT_WAS_SAID.search(text), WHAT_TOLD.search(text)) if m]
        found = marker_outside_asides(text, min(ends, default=len(text)))
    return " ".join(found.group().split()) if found else None


def without_speech(text: str, keep: int | None) -> str:
    """`text` with its passages in quotation marks blanked, offsets kept, except the one that
    holds offset `keep` (the date's own: '"We will meet on Friday," he said')."""
    return QUOTED.sub(lambda quoted: quoted.group() if keep is not None and (
        quoted.start() <= keep < quoted.end()) else " " * len(quoted.group()), text)


def words_ahead(what: str, when: str, quote: str | None) -> tuple[str, str] | None:
    """(marker, where it stands) when an event's own words say it is still ahead."""
    if not FUTURE.search(what) and not (quote and FUTURE.search(quote)):
        return None  # no marker anywhere: most events, so the clauses need not be found
    marker = future_marker(what, when)
    if marker is not None:
        return marker, 'its "what:"'
    if quote and when_spans(when, quote):
        marker = future_marker(quote, when)
        if marker is not None:
            return marker, "the sentence quoted with it"
    return None


def read_back_preview(spec: EventSpec, reference: date, read: ResolvedDate,
                      reference_label: str) -> str | None:
    """Why a date must not stand: the event's words say it is ahead, its `when` was read back
    from the dateline only because no `direction:` was written, and reading ahead gives other
    days. None when the reading is safe, or the editor chose a direction."""
    if spec.direction_stated or spec.direction != "past" or spec.anchor is not None:
        return None
    found = words_ahead(spec.what, spec.when, spec.quote)
    if found is None:
        return None
    try:
        ahead = resolve(spec.when, reference, direction="future")
    except DateError:
        return None
    if ahead.span == read.span:
        return None
    marker, where = found
    return (
        f'{where} says the event is still ahead ("{marker}"), but "{spec.when}" was read '
        f"looking back from {reference_label}, as {describe_span(read.start, read.end)}: add "
        f'"direction: future" to read it ahead ({describe_span(ahead.start, ahead.end)}), or '
        f'"direction: past" if the earlier date is meant'
    )
