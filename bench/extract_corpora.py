"""The documents bench/extract_accuracy.py scores: vendored TimeML news and our own paragraphs.

Every corpus becomes whole documents with a creation date, a text and its annotated DATE
expressions. The TimeML corpora mark spans the TimeML way ("since <1990>": the date only) and
give values; our paragraphs mark the span an editor pastes into `when:` ("since 1990") and give
no values. Each corpus is split into a tuning half and a held-out half: rules are tuned on the
first, and the second estimates how they do on copy they were not tuned on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from pathlib import Path

import yaml
from timex_scoring import Annotated

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
TIMEML_CORPORA = (DATA / "tempeval3-platinum.json",)
PARAGRAPH_CORPORA = (
    (ROOT / "tests" / "extract" / "paragraphs.yaml", "tuning"),
    (ROOT / "tests" / "extract" / "heldout.yaml", "held-out"),
)


@dataclass(frozen=True)
class Document:
    corpus: str
    split: str  # "tuning" or "held-out"
    id: str
    reference: date
    text: str
    dates: tuple[Annotated, ...]
    other_types: tuple[Annotated, ...]  # TIME, DURATION and SET timexes: neither right nor wrong
    timeml_spans: bool  # True: spans as TimeML marks them; False: as an editor's `when:`


def timeml_documents(path: Path) -> list[Document]:
    corpus = json.loads(path.read_text(encoding="utf-8"))
    documents = []
    for index, item in enumerate(corpus["documents"]):
        dates: list[Annotated] = []
        others: list[Annotated] = []
        for timex in item["timexes"]:
            (dates if timex["type"] == "DATE" else others).append(Annotated(
                timex["start"], timex["end"], timex["text"], timex["value"], timex.get("mod", "")))
        documents.append(Document(
            corpus=path.stem, split="tuning" if index % 2 == 0 else "held-out", id=item["id"],
            reference=date.fromisoformat(item["dct"]), text=item["text"],
            dates=tuple(dates), other_types=tuple(others),
            timeml_spans=True,
        ))
    return documents


@dataclass(frozen=True)
class Paragraph:
    id: str
    reference: date
    text: str
    expected: frozenset[tuple[int, int]]


def whole_word_starts(text: str, phrase: str) -> list[int]:
    pattern = r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"
    return [match.start() for match in re.finditer(pattern, text)]


def annotated_spans(paragraph_id: str, text: str,
                    entries: Sequence[object]) -> frozenset[tuple[int, int]]:
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


def load_paragraphs(path: Path) -> list[Paragraph]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Paragraph(item["id"], item["reference"], item["text"],
                  annotated_spans(item["id"], item["text"], item["dates"]))
        for item in data["paragraphs"]
    ]


def paragraph_documents(path: Path, split: str) -> list[Document]:
    """Paragraphs of one reference date joined into one document (blank lines between), so a
    peer that starts slowly is run once a date, not once a paragraph."""
    documents = []
    paragraphs = sorted(load_paragraphs(path), key=lambda paragraph: paragraph.reference)
    for reference, group in groupby(paragraphs, key=lambda paragraph: paragraph.reference):
        text = ""
        dates: list[Annotated] = []
        for paragraph in group:
            expected = paragraph.expected
            paragraph_text = paragraph.text
            offset = len(text) + (2 if text else 0)
            text = f"{text}\n\n{paragraph_text}" if text else paragraph_text
            dates += [Annotated(start + offset, end + offset, paragraph_text[start:end], None)
                      for start, end in sorted(expected)]
        documents.append(Document(path.stem, split, f"{path.stem}@{reference}", reference, text,
                                  tuple(dates), (), False))
    return documents


def all_documents() -> list[Document]:
    documents = [document for path in TIMEML_CORPORA for document in timeml_documents(path)]
    for path, split in PARAGRAPH_CORPORA:
        documents += paragraph_documents(path, split)
    return documents
