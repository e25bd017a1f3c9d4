"""Precision and recall of `extract` on the hand-annotated paragraphs of tests/extract/.

A found expression counts as right only when its character span equals an annotated one, so a
phrase found too long or too short is both a false alarm and a miss.

    python bench/extract_accuracy.py        # totals
    python bench/extract_accuracy.py -v     # plus every miss and false alarm
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS = ROOT / "tests" / "extract" / "paragraphs.yaml"
HELD_OUT = ROOT / "tests" / "extract" / "heldout.yaml"  # annotated before extract saw it
PRECISION_TARGET = 0.97
RECALL_TARGET = 0.93

Spans = frozenset[tuple[int, int]]


@dataclass(frozen=True)
class Paragraph:
    id: str
    reference: date
    text: str
    expected: Spans


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


def whole_word_starts(text: str, phrase: str) -> list[int]:
    pattern = r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"
    return [match.start() for match in re.finditer(pattern, text)]


def annotated_spans(paragraph_id: str, text: str, entries: Sequence[object]) -> Spans:
    """Turn the file's list of expressions (in order) into character spans."""
    spans: set[tuple[int, int]] = set()
    position = 0
    for entry in entries:
        if isinstance(entry, dict):
            phrase = str(entry["text"])
            starts = whole_word_starts(text, phrase)
            start = starts[int(entry["occurrence"]) - 1]
        else:
            phrase = str(entry)
            later = [start for start in whole_word_starts(text, phrase) if start >= position]
            if not later:
                raise ValueError(f"{paragraph_id}: {phrase!r} not found after offset {position}")
            start = later[0]
        spans.add((start, start + len(phrase)))
        position = start + len(phrase)
    return frozenset(spans)


def load_paragraphs(path: Path = PARAGRAPHS) -> list[Paragraph]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Paragraph(
            id=item["id"],
            reference=item["reference"],
            text=item["text"],
            expected=annotated_spans(item["id"], item["text"], item["dates"]),
        )
        for item in data["paragraphs"]
    ]


def score(
    paragraphs: Sequence[Paragraph], find_spans: Callable[[str, date], Spans]
) -> Score:
    found = expected = right = 0
    misses: list[tuple[str, str]] = []
    false_alarms: list[tuple[str, str]] = []
    for paragraph in paragraphs:
        spans = find_spans(paragraph.text, paragraph.reference)
        found += len(spans)
        expected += len(paragraph.expected)
        right += len(spans & paragraph.expected)
        for start, end in sorted(paragraph.expected - spans):
            misses.append((paragraph.id, paragraph.text[start:end]))
        for start, end in sorted(spans - paragraph.expected):
            false_alarms.append((paragraph.id, paragraph.text[start:end]))
    return Score(found, expected, right, tuple(misses), tuple(false_alarms))


def extract_spans(text: str, reference: date) -> Spans:
    from dateline.dates.extract.candidates import extract

    return frozenset((found.start, found.end) for found in extract(text, reference))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    for label, path in (("annotated set", PARAGRAPHS), ("held-out set", HELD_OUT)):
        paragraphs = load_paragraphs(path)
        result = score(paragraphs, extract_spans)
        print(f"{label} ({path.name}): {len(paragraphs)} paragraphs, annotated "
              f"{result.expected}, found {result.found}, right {result.right}")
        if args.verbose:
            for paragraph_id, phrase in result.misses:
                print(f"  missed       {paragraph_id}: {phrase!r}")
            for paragraph_id, phrase in result.false_alarms:
                print(f"  false alarm  {paragraph_id}: {phrase!r}")
        print(f"  precision {result.precision:.3f} (target {PRECISION_TARGET})")
        print(f"  recall    {result.recall:.3f} (target {RECALL_TARGET})")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
