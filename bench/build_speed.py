"""How long a dateline build takes beside Hugo on the same articles (issue 6's benchmark).

    python bench/build_speed.py                       # 10,000 articles
    python bench/build_speed.py --articles 1000
    python bench/build_speed.py --sizes 1000,10000,50000   # the scaling table as well

For one corpus from ../shared/bench/gen_corpus.py --hugo, in one run: a cold build (no output, no
.dateline-cache), a no-op rebuild, a rebuild after appending a sentence to one article's body,
`hugo --source H --quiet` on the twin Hugo site, and then a build with the PDF briefs. Each prints
wall and CPU seconds and peak memory; the events.json of the cold build are checked against the
corpus's _truth.jsonl. Peak memory is the larger of the largest single process (ru_maxrss, what
/usr/bin/time reports) and the sampled peak PSS of the whole process group (workers included).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    OUT,
    ROOT,
    Corpus,
    Measurement,
    best_of,
    corpus,
    measure,
    read_truth,
    verdict,
)

HUGO = shutil.which("hugo")
EDIT = "\nA late addition: officials said more details would follow.\n"


def arguments() -> argparse.Namespace:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--articles", type=int, default=10_000)
    options.add_argument("--seed", type=int, default=0)
    options.add_argument("--repeats", type=int, default=1,
                         help="runs of each step (fresh state each time); the fastest counts")
    options.add_argument("--sizes", help="comma-separated article counts for a scaling table")
    return options.parse_args()


class Workspace:
    """A private copy of the corpus (the edit must not touch the cached one), its output folder
    and the cache dateline keeps beside that folder."""

    def __init__(self, source: Corpus, articles: int) -> None:
        self.root = OUT / f"build-{articles}"
        self.content = self.root / "content"
        self.site = self.root / "site"
        self.cache = self.root / ".dateline-cache"
        shutil.rmtree(self.root, ignore_errors=True)
        shutil.copytree(source.content, self.content)
        self.hugo = source.hugo

    def command(self, pdf: bool = False) -> list[str]:
        command = [sys.executable, str(ROOT / "build.py"), "build", "--content", str(self.content),
                   "--out", str(self.site)]
        return command if pdf else command + ["--no-pdf"]

    def make_cold(self) -> None:
        shutil.rmtree(self.site, ignore_errors=True)
        shutil.rmtree(self.cache, ignore_errors=True)

    def edit_one_article(self, turn: int) -> str:
        """Append a sentence to the body of a middle article; returns its name."""
        articles = sorted(path for path in self.content.glob("*.md"))
        chosen = articles[(len(articles) // 2 + turn) % len(articles)]
        with chosen.open("a", encoding="utf-8") as handle:
            handle.write(EDIT)
        return chosen.name


def run_step(name: str, command: list[str], repeats: int,
             before: Callable[[int], object] | None = None) -> Measurement:
    runs = []
    for turn in range(repeats):
        if before is not None:
            before(turn)
        runs.append(measure(command))
        print(f"  [{name}: {runs[-1].wall:.2f} s wall, {runs[-1].cpu:.2f} s CPU]", file=sys.stderr)
        if runs[-1].returncode != 0:
            print(f"{name}: exit {runs[-1].returncode}\n{runs[-1].stderr[-3000:]}")
            break
    return best_of(runs)


def hugo_step(site: Path, repeats: int) -> Measurement | None:
    if HUGO is None:
        print("hugo is not installed: `apt-get install -y hugo` (Debian 12 has 0.111.3); going on"
              " without it")
        return None

    def clean(_turn: int) -> None:
        shutil.rmtree(site / "public", ignore_errors=True)
        shutil.rmtree(site / "resources", ignore_errors=True)

    return run_step("hugo", [HUGO, "--source", str(site), "--quiet"], repeats, clean)


def check_truth(site: Path, truth: Path) -> int:
    """Every answer-key line must match its event's start and end; returns the disagreements."""
    events: dict[tuple[str, str], tuple[str, str]] = {}
    for path in sorted(site.glob("*/events.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        for event in document["events"]:
            events[(document["timeline"], event["id"])] = (event["start"], event["end"])
    lines = read_truth(truth)
    wrong = []
    for line in lines:
        got = events.get((line.timeline, line.id))
        if not agrees(line.start, line.end, got):
            wrong.append((line, got))
    print(f"events.json against _truth.jsonl: {len(lines) - len(wrong)}/{len(lines)} occurrences"
          f" agree ({len(events)} events in {len(list(site.glob('*/events.json')))} timelines)")
    for line, got in wrong[:20]:
        shown = "missing" if got is None else f"{got[0]}..{got[1]}"
        print(f"  {line.timeline}/{line.id} ({line.file}, {line.when!r}): truth"
              f" {line.start}..{line.end}, built {shown}")
    if len(wrong) > 20:
        print(f"  ... and {len(wrong) - 20} more")
    return len(wrong)


def agrees(start: str, end: str, got: tuple[str, str] | None) -> bool:
    """The built event has the answer key's days. The generator dates by day only, so an event
    the build timed ("last night": 20:00 to 05:00) agrees when its time starts on the key's
    one day."""
    if got is None:
        return False
    if "T" in got[0]:
        return start == end == got[0][:10]
    return got == (start, end)


def row(name: str, run: Measurement | None, hugo: Measurement | None) -> str:
    if run is None:
        return f"  {name:26} (not run)"
    ratio = (f"{run.wall / hugo.wall:6.2f}x {run.cpu / max(hugo.cpu, 1e-9):7.2f}x" if hugo
             else "      -        -")
    failed = "" if run.returncode == 0 else f"  exit {run.returncode}"
    return (f"  {name:26} {run.wall:8.2f} {run.cpu:8.2f} {run.max_rss_mb:9.0f}"
            f" {run.group_pss_mb:9.0f} {ratio}{failed}")


def markdown_floor(content: Path, hugo: Measurement | None, jobs: int) -> None:
    """Print what Python-Markdown alone (the design's Markdown library, with dateline's
    extensions) takes to convert every body of the corpus once, in this process: the part of a
    cold build no design can skip, divided over the cores at best."""
    import markdown

    from dateline.render.bodies import MARKDOWN_EXTENSIONS

    bodies = [path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
              for path in sorted(content.glob("*.md"))]
    converter = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), output_format="html")
    started = time.process_time()
    for body in bodies:
        converter.reset().convert(body)
    cpu = time.process_time() - started
    shown = f" = {cpu / jobs / hugo.wall:.2f}x Hugo's wall" if hugo else ""
    print(f"Python-Markdown alone, every body once: {cpu:.2f} s CPU on one core; spread over"
          f" {jobs} cores at best {cpu / jobs:.2f} s{shown}")


