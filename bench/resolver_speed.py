"""How fast dateline resolves a news corpus's date expressions, beside dateparser and parsedatetime.

    python bench/resolver_speed.py                    # 2000-article corpus
    python bench/resolver_speed.py --articles 500 --peer-sample 1000

Every event occurrence of the corpus's _truth.jsonl is resolved through the Python API (one core,
best of several passes) and through `build.py resolve --jsonl` (a subprocess, with and without
its start-up); the peers get the un-anchored expressions only (they take no anchor), or an even
sample of them. Prints expressions/s, ratios, agreement with the truth and the targets.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    OUT,
    ROOT,
    TruthLine,
    best_of,
    corpus,
    day_in_span,
    measure,
    read_truth,
    verdict,
)
from bench.peers import (  # noqa: E402
    PEERS,
    Resolver,
    clear_dateline_caches,
    dateline_errors,
    dateline_resolve,
    dateline_resolver,
)
from dateline.errors import DateError  # noqa: E402
from dateline.model import Span  # noqa: E402

TARGET_API = 100_000
TARGET_JSONL = 50_000
TARGET_RATIO = {"parsedatetime": 5.0, "dateparser": 50.0}


def arguments() -> argparse.Namespace:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--articles", type=int, default=2000)
    options.add_argument("--seed", type=int, default=0)
    options.add_argument("--repeats", type=int, default=5, help="passes; the best one counts")
    options.add_argument("--peer-repeats", type=int, default=5,
                         help="interleaved rounds of the race; each contender's best pass counts")
    options.add_argument("--peer-sample", type=int, default=2000,
                         help="at most this many expressions for each peer (an even sample)")
    return options.parse_args()


def even_sample(lines: list[TruthLine], limit: int) -> list[TruthLine]:
    """Every k-th line, so each kind keeps its share and the sample is the same every run."""
    if len(lines) <= limit:
        return lines
    step = len(lines) / limit
    return [lines[int(index * step)] for index in range(limit)]


@dataclass(frozen=True)
class Rate:
    """The best of several timed passes over `count` items, by wall and by CPU time."""

    count: int
    wall: float
    cpu: float

    @property
    def per_wall(self) -> float:
        return self.count / max(self.wall, 1e-9)

    @property
    def per_cpu(self) -> float:
        return self.count / max(self.cpu, 1e-9)

    def best(self, other: Rate) -> Rate:
        return Rate(self.count, min(self.wall, other.wall), min(self.cpu, other.cpu))


def timed(count: int, run: Callable[[], object]) -> Rate:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return Rate(count, time.perf_counter() - wall, time.process_time() - cpu)


def api_pass(lines: list[TruthLine]) -> Callable[[], None]:
    """A pass of bare `resolve` calls; arguments are prepared first so only resolving is timed."""
    resolve = dateline_resolve()
    calls = []
    for line in lines:
        anchor = date.fromisoformat(line.anchor_date) if line.anchor_date else None
        calls.append((line.when, date.fromisoformat(line.ref),
                      Span(anchor, anchor) if anchor else None, line.direction))

    def run() -> None:
        for text, reference, span, direction in calls:
            try:
                resolve(text, reference, anchor=span, direction=direction)
            except DateError:
                pass

    return run


def api_rate(lines: list[TruthLine], repeats: int, cold: bool) -> Rate:
    """Best of `repeats` passes; `cold` empties dateline's parse cache before each pass."""
    run = api_pass(lines)
    best: Rate | None = None
    for _ in range(repeats):
        if cold:
            clear_dateline_caches()
        rate = timed(len(lines), run)
        best = rate if best is None else best.best(rate)
    assert best is not None
    return best


Outcomes = list[tuple[str, str] | None]


def outcomes(resolver: Resolver, lines: list[TruthLine]) -> Outcomes:
    return [resolver(line.when, date.fromisoformat(line.ref),
                     date.fromisoformat(line.anchor_date) if line.anchor_date else None,
                     line.direction) for line in lines]


