"""`build.py new`: start an article file with its front matter filled in as far as we know it."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date

MAX_SLUG_WORDS = 8


def slugify(headline: str) -> str:
    """`US strikes militia sites in Iraq` → `us-strikes-militia-sites-in-iraq`."""
    plain = unicodedata.normalize("NFKD", headline).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())[:MAX_SLUG_WORDS]
    return "-".join(words) or "article"


def file_name(headline: str, published: date) -> str:
    return f"{published.isoformat()}-{slugify(headline)}.md"


def article_text(headline: str, timeline: str, dateline: str, published: date) -> str:
    """Front matter with one event to fill in; values quoted as JSON strings, which YAML reads."""
    city = dateline.split(",")[0].split("[")[0].split("—")[0].strip().upper()
    return (
        "---\n"
        f"title: {json.dumps(headline, ensure_ascii=False)}\n"
        f"dateline: {json.dumps(dateline, ensure_ascii=False)}\n"
        f"published: {published.isoformat()}\n"
        f"timeline: {timeline}\n"
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
