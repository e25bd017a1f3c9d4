"""A Reuters story from Tokyo that gives a local time with its GMT equivalent, built end to end:
the parenthesis that agrees builds at the local instant, the one that disagrees stops the build
at the when's file:line:col. Tokyo keeps UTC+9: 4:10 p.m. there is 0710 GMT, the same day."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import MakeContent, article

ROOT = Path(__file__).resolve().parents[2]
DATELINE = "TOKYO, Jan 2 (Reuters) -"  # Tue 2 Jan 2024: Monday is 1 Jan


def story(when: str) -> str:
    return article(f"  - id: quake\n    when: {when}\n    what: An earthquake strikes.\n",
                   dateline=DATELINE, published="2024-01-02")


def build(make_content: MakeContent, when: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    content = make_content({"quake.md": story(when)})
    out = content.parent / "site"
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "build", "--content", "content", "--out",
         "site", "--no-pdf", "--jobs", "1"],
        capture_output=True, text=True, cwd=content.parent, check=False, timeout=120)
    return result, out


def test_an_agreeing_gmt_equivalent_builds_at_the_local_instant(make_content: MakeContent) -> None:
    result, out = build(make_content, "4:10 p.m. (0710 GMT) on Monday")
    assert result.returncode == 0, result.stderr
    (event,) = json.loads((out / "war" / "events.json").read_text(encoding="utf-8"))["events"]
    assert (event["start"], event["zone"]) == ("2024-01-01T16:10:00+09:00", "Asia/Tokyo")
    assert event["sources"][0]["when"] == "4:10 p.m. (0710 GMT) on Monday"


def test_a_disagreeing_gmt_equivalent_is_an_error_at_its_place(make_content: MakeContent) -> None:
    result, out = build(make_content, "4:10 p.m. (0810 GMT) on Monday")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # line 8 of the article is "    when: 4:10 p.m. (0810 GMT) on Monday"; column 21 is "("
    assert "content/quake.md:8:21: " in result.stderr
    assert '"4:10 p.m." local time is 07:10 GMT, not 08:10 GMT' in result.stderr
    assert not out.exists()