def report_truth(name: str, lines: list[TruthLine], found: list[tuple[str, str] | None]) -> int:
    """Print dateline's agreement with the answer key, and the disagreements grouped by wording
    (count, first example, dateline's message for errors); return how many disagree."""
    wrong = [(line, got) for line, got in zip(lines, found, strict=True)
             if got != (line.start, line.end)]
    share = 100 * (len(lines) - len(wrong)) / len(lines)
    print(f"{name} agrees with the truth on {len(lines) - len(wrong)}/{len(lines)} ({share:.2f}%)")
    by_wording: dict[tuple[str, str], list[tuple[TruthLine, tuple[str, str] | None]]] = {}
    for line, got in wrong:
        by_wording.setdefault((line.kind, line.when), []).append((line, got))
    for (kind, when), cases in sorted(by_wording.items(), key=lambda item: -len(item[1])):
        line, got = cases[0]
        anchor = date.fromisoformat(line.anchor_date) if line.anchor_date else None
        reference = date.fromisoformat(line.ref)
        shown = (f"error: {dateline_errors(when, reference, anchor, line.direction)}"
                 if got is None else f"{got[0]}..{got[1]}")
        where = f"ref {line.ref}" + (f", anchor {line.anchor_date}" if anchor else "")
        print(f"  {len(cases):5} x {kind:20} {when!r}, e.g. {where}, {line.direction}:"
              f" truth {line.start}..{line.end}, got {shown}")
    return len(wrong)


def jsonl_figures(lines: list[TruthLine], repeats: int) -> tuple[bool, list[str]]:
    """Time `build.py resolve --jsonl` on every line and on no line, runs alternating; print
    lines/s with start-up and without it (the empty run subtracted); return the verdict and the
    output lines.

    The target is a rate, so it is judged without start-up: start-up is paid once a run (Python
    and the resolver's compiled rules), whatever the number of lines, and on this corpus's
    10,479 lines it alone would take a third of the time at the target rate."""
    requests, empty, answers = (OUT / f"resolve-{name}.jsonl"
                                for name in ("requests", "empty", "answers"))
    requests.write_text("".join(json.dumps(line.request()) + "\n" for line in lines))
    empty.write_text("")
    command = [sys.executable, str(ROOT / "build.py"), "resolve", "--jsonl"]
    full_runs, idle_runs = [], []
    for _ in range(repeats):
        full_runs.append(measure(command, stdin=requests, stdout=answers, sample_memory=False))
        idle_runs.append(measure(command, stdin=empty, sample_memory=False))
    full, idle = best_of(full_runs), best_of(idle_runs)
    if full.returncode != 0:
        print(f"resolve --jsonl failed (exit {full.returncode}):\n{full.stderr[-2000:]}")
    with_start = len(lines) / full.wall
    net_wall = len(lines) / max(full.wall - idle.wall, 1e-9)
    net_cpu = len(lines) / max(min(r.cpu for r in full_runs) - min(r.cpu for r in idle_runs), 1e-9)
    print(f"\nresolve --jsonl, best of {repeats}: {len(lines)} lines in {full.wall:.3f} s wall"
          f" ({full.cpu:.3f} s CPU); an empty run takes {idle.wall:.3f} s wall"
          f" ({idle.cpu:.3f} s CPU)")
    print(f"  {net_cpu:,.0f} lines/s without start-up by CPU time ({net_wall:,.0f} by wall)"
          "   target"
          f" >= {TARGET_JSONL:,}: {verdict(net_cpu >= TARGET_JSONL)}")
    print(f"  {with_start:,.0f} lines/s with start-up, which takes {idle.wall:.3f} s a run")
    return net_cpu >= TARGET_JSONL, answers.read_text().splitlines()


def jsonl_outcome(text: str) -> tuple[str, str] | None:
    answer = json.loads(text)
    return None if "error" in answer else (answer["start"], answer["end"])


def race(lines: list[TruthLine], resolvers: dict[str, Resolver], rounds: int) -> dict[str, Rate]:
    """Best pass of dateline's bare API and of each peer over the same lines, in interleaved
    rounds so a burst of load on the shared machine hits every contender alike. Only resolving
    is timed: every contender's arguments are read from the lines first, and dateline's caches
    are emptied before its pass starts (as `api_rate` does), not inside it."""
    calls = [(line.when, date.fromisoformat(line.ref), line.direction) for line in lines]

    def peer_pass(resolver: Resolver) -> None:
        for text, reference, direction in calls:
            resolver(text, reference, None, direction)

    contenders: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "dateline": (clear_dateline_caches, api_pass(lines))}
    for name, resolver in resolvers.items():
        resolver(*calls[0][:2], None, calls[0][2])
        contenders[name] = (lambda: None, partial(peer_pass, resolver))
    best: dict[str, Rate] = {}
    for _ in range(rounds):
        for name, (prepare, run) in contenders.items():
            prepare()
            rate = timed(len(lines), run)
            best[name] = best[name].best(rate) if name in best else rate
    return best


