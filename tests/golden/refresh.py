"""Rewrite tests/golden/example/ from a fresh build of content/."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from golden import EXPECTED, built_example  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        files = built_example(Path(scratch) / "site")
    shutil.rmtree(EXPECTED, ignore_errors=True)
    for name, data in files.items():
        target = EXPECTED / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(files)} files into {EXPECTED}; review them with git diff")


if __name__ == "__main__":
    main()
