"""Every outcome of the resolver on a fixed grid of texts and references, one line each.

    python bench/resolver_pin.py > /tmp/pin-before     # before a change
    python bench/resolver_pin.py > /tmp/pin-after      # after it
    cmp /tmp/pin-before /tmp/pin-after                 # a change meant to keep behaviour

Texts: every expression of tests/resolver/corpus/*.yaml, a third of them in ten decorations
(leading 'on', trailing times, ranges, left-over words), adversarial repetitions, and every
distinct wording of the generated bench corpus when bench/out holds one. Each text is resolved
against 31 references (month and year ends, leap days, each weekday) in four contexts: past and
future, with and without an anchor. A line is the text, the reference, the context and either
the whole `ResolvedDate` or the error's message and offset.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dateline.dates.resolve import resolve  # noqa: E402
from dateline.errors import DateError  # noqa: E402
from dateline.model import Span  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = tuple(date.fromisoformat(day) for day in (
    "2021-03-01", "2023-05-31", "2023-12-31", "2024-01-01", "2024-01-04", "2024-01-24",
    "2024-02-29", "2024-03-01", "2024-03-13", "2024-03-31", "2024-04-01", "2024-11-30",
    "2024-12-31", "2025-01-01", "2025-02-28", "2025-03-01", "2025-06-15", "2025-08-31",
    "2025-09-01", "2025-10-26", "2025-12-29", "2026-01-05", "2026-02-01", "2026-04-05",
    "2026-07-04", "2026-09-30", "2026-11-26", "2026-12-25", "2027-01-31", "2028-02-29",
    "2100-02-28"))
DECORATIONS = ("on {}", "{} (local time)", "{}, 9 p.m. gmt", "9 p.m. {}", "late {}",
               "{} morning", "the night of {}", "{} or perhaps wednesday",
               "between {} and march 3", "{}-")
ADVERSARIAL_PIECES = ("monday ", "1 ", "- ", "a", "the ", "early ", "and ", "to ", "between ",
                      "from ", "10 days after ", "since ", "around ", "march 1", ", ", "9 p.m. ",
                      "(", "night ", "of ", "last ", "in ", "half a ", "and a half ", "2024-",
                      "1/", "'90s ", "just ", "the day before ")


def corpus_texts() -> set[str]:
    texts: set[str] = set()
    for path in sorted((ROOT / "tests" / "resolver" / "corpus").glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section in ("cases", "errors"):
            texts.update(key for key in (document.get(section) or {}) if isinstance(key, str))
    return texts


def bench_texts() -> set[str]:
    texts: set[str] = set()
    for truth in sorted((ROOT / "bench" / "out").glob("*/truth.jsonl")):
        for line in truth.read_text(encoding="utf-8").splitlines():
            texts.add(json.loads(line)["when"])
    return texts


def all_texts() -> list[str]:
    plain = corpus_texts()
    decorated = {form.format(text.lower()) for text in sorted(plain)[::3] for form in DECORATIONS}
    adversarial = {(piece * 200)[:200] for piece in ADVERSARIAL_PIECES}
    adversarial |= {(piece * 200)[:199] + "!" for piece in ADVERSARIAL_PIECES}
    return sorted(plain | decorated | adversarial | bench_texts())


def contexts(reference: date) -> Iterator[tuple[str, Span | None, str]]:
    day = reference - timedelta(days=10)
    yield "past", None, "past"
    yield "future", None, "future"
    yield "past+anchor", Span(day, day), "past"
    yield "future+anchor", Span(reference - timedelta(days=40), reference - timedelta(days=35)), \
        "future"


def main() -> None:
    write = sys.stdout.write
    texts = all_texts()
    for text in texts:
        for reference in REFERENCES:
            for name, anchor, direction in contexts(reference):
                try:
                    outcome = repr(tuple(resolve(text, reference, anchor=anchor,
                                                 direction=direction)))  # type: ignore[arg-type]
                except DateError as problem:
                    outcome = f"error {problem.message!r} at {problem.offset}"
                write(f"{text!r}\t{reference}\t{name}\t{outcome}\n")
    print(f"{len(texts)} texts x {len(REFERENCES)} references x 4 contexts", file=sys.stderr)


if __name__ == "__main__":
    main()
