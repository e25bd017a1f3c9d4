"""Does `resolve --jsonl` stay linear in the length of one line? Times lines that double in size.

    python bench/jsonl_long_line.py [--sizes 16,32,64] [--repeats 3]

Each size (in MB) is one JSON line whose "text" holds that many bytes, between two ordinary
lines, fed to `build.py resolve --jsonl` in a fresh process; the figure is the process's CPU
time (best of the repeats) less that of an empty run, so start-up is not counted. A batch that
reads each line in one pass doubles its time when the line doubles; the script prints each
doubling's ratio and flags any above 2.6 as superlinear. Also checks that every line got its
answer, the long one an error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import OUT, ROOT, measure, verdict  # noqa: E402

SUPERLINEAR = 2.6
ORDINARY = b'{"text": "Monday", "ref": "2024-03-13"}\n'
COMMAND = [sys.executable, str(ROOT / "build.py"), "resolve", "--jsonl"]


def write_input(megabytes: int) -> Path:
    path = OUT / f"jsonl-long-line-{megabytes}mb.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(ORDINARY)
        out.write(b'{"text": "')
        block = b"ten days after " * 65_536  # 960 KiB of words
        remaining = megabytes << 20
        while remaining > 0:
            out.write(block[:remaining])
            remaining -= len(block)
        out.write(b'", "ref": "2024-03-13"}\n')
        out.write(ORDINARY)
    return path


def answers_are_right(path: Path) -> bool:
    answers = [json.loads(line) for line in path.read_bytes().splitlines()]
    return (len(answers) == 3 and "error" in answers[1]
            and answers[0].get("start") == answers[2].get("start") == "2024-03-11")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--sizes", default="16,32,64", help="line sizes in MB, each double")
    options.add_argument("--repeats", type=int, default=3)
    args = options.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    empty = OUT / "jsonl-long-line-empty.jsonl"
    empty.parent.mkdir(parents=True, exist_ok=True)
    empty.write_bytes(b"")
    answers = OUT / "jsonl-long-line-answers.jsonl"
    start_up = min(measure(COMMAND, stdin=empty, sample_memory=False).cpu
                   for _ in range(args.repeats))
    print(f"start-up (an empty run): {start_up:.3f} s CPU, subtracted below")
    seconds: list[float] = []
    right = True
    for megabytes in sizes:
        path = write_input(megabytes)
        runs = [measure(COMMAND, stdin=path, stdout=answers, sample_memory=False)
                for _ in range(args.repeats)]
        right = right and all(run.returncode == 0 for run in runs) and answers_are_right(answers)
        seconds.append(max(min(run.cpu for run in runs) - start_up, 1e-3))
        print(f"  a {megabytes:3d} MB line: {seconds[-1]:.3f} s CPU"
              f" (best of {args.repeats}; {min(run.wall for run in runs):.3f} s wall)")
        path.unlink()
    ratios = [later / earlier for earlier, later in zip(seconds, seconds[1:], strict=False)]
    linear = all(ratio <= SUPERLINEAR for ratio in ratios)
    print("doubling ratios: " + ", ".join(f"{ratio:.2f}" for ratio in ratios)
          + f"   each <= {SUPERLINEAR}: {verdict(linear)}")
    print(f"every line answered, the long one with an error: {verdict(right)}")
    return 0 if linear and right else 1


if __name__ == "__main__":
    sys.exit(main())
