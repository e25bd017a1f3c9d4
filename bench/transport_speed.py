"""How much faster `dateline.engine.transport` moves loaded articles than pickle does.

Loads every article of the 10,000-article benchmark corpus (generated into bench/out/ on first
use), then times pickle (protocol 5, as the cache uses) and transport on the same list, best of
several interleaved rounds of CPU time, and checks that both round trips give the input back.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import corpus  # noqa: E402
from dateline.engine.transport import pack, unpack  # noqa: E402
from dateline.load.article import load_article  # noqa: E402
from dateline.model import Article  # noqa: E402

TARGET_RATIO = 4.0


def load_corpus(articles: int) -> list[Article]:
    content = corpus(articles, hugo=True).content
    loaded = []
    for path in sorted(content.glob("*.md")):
        article, _ = load_article(f"content/{path.name}", path.read_bytes())
        if article is not None:
            loaded.append(article)
    return loaded


def gc_paused(action: Callable[[], object]) -> object:
    gc.disable()
    try:
        return action()
    finally:
        gc.enable()


def best_cpu(action: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        action()
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    articles = load_corpus(options.articles)
    events = sum(len(article.events) for article in articles)
    print(f"{len(articles)} articles, {events} events")

    pickled = pickle.dumps(articles, protocol=5)
    packed = pack(articles)
    assert pickle.loads(pickled) == articles
    assert unpack(packed) == articles, "transport round trip changed the articles"

    contenders: dict[str, Callable[[], object]] = {
        "pickle.dumps": lambda: pickle.dumps(articles, protocol=5),
        "pack": lambda: pack(articles),
        "pickle.loads": lambda: pickle.loads(pickled),
        "unpack": lambda: unpack(packed),
        # transport pauses the cyclic collector; this shows how much of its lead that alone gives
        "pickle.dumps, gc paused": lambda: gc_paused(lambda: pickle.dumps(articles, protocol=5)),
        "pickle.loads, gc paused": lambda: gc_paused(lambda: pickle.loads(pickled)),
    }
    times = dict.fromkeys(contenders, 0.0)
    for _ in range(options.rounds):  # interleaved, so load on the machine hits all alike
        for name, action in contenders.items():
            took = best_cpu(action, 1)
            times[name] = took if not times[name] else min(times[name], took)
    for name, took in times.items():
        print(f"{name:24} {took * 1000:8.1f} ms CPU")
    print(f"size: pickle {len(pickled):,} bytes, transport {len(packed):,} bytes")
    ratios = {
        "pack": times["pickle.dumps"] / times["pack"],
        "unpack": times["pickle.loads"] / times["unpack"],
    }
    paused_dumps = times["pickle.dumps, gc paused"] / times["pack"]
    paused_loads = times["pickle.loads, gc paused"] / times["unpack"]
    print(f"with gc paused for pickle too: pack {paused_dumps:.1f}x, unpack {paused_loads:.1f}x")
    failed = False
    for name, ratio in ratios.items():
        verdict = "PASS" if ratio >= TARGET_RATIO else "FAIL"
        failed |= verdict == "FAIL"
        print(f"{name} is {ratio:.1f}x faster than pickle (target {TARGET_RATIO:.0f}x): {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
