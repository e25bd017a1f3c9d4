"""Pictures of the built example for people to look at (not a test).

    python tests/browser/screenshots.py [FOLDER]      # default /tmp/dateline-shots

Builds content/ into a temporary directory, then writes full-page PNGs of the timeline page (phone
and desktop width, light and dark), an article page, a tag page and the brief PDF's first two pages.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Literal

from browser_env import CHROMIUM, CHROMIUM_ARGS, build_example

TIMELINE = "proxy-attacks"
Scheme = Literal["light", "dark"]
SHOTS: tuple[tuple[str, str, tuple[int, int], Scheme], ...] = (
    # (file name, page, viewport, colour scheme)
    ("timeline-phone-light.png", f"{TIMELINE}/index.html", (390, 844), "light"),
    ("timeline-phone-dark.png", f"{TIMELINE}/index.html", (390, 844), "dark"),
    ("timeline-desktop-light.png", f"{TIMELINE}/index.html", (1280, 900), "light"),
    ("timeline-desktop-dark.png", f"{TIMELINE}/index.html", (1280, 900), "dark"),
    ("home-phone-light.png", "index.html", (390, 844), "light"),
    ("article-desktop-light.png", "articles/2024-01-24-us-strikes-kataib-hezbollah.html",
     (1280, 900), "light"),
    ("article-phone-dark.png", "articles/2024-01-24-us-strikes-kataib-hezbollah.html",
     (390, 844), "dark"),
    ("tag-desktop-light.png", "tags/iraq.html", (1280, 900), "light"),
    ("tag-phone-dark.png", "tags/iraq.html", (390, 844), "dark"),
)


def shoot_pages(site: Path, folder: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, page_path, (width, height), scheme in SHOTS:
            context = browser.new_context(
                viewport={"width": width, "height": height}, color_scheme=scheme
            )
            page = context.new_page()
            page.goto((site / page_path).as_uri())
            page.screenshot(path=str(folder / name), full_page=True)
            context.close()
            written.append(folder / name)
        browser.close()
    return written


def shoot_brief(site: Path, folder: Path) -> list[Path]:
    """pdftoppm names pages brief-1.png, brief-2.png (zero-padded when there are 10 or more)."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2",
         str(site / TIMELINE / "brief.pdf"), str(folder / "brief")],
        check=True,
    )
    return sorted(folder.glob("brief-*.png"))


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "/tmp/dateline-shots")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        site = build_example(Path(scratch))
        for picture in shoot_pages(site, folder) + shoot_brief(site, folder):
            print(picture)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