def peer_agreement(name: str, lines: list[TruthLine], found: Outcomes, ours: Outcomes) -> None:
    read = sum(got is not None for got in found)
    in_truth = sum(got is not None and day_in_span(got[0], line.start, line.end)
                   for line, got in zip(lines, found, strict=True))
    in_ours = sum(got is not None and mine is not None and day_in_span(got[0], *mine)
                  for got, mine in zip(found, ours, strict=True))
    total = len(lines)
    print(f"  {name:14} gives a day for {read} ({100 * read / total:.1f}%); the day is inside the"
          f" truth span for {in_truth} ({100 * in_truth / total:.1f}%), inside dateline's span"
          f" for {in_ours} ({100 * in_ours / total:.1f}%)")


def compare_with_peers(unanchored: list[TruthLine], options: argparse.Namespace,
                       with_dateline: bool) -> list[bool]:
    """Speed ratios and agreement on the un-anchored expressions (the peers take no anchor)."""
    sample = even_sample(unanchored, options.peer_sample)
    sampled = ("all of them" if len(sample) == len(unanchored)
               else f"an even sample of {len(sample)} of the {len(unanchored)}")
    print(f"\npeers: un-anchored expressions only, {sampled}; dateparser gets"
          " PREFER_DATES_FROM = the expression's direction")
    resolvers = {name: make() for name, make in PEERS.items()}
    if not with_dateline:
        for name, resolver in resolvers.items():
            peer_agreement(name, sample, outcomes(resolver, sample), [None] * len(sample))
        return []
    rates = race(sample, resolvers, options.peer_repeats)
    ours = rates["dateline"]
    print(f"  best of {options.peer_repeats} interleaved rounds (dateline's cache emptied first):")
    for name, rate in rates.items():
        print(f"  {name:14} {rate.per_cpu:>10,.0f} expr/s by CPU time,"
              f" {rate.per_wall:>10,.0f} by wall")
    verdicts = []
    for name in resolvers:
        ratio = ours.per_cpu / rates[name].per_cpu
        target = TARGET_RATIO[name]
        print(f"  dateline/{name} = {ratio:,.1f}x by CPU time"
              f" ({ours.per_wall / rates[name].per_wall:,.1f}x by wall)   target >= {target:g}x:"
              f" {verdict(ratio >= target)}")
        verdicts.append(ratio >= target)
    dateline, _ = dateline_resolver()
    assert dateline is not None
    mine = outcomes(dateline, sample)
    for name, resolver in resolvers.items():
        peer_agreement(name, sample, outcomes(resolver, sample), mine)
    return verdicts


def main() -> int:
    options = arguments()
    paths = corpus(options.articles, options.seed)
    lines = read_truth(paths.truth)
    unanchored = [line for line in lines if not line.anchor_date]
    print(f"corpus: {options.articles} articles (seed {options.seed}), {len(lines)} expressions,"
          f" {len(unanchored)} un-anchored; Python {sys.version.split()[0]}; rates are the best of"
          " several passes; CPU-time rates decide the verdicts (the machine is shared)\n")
    verdicts: list[bool] = []
    resolver, problem = dateline_resolver()
    if resolver is None:
        print(f"dateline: skipped: {problem}")
    else:
        distinct = len({line.when for line in lines})
        print(f"dateline API, one core, best of {options.repeats} passes over {len(lines)}"
              f" expressions ({distinct} distinct texts; resolve caches parses by text):")
        warm = api_rate(lines, options.repeats, cold=False)
        rate = api_rate(lines, options.repeats, cold=True)
        print(f"  cache emptied before each pass: {rate.per_cpu:,.0f} expr/s by CPU time"
              f" ({rate.per_wall:,.0f} by wall)   target >= {TARGET_API:,}:"
              f" {verdict(rate.per_cpu >= TARGET_API)}")
        print(f"  cache warm from the previous pass: {warm.per_cpu:,.0f} expr/s by CPU time"
              f" ({warm.per_wall:,.0f} by wall)")
        verdicts.append(rate.per_cpu >= TARGET_API)
        verdicts.append(report_truth("dateline API", lines, outcomes(resolver, lines)) == 0)
        jsonl_ok, answers = jsonl_figures(lines, options.repeats)
        verdicts.append(jsonl_ok)
        if len(answers) == len(lines):
            found = [jsonl_outcome(text) for text in answers]
            verdicts.append(report_truth("resolve --jsonl", lines, found) == 0)
        else:
            print(f"resolve --jsonl wrote {len(answers)} lines for {len(lines)} inputs: FAIL")
            verdicts.append(False)
    verdicts += compare_with_peers(unanchored, options, resolver is not None)
    print(f"\n{sum(verdicts)}/{len(verdicts)} checks passed")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
