"""Fuzz every compiled regular expression of dateline/dates for catastrophic backtracking.

    python bench/regex_fuzz.py                      # 400 hypothesis examples + fixed adversaries
    python bench/regex_fuzz.py --examples 2000 --top 20

Finds each re.Pattern held by a dateline.dates module (at module level or inside its tuples,
lists and dicts), then times `search`, `fullmatch` and `finditer` of every pattern on inputs of up
to 200 characters: hypothesis-built token soups from the lexicon and the patterns' own words,
digits and punctuation (guided by `hypothesis.target` towards slow inputs), and hand-built
adversaries (long repetitions of one token, a matching prefix repeated then spoilt at the end).
`resolve` is timed end to end on the same inputs. A time over 1 ms is measured again twice and
the fastest kept, so a context switch on the shared machine is not reported as backtracking; a
pattern that has taken over 10 ms is not timed again (its worst is then a lower bound).
Prints the worst time per pattern; FAIL if any is over 1 ms.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from types import MappingProxyType, ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings, target  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from bench.common import verdict  # noqa: E402
from bench.peers import dateline_message  # noqa: E402

LIMIT_SECONDS = 0.001
RECHECK_SECONDS = 0.001
GIVE_UP_SECONDS = 0.01  # a pattern this slow has failed: stop timing it, to finish in minutes
MAX_LENGTH = 200
PUNCTUATION = tuple(" ,.;:-'\"()/–—") + (" - ", ", ", ". ", " (", ") ")
DIGITS = ("1", "12", "2023", "31", "9", "0", "10", "1st", "3rd", "12th", "9:30", "2023-01")
REFERENCE = date(2024, 3, 13)


@dataclass
class Worst:
    """The slowest input seen so far for one pattern (or for `resolve`)."""

    seconds: float = 0.0
    text: str = ""
    operation: str = ""


@dataclass
class Fuzz:
    patterns: dict[str, re.Pattern[str]]
    worst: dict[str, Worst] = field(default_factory=dict)
    inputs: int = 0

    def record(self, name: str, seconds: float, text: str, operation: str) -> None:
        slot = self.worst.setdefault(name, Worst())
        if seconds > slot.seconds:
            slot.seconds, slot.text, slot.operation = seconds, text, operation


def dateline_modules() -> list[ModuleType]:
    """Every module of the dateline.dates package, its sub-packages' included."""
    import dateline.dates as package

    names = sorted(info.name for info in pkgutil.walk_packages(package.__path__,
                                                               "dateline.dates."))
    return [importlib.import_module(name) for name in names]


