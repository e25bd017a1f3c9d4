"""`build.py new`: start an article file with its front matter filled in as far as we know it."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

MAX_SLUG_WORDS = 8
# Characters JSON leaves as they are but YAML will not read back as themselves: it refuses
# DEL, C1 controls, the BOM and non-characters in a file, and reads NEL, U+2028 and U+2029 as
# line breaks. Written as `\uXXXX` escapes, which a YAML double-quoted string decodes.
NOT_KEPT_BY_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def slugify(headline: str) -> str:
    """`US strikes militia sites in Iraq` → `us-strikes-militia-sites-in-iraq`."""
    plain = unicodedata.normalize("NFKD", headline).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())[:MAX_SLUG_WORDS]
    return "-".join(words) or "article"


def file_name(headline: str, published: date) -> str:
    return f"{published.isoformat()}-{slugify(headline)}.md"


def yaml_string(value: str) -> str:
    """`value` as a YAML double-quoted string that reads back exactly, whatever it holds."""
    quoted = json.dumps(value, ensure_ascii=False)
    return NOT_KEPT_BY_YAML.sub(lambda found: f"\\u{ord(found.group()):04x}", quoted)


def article_text(headline: str, timeline: str, dateline: str, published: date) -> str:
    """Front matter with one event to fill in; every value the user typed quoted, so that
    YAML reads back exactly what was typed (not a comment, a key, a boolean or a number)."""
    city = dateline.split(",")[0].split("[")[0].split("—")[0].strip().upper()
    return (
        "---\n"
        f"title: {yaml_string(headline)}\n"
        f"dateline: {yaml_string(dateline)}\n"
        f"published: {published.isoformat()}\n"
        f"timeline: {yaml_string(timeline)}\n"
        "tags: []\n"
        "events:\n"
        "  # One entry per event the story reports. `when` is the date exactly as the story\n"
        '  # words it; add `anchor: <event id>` for wordings like "two days later".\n'
        "  - id: first-event\n"
        "    when: Tuesday\n"
        "    what: What happened, in one sentence.\n"
        "---\n\n"
        f"**{city}** — Write the story here. `python build.py suggest` drafts events from it.\n"
    )
