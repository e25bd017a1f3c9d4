"""The bundled example as the golden files hold it: every output's bytes, and the PDF briefs as
their words (a PDF's bytes hold font subsets that differ between font builds; its words do not).

Refresh after an intended change of output: `python tests/golden/refresh.py`, then read the diff.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "example"


def pdf_words(pdf: Path) -> bytes:
    """The brief's text, one word per line, so where a font wraps a line does not matter."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return ("\n".join(text.split()) + "\n").encode("utf-8")


def built_example(out: Path) -> dict[str, bytes]:
    """Build content/ into `out` as a user does; {relative path: bytes}, briefs as their words."""
    subprocess.run(
        [sys.executable, "build.py", "--content", "content", "--out", str(out)],
        cwd=REPO, check=True, capture_output=True,
    )
    files: dict[str, bytes] = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        name = path.relative_to(out).as_posix()
        if path.suffix == ".pdf":
            files[name + ".txt"] = pdf_words(path)
        else:
            files[name] = path.read_bytes()
    return files


def expected_files() -> dict[str, bytes]:
    return {
        path.relative_to(EXPECTED).as_posix(): path.read_bytes()
        for path in sorted(p for p in EXPECTED.rglob("*") if p.is_file())
    }
