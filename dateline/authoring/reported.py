"""Which event of a sentence each date phrase belongs to, before any of them is drafted.

A news sentence often reports one event and counts from another: "Police arrested him on
Saturday, a day after he resigned, officials said on Monday." The arrest is the reported event
(dated Saturday); "a day after he resigned" only relates it to the resignation, and "officials
said on Monday" only sources it. `reported_events` splits each sentence into such parts, so a
draft names the reported event, and its anchor the event the sentence counts from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.load.phrases import DESK_NOTE, story_start
from dateline.load.sentences import DATELINE_LEAD

if TYPE_CHECKING:  # the extractor's patterns compile slowly: only typing needs them here
    from dateline.dates.extract.candidates import Mention

COUNTS_FORWARD = ("after", "before", "following", "since", "ahead of", "prior to")
# A clause that only sources the sentence: ", officials said on Monday." at its end. Its date
# is the saying's: no clause of its own stands between the verb and the date (", delegates said
# they would resume on Monday" dates the resumption).
ATTRIBUTION = re.compile(
    r"^[\s,]*(?:[\"'”’]\s*)?(?:\w+[\s-]+){0,6}?(?:said|says|told|announced|added|reported|"
    r"confirmed|according to)\b"
    r"(?![^,;]*\b(?:that|I|we|you|he|she|it|they|would|will|could|should|can|may|might|must|"
    r"shall)\b)[^,;]*$",
    re.IGNORECASE,
)
# Where one part of a sentence ends and the next begins, strongest first.
BOUNDARIES = (
    re.compile(r";"),
    re.compile(r",\s+(?:and|but|while|whereas|before|after|as)\s", re.IGNORECASE),
    re.compile(r"\s(?:and|but)\s", re.IGNORECASE),
    re.compile(r"\s(?:after|before|because|when|as|while|until)\s", re.IGNORECASE),
    re.compile(r",(?!\d)"),  # not the comma of "12,000"
)
# What joins two dates that are alternatives for one event: "Tuesday or Wednesday".
ALTERNATIVE = re.compile(r",?\s+or\s+(?:on\s+|at\s+|in\s+|by\s+)?", re.IGNORECASE)
# A year that names a thing: "the 2025 budget", "Lithuania's 2024 election".
NAMING_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that|\w+['’]s)\s+$",
                           re.IGNORECASE)
NAMING_AFTER = re.compile(r"\s+(?!(?:and|or|but|to|on|in|at|by|for|from|with|after|before|"
                          r"when|as|was|were|is|are|has|had|will)\b)[A-Za-z]")

@dataclass(frozen=True, slots=True)
class Reported:
    """One reported event: its date phrase, the text that tells it, and what it counts from.

    `counts_from` is the phrase naming the anchor ("he resigned") when the date is relative and
    counts forward ("a day after ..."); `earlier` says the anchor is an event told before it
    ("two days later"). `consumed` are the sentence's other phrases this event accounts for.
    """

    mention: Mention
    text: tuple[int, int]
    cut: tuple[tuple[int, int], ...]  # spans left out of the `what`: dates, anchor clauses
    counts_from: tuple[int, int] | None
    counts_from_mention: Mention | None
    earlier: bool
    consumed: tuple[Mention, ...]


def lead_end(body: str) -> int:
    """Where the body's own dateline ("COLOMBO, March 21 (Reuters) - ") ends, after any desk
    notes above it; else 0."""
    start = story_start(body)
    found = DATELINE_LEAD.match(body[start:])
    return start + found.end() if found else 0


def counts_forward(mention: Mention) -> bool:
    """"a day after", "three months before": the anchor is named by the words that follow."""
    lowered = " ".join(mention.text.lower().split())
    return mention.needs_anchor and lowered.endswith(COUNTS_FORWARD)


def anchor_clause(body: str, mention: Mention, end: int) -> tuple[int, int]:
    """The words after "a day after" that name the anchor event, up to the clause's end."""
    found = re.compile(r"[,;:]").search(body, mention.end, end)
    stop_at = found.start() if found else end
    while stop_at > mention.end and body[stop_at - 1] in " .!?\"'”’)\n":
        stop_at -= 1
    return mention.end, stop_at


def reported_events(body: str, sentences: Sequence[tuple[int, int]],
                    dates: Sequence[Mention]) -> list[Reported]:
    """The reported events of the body, in body order, one per event a sentence reports."""
    skip = lead_end(body)
    notes = [match.span() for match in DESK_NOTE.finditer(body)]
    found: list[Reported] = []
    for start, end in sentences:
        start = max(start, skip)
        first = end - len(body[start:end].lstrip())  # the sentence's first word, not its breaks
        if any(note_start <= first < note_end for note_start, note_end in notes):
            continue
        inside = [m for m in dates if start <= m.start and m.end <= end and m.start >= skip]
        if inside:
            found.extend(sentence_events(body, (start, end), inside))
    return found