def print_results(articles: int, seed: int, steps: dict[str, Measurement | None]) -> None:
    """The size's table, then the Markdown floor beside Hugo's time."""
    print_table(articles, steps)
    source = corpus(articles, seed, hugo=True)
    markdown_floor(source.content, steps.get("hugo"), os.cpu_count() or 1)


def one_size(articles: int, seed: int, repeats: int, pdf: bool) -> dict[str, Measurement | None]:
    source = corpus(articles, seed, hugo=True)
    work = Workspace(source, articles)
    cold = run_step("cold", work.command(), repeats, lambda _turn: work.make_cold())
    steps: dict[str, Measurement | None] = {"cold build (--no-pdf)": cold}
    if cold.returncode == 0:
        check_truth(work.site, source.truth)
        steps["no-op rebuild"] = run_step("no-op", work.command(), repeats)
        steps["one article edited"] = run_step("edit", work.command(), repeats,
                                               work.edit_one_article)
    steps["hugo"] = hugo_step(source.hugo, repeats) if source.hugo else None
    if pdf and cold.returncode == 0:
        steps["with PDF briefs"] = run_step("pdf", work.command(pdf=True), 1)
    return steps


def print_table(articles: int, steps: dict[str, Measurement | None]) -> None:
    hugo = steps.get("hugo")
    print(f"\n{articles} articles{'' if hugo else ' (no Hugo figures)'}:")
    print(f"  {'step':26} {'wall s':>8} {'CPU s':>8} {'maxRSS MB':>9} {'groupPSS':>9}"
          f" {'/Hugo':>7} {'CPU/Hugo':>8}")
    for name, run in steps.items():
        print(row(name, run, hugo))


def targets(steps: dict[str, Measurement | None]) -> bool:
    hugo, cold = steps.get("hugo"), steps.get("cold build (--no-pdf)")
    noop, edit = steps.get("no-op rebuild"), steps.get("one article edited")
    if hugo is None or cold is None or noop is None or edit is None:
        print("targets: not judged (a step did not run)")
        return False
    checks = [
        ("cold build <= 1.5x Hugo's wall", cold.wall <= 1.5 * hugo.wall),
        ("no-op rebuild <= 1 s", noop.wall <= 1.0),
        ("one-article edit <= 1.5 s", edit.wall <= 1.5),
        ("one-article edit <= 0.2x Hugo's wall", edit.wall <= 0.2 * hugo.wall),
        ("cold build's peak memory <= Hugo's", cold.peak_mb <= hugo.peak_mb),
    ]
    for label, ok in checks:
        print(f"  {verdict(ok)}  {label}")
    return all(ok for _, ok in checks)


def main() -> int:
    options = arguments()
    print(f"Python {sys.version.split()[0]}; hugo: {HUGO or 'not installed'};"
          f" best of {options.repeats} run(s) per step")
    if options.sizes:
        for size in (int(part) for part in options.sizes.split(",")):
            steps = one_size(size, options.seed, options.repeats, pdf=False)
            print_results(size, options.seed, steps)
        return 0
    steps = one_size(options.articles, options.seed, options.repeats, pdf=True)
    print_results(options.articles, options.seed, steps)
    print("targets (wall times; the PDF build is reported only):")
    return 0 if targets(steps) else 1


if __name__ == "__main__":
    sys.exit(main())
