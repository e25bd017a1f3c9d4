"""Is any stage quadratic? Builds the site shapes that would show it, at three sizes each.

    python bench/shapes.py [--repeats 3]

Three shapes, each doubled twice: one timeline of 1,250 → 5,000 events (250 → 1,000 articles of
five events each), one article of 500 → 2,000 events, and an anchor chain of 500 → 2,000 events
(each anchored on the one before, across articles): the issue's sizes, and beyond. Each size
is a cold build without briefs and without workers, run in this process after a warm-up (so
imports are not counted), timed by user CPU, best of the repeats. A stage that grows linearly
doubles its time when the size doubles; the script prints each doubling's ratio and flags any
above 2.6 as superlinear.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import OUT, verdict  # noqa: E402
from dateline.engine import pipeline  # noqa: E402

SUPERLINEAR = 2.6
SITE = "title: Shapes\ntimelines:\n  main:\n    title: Main\n"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def article(number: int, events: str, body: str) -> str:
    return (
        f"---\ntitle: Report {number}\ndateline: \"CAIRO, March 3\"\npublished: 2024-03-03\n"
        f"timeline: main\ntags: [shape-{number % 7}]\nevents:\n{events}---\n\n{body}\n"
    )


def event(ident: str, when: str, anchor: str | None = None) -> str:
    line = f"  - id: {ident}\n    when: {when}\n    what: Something happened ({ident}).\n"
    return line + (f"    anchor: {anchor}\n" if anchor else "")


def long_timeline(size: int) -> dict[str, str]:
    """`size` events on one timeline, five to an article."""
    files = {}
    for number in range(size // 5):
        events = "".join(event(f"e{number}-{day.lower()}", day) for day in DAYS)
        files[f"a{number:05}.md"] = article(number, events, "Officials spoke on Monday.")
    return files


def big_article(size: int) -> dict[str, str]:
    """One article listing `size` events, each on its own day of 2023."""
    events = "".join(event(f"e{n}", f"{day_of_2023(n)}") for n in range(size))
    return {"big.md": article(0, events, "A long chronology, told on Monday.")}


def anchor_chain(size: int) -> dict[str, str]:
    """`size` events, each one day after the one before, ten to an article."""
    files = {}
    for start in range(0, size, 10):
        events = "".join(
            event(f"c{n}", "the day after", f"c{n - 1}") if n else event("c0", "Monday")
            for n in range(start, min(start + 10, size))
        )
        files[f"c{start:05}.md"] = article(start, events, "It began on Monday.")
    return files


def day_of_2023(number: int) -> str:
    months = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
    return f"{months[number // 28 % 12]} {number % 28 + 1}, {2023 - number // 336}"


def build(name: str, files: dict[str, str], repeats: int) -> float:
    """User CPU seconds of the best cold build, in this process (imports done, no start-up).
    System time is left out: creating thousands of files in one folder costs the kernel more
    per file as the folder grows, on some file systems, whatever the build does."""
    root = OUT / "shapes" / name
    shutil.rmtree(root, ignore_errors=True)
    content = root / "content"
    content.mkdir(parents=True)
    (content / "site.yaml").write_text(SITE, encoding="utf-8")
    for file_name, text in files.items():
        (content / file_name).write_text(text, encoding="utf-8")
    times = []
    for turn in range(repeats):
        start = resource.getrusage(resource.RUSAGE_SELF).ru_utime
        written, errors = pipeline.build(content, root / f"site-{turn}", False, 1, None)
        times.append(resource.getrusage(resource.RUSAGE_SELF).ru_utime - start)
        if written is None:
            sys.exit(f"{name}: the build failed: {errors[:3]}")
    shutil.rmtree(root)
    return min(times)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--repeats", type=int, default=3)
    repeats = options.parse_args().repeats
    build("warm-up", {"one.md": article(0, event("only", "Monday"), "On Monday.")}, 1)
    shapes: list[tuple[str, Callable[[int], dict[str, str]], tuple[int, ...]]] = [
        ("events on one timeline", long_timeline, (1250, 2500, 5000)),
        ("events in one article", big_article, (500, 1000, 2000)),
        ("anchor chain length", anchor_chain, (500, 1000, 2000)),
    ]
    failures = 0
    for label, make, sizes in shapes:
        times = [build(f"{make.__name__}-{size}", make(size), repeats) for size in sizes]
        ratios = [later / earlier for earlier, later in zip(times, times[1:], strict=False)]
        linear = all(ratio <= SUPERLINEAR for ratio in ratios)
        failures += not linear
        pairs = zip(sizes, times, strict=True)
        cells = "  ".join(f"{size:>5}: {time:6.2f} s" for size, time in pairs)
        shown = ", ".join(f"{ratio:.2f}x" for ratio in ratios)
        print(f"{label:24} {cells}   per doubling {shown}  {verdict(linear)}", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
