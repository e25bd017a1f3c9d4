"""How often dateline gets a generated corpus's dates right, kind by kind, beside the peers; and
which expressions a peer reads that dateline refuses (a list to learn from).

    python bench/resolver_accuracy.py                 # 2000-article corpus, every expression
    python bench/resolver_accuracy.py --articles 500 --peer-sample 1000

dateline is right when its span equals the truth span. A peer gives one day, so it counts as
right when that day falls inside the truth span; it sees only un-anchored expressions, since it
takes no anchor. The second part runs over the texts of tests/resolver/corpus/*.yaml, expected
values not needed: it lists each text that a peer resolves and dateline errors on.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, TruthLine, corpus, day_in_span, read_truth  # noqa: E402
from bench.peers import PEERS, Resolver, dateline_message, dateline_resolver  # noqa: E402
from dateline.model import Span  # noqa: E402

CORPUS_DIR = ROOT / "tests" / "resolver" / "corpus"


@dataclass(frozen=True)
class Probe:
    """One text to try: where it comes from, its reference, anchor and direction."""

    origin: str
    text: str
    reference: date
    anchor: Span | None
    direction: str
    refused_on_purpose: bool  # listed under `errors:` in the test corpus


def arguments() -> argparse.Namespace:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--articles", type=int, default=2000)
    options.add_argument("--seed", type=int, default=0)
    options.add_argument("--peer-sample", type=int, default=0,
                         help="give each peer at most this many expressions (0: all)")
    return options.parse_args()


def as_day(value: object) -> date | None:
    """A YAML date or an ISO date string; None for anything else."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def as_span(value: object) -> Span | None:
    """`YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD`, as the test corpus writes anchors."""
    if value is None:
        return None
    first, _, last = str(value).partition("..")
    start, end = as_day(first), as_day(last or first)
    return Span(start, end) if start and end else None


def test_corpus_probes() -> list[Probe]:
    """Every text of tests/resolver/corpus/, with its file's reference, anchor and direction
    (a case's own anchor, if it gives one, wins)."""
    probes = []
    for path in sorted(CORPUS_DIR.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        reference = as_day(document.get("reference"))
        if reference is None:
            continue
        anchor = as_span(document.get("anchor"))
        direction = str(document.get("direction", "past"))
        for section, on_purpose in (("cases", False), ("errors", True)):
            for text, expected in (document.get(section) or {}).items():
                own = expected.get("anchor") if isinstance(expected, dict) else None
                probes.append(Probe(path.name, str(text), reference,
                                    as_span(own) if own else anchor, direction, on_purpose))
    return probes


def even_sample(lines: list[TruthLine], limit: int) -> list[TruthLine]:
    if not limit or len(lines) <= limit:
        return lines
    step = len(lines) / limit
    return [lines[int(index * step)] for index in range(limit)]


def resolve_line(resolver: Resolver, line: TruthLine) -> tuple[str, str] | None:
    anchor = date.fromisoformat(line.anchor_date) if line.anchor_date else None
    return resolver(line.when, date.fromisoformat(line.ref), anchor, line.direction)


def accuracy_by_kind(lines: list[TruthLine], peers: dict[str, Resolver], sample: int) -> None:
    """A table: per kind, dateline right/wrong/error, and each peer's share inside the truth."""
    dateline, problem = dateline_resolver()
    totals: Counter[str] = Counter(line.kind for line in lines)
    right: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    if dateline is None:
        print(f"dateline skipped: {problem}")
    else:
        for line in lines:
            got = resolve_line(dateline, line)
            right[line.kind] += got == (line.start, line.end)
            refused[line.kind] += got is None
    tried = even_sample([line for line in lines if not line.anchor_date], sample)
    peer_tried: Counter[str] = Counter(line.kind for line in tried)
    peer_right: dict[str, Counter[str]] = {name: Counter() for name in peers}
    for name, peer in peers.items():
        for line in tried:
            got = resolve_line(peer, line)
            peer_right[name][line.kind] += got is not None and day_in_span(
                got[0], line.start, line.end)
    header = f"{'kind':22} {'n':>6} {'dateline':>9} {'errors':>6} {'wrong':>6}"
    header += "".join(f" {name:>13}" for name in peers)
    print(header)
    for kind in sorted(totals, key=lambda kind: -totals[kind]) + ["all"]:
        if kind == "all":
            n, ok, err = sum(totals.values()), sum(right.values()), sum(refused.values())
            peer_n = len(tried)
            peer_ok = {name: sum(counts.values()) for name, counts in peer_right.items()}
        else:
            n, ok, err = totals[kind], right[kind], refused[kind]
            peer_n = peer_tried[kind]
            peer_ok = {name: counts[kind] for name, counts in peer_right.items()}
        row = f"{kind:22} {n:>6} {100 * ok / n:>8.2f}% {err:>6} {n - ok - err:>6}"
        for name in peers:
            share = f"{100 * peer_ok[name] / peer_n:.1f}%" if peer_n else "(anchored)"
            row += f" {share:>13}"
        print(row)
    print(f"peers: {len(tried)} un-anchored expressions"
          + (" (an even sample)" if sample and len(tried) < len(lines) else "") + "; a peer is"
          " right when its day falls inside the truth span")


def peer_only(probes: list[Probe], peers: dict[str, Resolver], title: str) -> None:
    """Print every text that some peer resolves and dateline refuses, with dateline's reason."""
    found: dict[tuple[str, bool], tuple[Probe, list[str], str]] = {}
    for probe in probes:
        message = dateline_message(probe.text, probe.reference, probe.anchor, probe.direction)
        if message is None:
            continue
        readers = [name for name, peer in peers.items()
                   if peer(probe.text, probe.reference, None, probe.direction) is not None]
        if readers and (probe.text, probe.refused_on_purpose) not in found:
            found[(probe.text, probe.refused_on_purpose)] = (probe, readers, message)
    surprises = [item for item in found.values() if not item[0].refused_on_purpose]
    on_purpose = [item for item in found.values() if item[0].refused_on_purpose]
    print(f"\n{title}: {len(surprises)} texts a peer resolves and dateline errors on")
    for probe, readers, message in surprises:
        print(f"  {probe.text!r} ({probe.origin}, ref {probe.reference}) read by"
              f" {', '.join(readers)}; dateline: {message}")
    if on_purpose:
        print(f"  and {len(on_purpose)} texts the test corpus lists as errors on purpose that a"
              " peer reads anyway, e.g.:")
        for probe, readers, message in on_purpose[:15]:
            print(f"    {probe.text!r} read by {', '.join(readers)}; dateline: {message}")


def main() -> int:
    options = arguments()
    paths = corpus(options.articles, options.seed)
    lines = read_truth(paths.truth)
    peers = {name: make() for name, make in PEERS.items()}
    print(f"corpus: {options.articles} articles (seed {options.seed}), {len(lines)} expressions\n")
    accuracy_by_kind(lines, peers, options.peer_sample)
    if dateline_resolver()[0] is None:
        return 1
    generated = [Probe(line.file, line.when, date.fromisoformat(line.ref),
                       as_span(line.anchor_date), line.direction, False) for line in lines]
    peer_only(generated, peers, "generated corpus")
    peer_only(test_corpus_probes(), peers, f"{CORPUS_DIR.relative_to(ROOT)}/*.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
