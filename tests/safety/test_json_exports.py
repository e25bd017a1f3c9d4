"""JSON exports carry markup characters escaped, as the JSON-LD does.

events.json and timelinejs.json hold reporters' text verbatim, so a `</script>` in an event's
`what` lands in the file as-is. Escaping `<`, `>` and `&` as \\u003c, \\u003e, \\u0026 is lossless
for every JSON reader, and makes the file safe to inline in a page's <script> element (a common
way to embed a timeline) or to serve where a browser might sniff it as HTML.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SITE_YAML, article
from tests.safety.support import run_build, write_files

WHAT = "Hit </script><script>alert(1)</script> & <img src=x onerror=alert(1)>"


def test_json_exports_hold_no_raw_markup_characters(tmp_path: Path) -> None:
    events = f"  - id: strike\n    when: Tuesday\n    what: {json.dumps(WHAT)}\n"
    content = write_files(
        tmp_path / "content", {"site.yaml": SITE_YAML, "a.md": article(events)}
    )
    result = run_build(content, tmp_path / "site", "--no-pdf")
    assert result.returncode == 0, result.stderr
    for name in ("events.json", "timelinejs.json"):
        raw = (tmp_path / "site" / "war" / name).read_text("utf-8")
        assert "<" not in raw and ">" not in raw, name
    document = json.loads((tmp_path / "site" / "war" / "events.json").read_bytes())
    assert document["events"][0]["what"] == WHAT  # the text itself is unchanged
