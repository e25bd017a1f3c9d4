"""The bundled example builds to exactly the committed golden files (tests/golden/example/).

A change that alters any output fails here; when the change is intended, refresh the files with
`python tests/golden/refresh.py` and review the diff like code."""

from __future__ import annotations

import difflib
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from golden import built_example, expected_files  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from browser_env import unavailable  # noqa: E402


def test_the_example_builds_to_the_golden_files(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        unavailable("pdftotext is missing: apt-get install poppler-utils")
    built = built_example(tmp_path / "site")
    expected = expected_files()
    assert sorted(built) == sorted(expected), "the example builds other files than the golden set"
    changed = [name for name in expected if built[name] != expected[name]]
    first = changed[0] if changed else None
    detail = "" if first is None else "\n".join(difflib.unified_diff(
        expected[first].decode("utf-8", "replace").splitlines(),
        built[first].decode("utf-8", "replace").splitlines(),
        f"golden/{first}", f"built/{first}", lineterm="", n=2))
    assert not changed, f"{len(changed)} outputs differ from the golden files:\n{detail}"

