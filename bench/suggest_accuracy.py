"""How often `suggest` drafts the events an editor would write, on stories in agency style.

    python bench/suggest_accuracy.py            # figures, targets, and every draft that misses
    python bench/suggest_accuracy.py --quiet    # figures and targets only

The stories are bench/data/suggest/*.md, written for this benchmark about documented events
(see its ABOUT.txt); bench/data/suggest/expected.yaml holds, for each, the drafts an editor would
write, made before `suggest` was run on them. Each story is drafted with the events of the other
stories of its timeline as possible anchors, as `suggest` on a content folder does.

A draft is matched to the expected draft with the same `when` (in body order), or one whose
`when` holds the expected one ("late on Monday" for "Monday"). It is right when
it is right on every count:
- date: it resolves (with its direction) to the expected day or days; a relative one, when its
  anchor is right;
- anchor: the event it counts from is the expected one (an event id, or the draft with that
  `when`), and none where none is expected;
- direction: the one expected, or one that resolves to the same days;
- what: a clean clause, not opening with the dateline, holding every key word of the editor's
  clause and not more than twice as long.
A draft matching no expected one counts as wrong, and so does an expected draft not made.
An anchor is inverted when the draft's words tell the event it should count from, or when it
counts from a draft that should count from it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dateline.authoring.suggest import suggest  # noqa: E402
from dateline.authoring.wording import Suggestion, stems  # noqa: E402
from dateline.dates import DateError, resolve  # noqa: E402
from dateline.load.article import load_article  # noqa: E402
from dateline.load.sentences import DATELINE_LEAD  # noqa: E402
from dateline.model import Article, EventSpec  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "suggest"
TARGET_RIGHT = 0.90
TARGET_INVERTED = 0
COUNTS = ("date", "anchor", "direction", "what")


@dataclass
class Outcome:
    story: str
    expected: dict[str, object] | None
    draft: Suggestion | None
    wrong: tuple[str, ...]
    inverted: bool = False


def normal(text: str) -> str:
    return " ".join(text.lower().replace(".", "").split())


def same_when(drafted: str, wanted: str) -> bool:
    """The same wording, or the editor's within the draft's ("late on Monday", "Monday")."""
    return re.search(rf"(?<!\w){re.escape(normal(wanted))}(?!\w)", normal(drafted)) is not None


def load_stories() -> dict[str, Article]:
    stories: dict[str, Article] = {}
    for path in sorted(DATA.glob("*.md")):
        article, errors = load_article(f"content/{path.name}", path.read_bytes())
        if article is None or errors:
            raise SystemExit("\n".join(error.format() for error in errors))
        stories[path.name] = article
    return stories


def span_of(value: object) -> tuple[date, date]:
    if isinstance(value, list):
        return value[0], value[1]
    assert isinstance(value, date)
    return value, value


def date_right(draft: Suggestion, expected: dict[str, object], article: Article) -> bool:
    if "date" not in expected:
        return True  # a relative date: right when its anchor is
    try:
        found = resolve(draft.when, article.reference, direction=draft.direction or "past")
    except DateError:
        return False
    return (found.start, found.end) == span_of(expected["date"])


def direction_right(draft: Suggestion, expected: dict[str, object], article: Article) -> bool:
    if draft.direction == expected.get("direction"):
        return True
    try:
        past = resolve(draft.when, article.reference, direction="past")
        ahead = resolve(draft.when, article.reference, direction="future")
    except DateError:
        return False
    return past.span == ahead.span


def what_right(draft: Suggestion, expected: dict[str, object]) -> bool:
    wanted = str(expected["what"])
    if DATELINE_LEAD.match(draft.what) or not draft.what[:1].isupper():
        return False
    if len(draft.what.split()) > 2 * len(wanted.split()):
        return False
    return stems(wanted) <= stems(draft.what)


def score_story(name: str, article: Article, expected: list[dict[str, object]],
                others: list[EventSpec]) -> list[Outcome]:
    drafts = suggest(article, timeline_events=others)
    unmatched = list(drafts)
    pairs: list[tuple[dict[str, object], Suggestion | None]] = []
    for wanted in expected:
        found = next((d for d in unmatched if same_when(d.when, str(wanted["when"]))), None)
        if found is not None:
            unmatched.remove(found)
        pairs.append((wanted, found))
    id_of_when = {normal(str(w["when"])): d.id for w, d in pairs if d is not None}
    what_of = {event.id: event.what for event in [*article.events, *others]}
    what_of.update({d.id: str(w["what"]) for w, d in pairs if d is not None})
    outcomes: list[Outcome] = []
    for wanted, draft in pairs:
        if draft is None:
            outcomes.append(Outcome(name, wanted, None, ("not drafted",)))
            continue
        wanted_anchor = wanted.get("anchor")
        if "anchor_when" in wanted:
            wanted_anchor = id_of_when.get(normal(str(wanted["anchor_when"])))
        wrong = []
        if not date_right(draft, wanted, article):
            wrong.append("date")
        if draft.anchor != wanted_anchor:
            wrong.append("anchor")
        if not direction_right(draft, wanted, article):
            wrong.append("direction")
        if not what_right(draft, wanted):
            wrong.append("what")
        inverted = False
        if draft.anchor is not None and draft.anchor in what_of:
            own = len(stems(str(wanted["what"])) & stems(draft.what))
            other = len(stems(what_of[draft.anchor]) & stems(draft.what))
            inverted = other > own
        outcomes.append(Outcome(name, wanted, draft, tuple(wrong), inverted))
    for draft in unmatched:
        outcomes.append(Outcome(name, None, draft, ("not expected",)))
    by_id = {o.draft.id: o for o in outcomes if o.draft is not None}
    for outcome in outcomes:  # counts from a draft that counts from it
        if outcome.draft is None or outcome.draft.anchor not in by_id:
            continue
        target = by_id[str(outcome.draft.anchor)].draft
        if target is not None and target.anchor == outcome.draft.id:
            outcome.inverted = True
    return outcomes


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--quiet", action="store_true", help="figures and targets only")
    args = options.parse_args()
    stories = load_stories()
    expected = yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))
    missing = sorted(set(stories) - set(expected))
    if missing:
        raise SystemExit(f"expected.yaml has no entry for {', '.join(missing)}")
    by_timeline: dict[str, list[tuple[str, Article]]] = defaultdict(list)
    for name, article in stories.items():
        by_timeline[article.timeline].append((name, article))
    outcomes: list[Outcome] = []
    for name, article in stories.items():
        others = [event for other, story in by_timeline[article.timeline] if other != name
                  for event in story.events]
        outcomes += score_story(name, article, expected[name], others)
    right = sum(1 for o in outcomes if not o.wrong)
    inverted = sum(1 for o in outcomes if o.inverted)
    total = len(outcomes)
    wanted = sum(len(v) for v in expected.values())
    drafted = sum(1 for o in outcomes if o.draft is not None)
    if not args.quiet:
        for o in outcomes:
            if o.wrong or o.inverted:
                shown = (f"{o.draft.when!r} -> {o.draft.what!r} anchor={o.draft.anchor}"
                         f" direction={o.draft.direction}" if o.draft else "-")
                want = (f"{o.expected['when']!r} -> {o.expected['what']!r}" if o.expected
                        else "-")
                flags = ", ".join(o.wrong) + (" INVERTED" if o.inverted else "")
                print(f"{o.story}: {flags}\n    drafted:  {shown}\n    expected: {want}")
        print()
    share = right / total if total else 0.0
    print(f"stories {len(stories)}, expected drafts {wanted}, drafts made {drafted}")
    for count in COUNTS:
        misses = sum(1 for o in outcomes if count in o.wrong)
        print(f"  wrong on {count:<9} {misses}")
    print(f"  not drafted       {sum(1 for o in outcomes if 'not drafted' in o.wrong)}")
    print(f"  not expected      {sum(1 for o in outcomes if 'not expected' in o.wrong)}")
    print(f"right on every count: {right}/{total} = {share:.1%}   target >= {TARGET_RIGHT:.0%}"
          f"   {'met' if share >= TARGET_RIGHT else 'NOT MET'}")
    print(f"inverted anchors:     {inverted}   target {TARGET_INVERTED}"
          f"   {'met' if inverted == TARGET_INVERTED else 'NOT MET'}")
    return 0 if share >= TARGET_RIGHT and inverted == TARGET_INVERTED else 1


if __name__ == "__main__":
    sys.exit(main())