def patterns_in(value: object, label: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    """Patterns inside a module value; a tuple beside a rule takes the rule's name."""
    if isinstance(value, re.Pattern):
        yield label, value
    elif depth < 3 and isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            named = getattr(item, "name", None) if isinstance(item, tuple) and item else None
            inner = getattr(item[0], "name", None) if isinstance(item, tuple) and item else None
            tag = named if isinstance(named, str) else inner if isinstance(inner, str) else index
            yield from patterns_in(item, f"{label}[{tag}]", depth + 1)
    elif depth < 3 and isinstance(value, (dict, MappingProxyType)):
        for key, item in value.items():
            yield from patterns_in(item, f"{label}[{key}]", depth + 1)


def all_patterns() -> dict[str, re.Pattern[str]]:
    from dateline.dates.matching.rows import ROWS

    # the rule rows, each compiled on first use: compile them all
    found = {f"rows.ROWS[{row.rule.name}]": row.pattern for row in ROWS}
    seen = {(pattern.pattern, pattern.flags) for pattern in found.values()}
    for module in dateline_modules():
        short = module.__name__.removeprefix("dateline.dates.")
        for attribute, value in vars(module).items():
            if attribute.startswith("__") or isinstance(value, ModuleType):
                continue
            for label, pattern in patterns_in(value, f"{short}.{attribute}"):
                if (pattern.pattern, pattern.flags) not in seen:
                    seen.add((pattern.pattern, pattern.flags))
                    found[label] = pattern
    return found


def strings_in(value: object, depth: int = 0) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from strings_in(item, depth + 1)
    elif depth < 3 and isinstance(value, (dict, MappingProxyType)):
        for key, item in value.items():
            yield from strings_in(key, depth + 1)
            yield from strings_in(item, depth + 1)


def vocabulary(patterns: Iterable[re.Pattern[str]]) -> tuple[str, ...]:
    """The lexicon's words and phrases, plus the literal words of every pattern."""
    from dateline.dates import lexicon

    words = {text.lower() for name, value in vars(lexicon).items() if not name.startswith("_")
             for text in strings_in(value) if 0 < len(text) <= 30}
    for pattern in patterns:
        source = re.sub(r"\?P<\w+>|\\[a-zA-Z]", " ", pattern.pattern)
        words.update(re.findall(r"[a-z]{2,}", source))
    return tuple(sorted(words))


def adversaries(words: tuple[str, ...]) -> list[str]:
    """Inputs built to make a backtracking matcher try every split of a long run."""
    pieces = ["a ", "1 ", "1", "the ", "early ", "and a half ", "10 days ", "monday ", "-", " ",
              "some ", "last ", "week ", "12:30 ", "1st ", "march 1 ", "at 9 p.m. ", "(", ".",
              "jan. ", "twenty-one ", "days after ", "before ", "since ", "between 1 and 2 "]
    built = []
    for piece in pieces:
        built.append((piece * MAX_LENGTH)[:MAX_LENGTH])
        built.append((piece * MAX_LENGTH)[:MAX_LENGTH - 1] + "x")
        built.append(("x" + piece * MAX_LENGTH)[:MAX_LENGTH])
    for word in words[:: max(1, len(words) // 60)]:
        built.append(((word + " ") * MAX_LENGTH)[:MAX_LENGTH - 2] + " ?")
        built.append(((word + ",") * MAX_LENGTH)[:MAX_LENGTH])
    return built


def time_call(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    seconds = time.perf_counter() - started
    if seconds > RECHECK_SECONDS:
        for _ in range(2):
            started = time.perf_counter()
            call()
            seconds = min(seconds, time.perf_counter() - started)
    return seconds


def operations(pattern: re.Pattern[str], text: str) -> dict[str, Callable[[], object]]:
    """The ways dateline applies a pattern: anchored (resolve) and scanning (extract)."""
    return {"search": partial(pattern.search, text), "fullmatch": partial(pattern.fullmatch, text),
            "finditer": lambda: list(pattern.finditer(text))}


def try_input(fuzz: Fuzz, raw: str) -> float:
    """Time every pattern and `resolve` on one input (lower-cased too, as resolve normalises)."""
    slowest = 0.0
    fuzz.inputs += 1
    for text in {raw[:MAX_LENGTH], raw[:MAX_LENGTH].lower()}:
        for name, pattern in fuzz.patterns.items():
            if name in fuzz.worst and fuzz.worst[name].seconds > GIVE_UP_SECONDS:
                continue
            for operation, call in operations(pattern, text).items():
                seconds = time_call(call)
                fuzz.record(name, seconds, text, operation)
                slowest = max(slowest, seconds)
        seconds = time_call(partial(dateline_message, text, REFERENCE, None, "past"))
        fuzz.record("resolve (end to end)", seconds, text, "resolve")
    return slowest


def run_hypothesis(fuzz: Fuzz, words: tuple[str, ...], examples: int) -> None:
    token = st.sampled_from(words) | st.sampled_from(DIGITS) | st.sampled_from(PUNCTUATION)
    soup = st.builds(lambda parts, glue: glue.join(parts), st.lists(token, max_size=60),
                     st.sampled_from((" ", "", ", ", " - ")))
    repeated = st.builds(lambda unit, count, tail: unit * count + tail,
                         soup.map(lambda text: text[:20]), st.integers(1, 100), soup)
    texts = (soup | repeated).map(lambda text: text[:MAX_LENGTH])

    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(texts)
    def probe(text: str) -> None:
        target(try_input(fuzz, text) * 1e6, label="slowest pattern, microseconds")

    probe()


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--examples", type=int, default=400, help="hypothesis examples")
    options.add_argument("--top", type=int, default=15, help="how many patterns to list")
    args = options.parse_args()
    fuzz = Fuzz(all_patterns())
    words = vocabulary(fuzz.patterns.values())
    print(f"{len(fuzz.patterns)} distinct compiled patterns in dateline/dates,"
          f" {len(words)} vocabulary words")
    started = time.perf_counter()
    built = adversaries(words)
    for index, text in enumerate(built, 1):
        try_input(fuzz, text)
        if index % 25 == 0:
            print(f"  [{index}/{len(built)} adversaries, {time.perf_counter() - started:.0f} s]",
                  file=sys.stderr)
    run_hypothesis(fuzz, words, args.examples)
    print(f"{fuzz.inputs} inputs (<= {MAX_LENGTH} characters) in"
          f" {time.perf_counter() - started:.0f} s; worst time per pattern over search, fullmatch"
          " and finditer, slowest first:")
    ranked = sorted(fuzz.worst.items(), key=lambda item: -item[1].seconds)
    for name, worst in ranked[: args.top]:
        mark = ("  <-- over 10 ms: no longer timed" if worst.seconds > GIVE_UP_SECONDS
                else "  <-- over 1 ms" if worst.seconds > LIMIT_SECONDS else "")
        print(f"  {worst.seconds * 1e3:8.3f} ms  {name:45} {worst.operation:9}"
              f" {worst.text[:70]!r}{mark}")
    over = [name for name, worst in ranked
            if worst.seconds > LIMIT_SECONDS and name != "resolve (end to end)"]
    print(f"{len(over)} of {len(fuzz.patterns)} patterns over 1 ms:"
          f" {verdict(not over)}" + (f" ({', '.join(over)})" if over else ""))
    return 0 if not over else 1


if __name__ == "__main__":
    sys.exit(main())