def sentence_events(body: str, sentence: tuple[int, int],
                    inside: Sequence[Mention]) -> list[Reported]:
    """One sentence's reported events: each absolute date and each "two days later" dates one;
    "a day after he resigned" dates one only where no other date does; a closing attribution
    and the anchor clause's words belong to none (a date in the anchor clause dates its own)."""
    start, end = sentence
    anchors: dict[int, tuple[int, int]] = {}
    in_anchor: set[int] = set()
    for mention in inside:
        if counts_forward(mention) and mention.start not in in_anchor:
            clause = anchor_clause(body, mention, end)
            anchors[mention.start] = clause
            in_anchor.update(m.start for m in inside
                             if clause[0] <= m.start < clause[1])
    own = [m for m in inside if m.start not in in_anchor]
    reported: list[Reported] = []
    source: tuple[int, int] | None = None
    if len(own) > 1 and not own[-1].needs_anchor:
        source = attribution(body, own[-1], end, own[-2])
    own_dated = own[:-1] if source else own
    naming = naming_years(body, own_dated)
    own_dated = [m for m in own_dated if m.start not in naming]
    absolute = [m for m in own_dated if not m.needs_anchor]
    relative = [m for m in own_dated if m.needs_anchor]
    later = [m for m in relative if m.start not in anchors]  # "two days later": an event
    main = sorted(absolute + later, key=lambda m: m.start) or relative[:1]
    groups = alternatives(body, main)
    spans = [(group[0].start, group[-1].end) for group in groups]
    parts = [part for part, group in zip(split_parts(body, (start, end), spans), groups,
                                         strict=True) for _ in group]
    for (part_start, part_end), mention in zip(parts, main, strict=True):
        forward = [m for m in relative if part_start <= m.start < part_end
                   and m.start in anchors]
        cut = [(m.start, m.end) for m in inside if part_start <= m.start < part_end
               and m.start not in in_anchor and m.start not in naming]
        cut += [(m.start, anchors[m.start][1]) for m in forward]
        cut += [span for span in spans if span[0] <= mention.start < span[1]]  # "Tuesday or ..."
        if source and part_start <= source[0] < part_end:
            cut.append(source)
        counts_from = anchors.get(mention.start)
        counts_mention = next((m for m in inside if counts_from is not None
                               and counts_from[0] <= m.start < counts_from[1]
                               and not m.needs_anchor), None)
        reported.append(Reported(
            mention, (part_start, part_end), tuple(sorted(cut)), counts_from, counts_mention,
            mention.needs_anchor and mention.start not in anchors,
            tuple(m for m in own if part_start <= m.start < part_end and m is not mention)))
    for mention in inside:
        if mention.start in in_anchor and not mention.needs_anchor:
            clause = next(span for span in anchors.values()
                          if span[0] <= mention.start < span[1])
            text_start = clause[0]
            while text_start < clause[1] and body[text_start] == " ":
                text_start += 1
            reported.append(Reported(mention, (text_start, clause[1]),
                                     ((mention.start, mention.end),), None, None, False, ()))
    return sorted(reported, key=lambda r: r.mention.start)


def attribution(body: str, mention: Mention, end: int,
                before: Mention) -> tuple[int, int] | None:
    """", officials said on Monday." closing a sentence that dates its event elsewhere: the
    span of that clause, or None when the date is the sentence's own ("said on Tuesday that
    300 ships were waiting" reports the statement)."""
    comma = body.rfind(",", before.end, mention.start)
    if comma == -1:
        return None
    after = body[mention.end:end].rstrip(" .!?\"'”’\n")
    if len(after.split()) > 4 or re.search(r"\b(?:that|which|who)\b", after):
        return None
    if not ATTRIBUTION.match(body[comma:mention.start] + after):
        return None
    return comma, mention.end + len(after)


def naming_years(body: str, dated: Sequence[Mention]) -> set[int]:
    """Where a bare year names a thing ("the 2025 budget", "its 2023 results") in a clause that
    another date dates ("approved the 2025 budget on Wednesday"): no date of that clause."""
    naming: set[int] = set()
    for index, mention in enumerate(dated):
        if not (mention.text.isdigit()
                and NAMING_BEFORE.search(body, max(0, mention.start - 40), mention.start)
                and NAMING_AFTER.match(body, mention.end)):
            continue
        neighbours = [*dated[max(0, index - 1):index], *dated[index + 1:index + 2]]
        if any(one_clause(body, min(mention, other, key=lambda m: m.start),
                          max(mention, other, key=lambda m: m.start)) for other in neighbours):
            naming.add(mention.start)
    return naming


def one_clause(body: str, first: Mention, second: Mention) -> bool:
    """No break a sentence is cut at stands between the two dates."""
    return not any(pattern.search(body, first.end, second.start) for pattern in BOUNDARIES)


def alternatives(body: str, main: Sequence[Mention]) -> list[list[Mention]]:
    """The reported dates in runs of alternatives: "on Tuesday or Wednesday" is one event on one
    of two days, so both dates share their clause, and its words, whole."""
    groups: list[list[Mention]] = []
    for mention in main:
        if groups and ALTERNATIVE.fullmatch(body, groups[-1][-1].end, mention.start):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def split_parts(body: str, sentence: tuple[int, int],
                dated: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence cut between consecutive dated spans at the strongest boundary found."""
    start, end = sentence
    cuts: list[tuple[int, int]] = []
    for (_, first_end), (second_start, _) in zip(dated, dated[1:], strict=False):
        cuts.append(boundary(body, first_end, second_start))
    parts: list[tuple[int, int]] = []
    for cut_start, cut_end in cuts:
        parts.append((start, cut_start))
        start = cut_end
    parts.append((start, end))
    return parts


def boundary(body: str, start: int, end: int) -> tuple[int, int]:
    """The last strongest break between two dates; without one, just before the second."""
    for pattern in BOUNDARIES:
        found = list(pattern.finditer(body, start, end))
        if found:
            return found[-1].start(), found[-1].end()
    return end, end
