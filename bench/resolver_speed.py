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
from datetime import date
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
    options.add_argument("--peer-repeats", type=int, default=3, help="passes for each peer")
    options.add_argument("--peer-sample", type=int, default=2000,
                         help="at most this many expressions for each peer (an even sample)")
    return options.parse_args()


def even_sample(lines: list[TruthLine], limit: int) -> list[TruthLine]:
    """Every k-th line, so each kind keeps its share and the sample is the same every run."""
    if len(lines) <= limit:
        return lines
    step = len(lines) / limit
    return [lines[int(index * step)] for index in range(limit)]


def api_rate(lines: list[TruthLine], repeats: int) -> float:
    """Expressions/s of the bare `resolve` call, arguments prepared outside the timed loop."""
    resolve = dateline_resolve()
    calls = []
    for line in lines:
        anchor = date.fromisoformat(line.anchor_date) if line.anchor_date else None
        calls.append((line.when, date.fromisoformat(line.ref),
                      Span(anchor, anchor) if anchor else None, line.direction))
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for text, reference, span, direction in calls:
            try:
                resolve(text, reference, anchor=span, direction=direction)
            except DateError:
                pass
        best = min(best, time.perf_counter() - started)
    return len(calls) / best


Outcomes = list[tuple[str, str] | None]


def outcomes(resolver: Resolver, lines: list[TruthLine]) -> tuple[Outcomes, float]:
    """Every line's outcome and the wall seconds it took (one pass)."""
    started = time.perf_counter()
    found = [resolver(line.when, date.fromisoformat(line.ref),
                      date.fromisoformat(line.anchor_date) if line.anchor_date else None,
                      line.direction) for line in lines]
    return found, time.perf_counter() - started


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


def jsonl_figures(lines: list[TruthLine], repeats: int) -> tuple[float, float, list[str]]:
    """Lines/s of `build.py resolve --jsonl` with and without start-up, and its output lines."""
    requests = OUT / "resolve-requests.jsonl"
    empty = OUT / "resolve-empty.jsonl"
    answers = OUT / "resolve-answers.jsonl"
    requests.write_text("".join(json.dumps(line.request()) + "\n" for line in lines))
    empty.write_text("")
    command = [sys.executable, str(ROOT / "build.py"), "resolve", "--jsonl"]
    full = best_of([measure(command, stdin=requests, stdout=answers, sample_memory=False)
                    for _ in range(repeats)])
    idle = best_of([measure(command, stdin=empty, sample_memory=False) for _ in range(repeats)])
    if full.returncode != 0:
        print(f"resolve --jsonl failed (exit {full.returncode}):\n{full.stderr[-2000:]}")
    net = max(full.wall - idle.wall, 1e-9)
    print(f"resolve --jsonl: {len(lines)} lines in {full.wall:.3f} s wall ({full.cpu:.3f} s CPU),"
          f" empty run {idle.wall:.3f} s")
    return len(lines) / full.wall, len(lines) / net, answers.read_text().splitlines()


def jsonl_outcome(text: str) -> tuple[str, str] | None:
    answer = json.loads(text)
    return None if "error" in answer else (answer["start"], answer["end"])


def peer_section(name: str, resolver: Resolver, lines: list[TruthLine], repeats: int,
                 dateline_found: list[tuple[str, str] | None] | None, dateline_rate: float | None,
                 total: int) -> bool:
    """Time one peer (best of `repeats` passes), print its agreement, and return whether dateline
    met its speed-ratio target against it."""
    resolver(lines[0].when, date.fromisoformat(lines[0].ref), None, lines[0].direction)  # warm up
    found, seconds = outcomes(resolver, lines)
    for _ in range(repeats - 1):
        seconds = min(seconds, outcomes(resolver, lines)[1])
    rate = len(lines) / seconds
    sampled = "" if len(lines) == total else f" (an even sample of {total})"
    read = sum(got is not None for got in found)
    in_truth = sum(got is not None and day_in_span(got[0], line.start, line.end)
                   for line, got in zip(lines, found, strict=True))
    print(f"\n{name}: {len(lines)} un-anchored expressions{sampled}, {rate:,.0f} expr/s")
    print(f"  gives a day for {read} ({100 * read / len(lines):.1f}%);"
          f" day inside the truth span: {in_truth} ({100 * in_truth / len(lines):.1f}%)")
    if dateline_found is None or dateline_rate is None:
        return False
    in_ours = sum(got is not None and ours is not None and day_in_span(got[0], *ours)
                  for got, ours in zip(found, dateline_found, strict=True))
    print(f"  day inside dateline's span: {in_ours} ({100 * in_ours / len(lines):.1f}%)")
    ratio = dateline_rate / rate
    target = TARGET_RATIO[name]
    print(f"  dateline/{name} = {ratio:,.1f}x   target >= {target:g}x: {verdict(ratio >= target)}")
    return ratio >= target


def main() -> int:
    options = arguments()
    paths = corpus(options.articles, options.seed)
    lines = read_truth(paths.truth)
    unanchored = [line for line in lines if not line.anchor_date]
    print(f"corpus: {options.articles} articles (seed {options.seed}), {len(lines)} expressions,"
          f" {len(unanchored)} un-anchored; Python {sys.version.split()[0]}\n")

    verdicts: list[bool] = []
    resolver, problem = dateline_resolver()
    dateline_found = None
    peer_rate = None
    if resolver is None:
        print(f"dateline: skipped: {problem}")
    else:
        rate = api_rate(lines, options.repeats)
        print(f"dateline API: {rate:,.0f} expr/s (best of {options.repeats} passes over"
              f" {len(lines)})   target >= {TARGET_API:,}: {verdict(rate >= TARGET_API)}")
        verdicts.append(rate >= TARGET_API)
        found, _ = outcomes(resolver, lines)
        verdicts.append(report_truth("dateline API", lines, found) == 0)
        with_start, without_start, answers = jsonl_figures(lines, options.repeats)
        print(f"resolve --jsonl: {with_start:,.0f} lines/s with start-up,"
              f" {without_start:,.0f} lines/s without   target >= {TARGET_JSONL:,}:"
              f" {verdict(with_start >= TARGET_JSONL)} with start-up,"
              f" {verdict(without_start >= TARGET_JSONL)} without")
        verdicts.append(with_start >= TARGET_JSONL)
        if len(answers) == len(lines):
            verdicts.append(report_truth("resolve --jsonl", lines,
                                         [jsonl_outcome(text) for text in answers]) == 0)
        else:
            print(f"resolve --jsonl wrote {len(answers)} lines for {len(lines)} inputs: FAIL")
            verdicts.append(False)
        sample = even_sample(unanchored, options.peer_sample)
        dateline_found, _ = outcomes(resolver, sample)
        peer_rate = api_rate(sample, options.repeats)
        print(f"dateline API on the peers' expressions: {peer_rate:,.0f} expr/s")

    for name, make in PEERS.items():
        sample = even_sample(unanchored, options.peer_sample)
        verdicts.append(peer_section(name, make(), sample, options.peer_repeats,
                                     dateline_found, peer_rate, len(unanchored)))
    print(f"\n{sum(verdicts)}/{len(verdicts)} targets met")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
