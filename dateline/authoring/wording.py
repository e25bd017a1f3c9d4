"""The words of a drafted event: its `what` (the reported clause without its dates, tidied into a
sentence), a short id ("police-arrested-minister"), and the key words two texts are compared by.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.authoring.reported import Reported
from dateline.load.sentences import plain_text
from dateline.model import Direction

MAX_WHAT = 200
STOPWORDS = frozenset(
    "a an the of in on at to for by with and or but as from that this these those is are was were "
    "be been being has have had it its their his her he she they we you said says say told after "
    "before when while which who whom will would could should may might than then also more most "
    "some any over into about since until during there here not no".split()
)
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


def stems(text: str) -> set[str]:
    """Content words without their endings: "resigned" and "resigns" both give "resign"."""
    found = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in STOPWORDS or len(word) < 4:
            continue
        found.add(re.sub(r"(?:ation|ing|ion|ed|es|s)$", "", word) or word)
    return found


PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:early|late|earlier|later)\s+)?\b(?:on|in|at|during|by|as of|from|since|until|"
    r"till|through|starting|as early as|as late as|no later than|earlier|later)\s*$",
    re.IGNORECASE)
RELATIVE_CLAUSE = re.compile(r",?\s\b(who|which|that)\s+(?=\w)", re.IGNORECASE)
# After a relative clause's date, the sentence's own verb: the clause ends at the date.
MAIN_VERB_NEXT = re.compile(r"\s+(?:will|would|shall|should|can|could|may|might|must|is|are|"
                            r"was|were|has|have|had|did|does|do)\b", re.IGNORECASE)
COMPLEMENT_VERB = re.compile(
    r"\b(?:said|says|say|told\s+\w+|tells\s+\w+|announced|added|warned|confirmed|stated|"
    r"believes?|believed|thinks?|thought|hopes?|hoped|expects?|expected|knew|knows?|"
    r"agreed|ruled|argued|insisted|reported|showed|shows|found)\s*$", re.IGNORECASE)
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
    if inner is not None and inner.group(1).lower() == "that" and COMPLEMENT_VERB.search(
            body, start, inner.start()):
        inner = None  # "said that parliament would vote": what was said, not a relative clause
    subject = None
    if inner is not None and not re.search(r"[,;]", body[inner.end():reported.mention.start]):
        subject = antecedent(body, start, inner)
        if subject:
            start = inner.end()
            after = re.search(r"[,;]", body[reported.mention.end:end])
            end = reported.mention.end + after.start() if after else end
            if MAIN_VERB_NEXT.match(body, reported.mention.end, end):
                end = reported.mention.end  # "workers who walked out on Monday [will return]"
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
    return tidied(text)


def tidied(text: str) -> str:
    """Plain text as a drafted `what`: no stray punctuation, at most MAX_WHAT characters, one
    capital and a full stop."""
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)  # "at 8 p.m. [on Sunday]." ends once
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
            return "-".join(id_word(word) for word in picked)[:SLUG_LIMIT]
    keys = [id_word(word) for word in words if key_word(word)]
    return "-".join(keys[:3])[:SLUG_LIMIT].strip("-") or "event"


def id_word(word: str) -> str:
    """A word as an id holds it: lower case, without apostrophes ("china's": "chinas")."""
    return word.lower().replace("'", "")


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
