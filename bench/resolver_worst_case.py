"""The resolver's worst cases, timed: texts built to make it backtrack or explode, and overlong
texts it must refuse at once. The tests check what these texts give; this says how fast.

    python bench/resolver_worst_case.py [--repeats 3]

Four families, each with its limit (generous: a regex that backtracks takes seconds, not
milliseconds): every rule's pattern `fullmatch`ed on 200-character repetitions of pieces it
partly matches (20 ms), `resolve` plain, anchored and looking forward on adversarial texts of up
to 10,000 characters (0.5 s), on 200-character chains of ranges ('1-1-1-...', 1 s), and the
refusal of texts over 200 characters (20 ms). Each time is the best of the repeats, so a busy
machine does not fail it, and resolve's parse cache is emptied before each call. Prints the
slowest of each family and PASS/FAIL.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import verdict  # noqa: E402
from dateline.dates import DateError, resolve  # noqa: E402
from dateline.dates.resolve import read  # noqa: E402
from dateline.dates.rules import RULES  # noqa: E402
from dateline.model import Span  # noqa: E402

REFERENCE = date(2024, 1, 24)
ANCHOR = Span(date(2023, 10, 7), date(2023, 10, 7))
PIECES = ("monday ", "1 ", "- ", "a", "the ", "early ", "and ", "to ", "between ", "from ",
          "10 days after ", "since ", "around ", "march 1", ", ", "9 p.m. ", "(", "night ",
          "of ", "last ", "in ", "half a ", "and a half ", "2024-", "1/", "'90s ", "just ",
          "the day before ")
ADVERSARIAL = (
    "", " ", "\0", "(" * 10_000, "-" * 10_000, "1" * 10_000, "9" * 201,
    "10 days after " * 700, "the day before " * 600, "last " * 2_000 + "Monday",
    "January " * 1_000, "a" * 10_000, "\u0130" * 5_000, "ß" * 5_000, "ﬃ" * 3_000,
    "Tuesday" + "\u0301" * 9_000, "early mid late " * 500, "between " * 1_000 + "and",
    "10 days after " * 15,
)
RANGE_UNITS = ("1", "x", "monday", "march 1", "since 1", "around 1")
OVERLONG = ("Tuesday " * 30, "x" * 201, "x" * 10_000, "a " * 5_000, "\u00e9" * 1_000)


def best_time(call: Callable[[], object], repeats: int) -> float:
    """The fastest of `repeats` calls, each with resolve's parse cache emptied first (a cached
    parse would hide the very work these texts are built to make slow)."""
    best = float("inf")
    for _ in range(repeats):
        read.cache_clear()
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


def resolve_all_ways(text: str) -> None:
    for kwargs in ({}, {"anchor": ANCHOR}, {"direction": "future"}):
        try:
            resolve(text, REFERENCE, **kwargs)
        except DateError:
            pass


def refuse(text: str) -> None:
    try:
        resolve(text, REFERENCE)
    except DateError:
        pass


def slowest(family: str, timed: Iterable[tuple[str, float]], limit: float) -> bool:
    name, seconds = max(timed, key=lambda item: item[1])
    ok = seconds < limit
    print(f"  {family:48} slowest {seconds * 1e3:9.3f} ms  limit {limit * 1e3:6.0f} ms"
          f"  {verdict(ok)}  ({name[:50]!r})")
    return ok


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--repeats", type=int, default=3, help="the best run counts")
    repeats = options.parse_args().repeats
    texts = [(piece * 200)[:200] for piece in PIECES] + [(piece * 200)[:199] + "!"
                                                           for piece in PIECES]
    patterns = [(rule.name, re.compile(rule.pattern)) for rule in RULES]
    resolve_all_ways("Monday")  # warm: compiles the rows a first parse needs
    checks = [
        slowest("rule pattern fullmatch, 200 characters",
                ((f"{name}: {text}", best_time(partial(pattern.fullmatch, text), repeats))
                 for name, pattern in patterns for text in texts), 0.020),
        slowest("resolve three ways, adversarial texts",
                ((text, best_time(partial(resolve_all_ways, text), repeats))
                 for text in ADVERSARIAL), 0.5),
        slowest("resolve, chains of ranges",
                ((unit, best_time(partial(refuse, "-".join([unit] * 100)[:200]), repeats))
                 for unit in RANGE_UNITS), 1.0),
        slowest("refusal of texts over 200 characters",
                ((text, best_time(partial(refuse, text), repeats))
                 for text in OVERLONG), 0.020),
    ]
    print(f"{sum(checks)}/{len(checks)} families within their limits: {verdict(all(checks))}")
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
