"""Where the browser tests find their tools, and what they do when a tool is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

REPO = Path(__file__).resolve().parents[2]
BROWSER_TESTS = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = BROWSER_TESTS / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def unavailable(message: str) -> NoReturn:
    """In CI a missing tool is a broken setup (fail); on a laptop the test cannot run (skip)."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def require_chromium() -> None:
    if not CHROMIUM.is_file():
        unavailable(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")


def require_axe() -> None:
    if not AXE_SCRIPT.is_file():
        unavailable(f"{AXE_SCRIPT} is missing: run `npm ci` in tests/browser")


def require_poppler() -> None:
    missing = [tool for tool in ("pdftotext", "pdfinfo", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        unavailable(f"{', '.join(missing)} missing: apt-get install poppler-utils")


def build_example(out: Path) -> Path:
    """Build content/ the way a user does, through build.py; returns the site directory."""
    site = out / "site"
    completed = subprocess.run(
        [sys.executable, "build.py", "--content", "content", "--out", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, f"build failed:\n{completed.stdout}\n{completed.stderr}"
    return site


