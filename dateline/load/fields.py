"""What front matter may hold: its keys, slugs, web addresses and directions, shared by the
plain reader (load_plain.py) and the YAML node path (load.py), which must agree on every check."""

from __future__ import annotations

import re

from dateline.model import Direction

SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")
SLUG_RULE = "use lowercase letters, digits and hyphens (at most 64), e.g. kh-strikes"
ARTICLE_KEYS = (
    "title",
    "dateline",
    "published",
    "source",
    "url",
    "timeline",
    "tags",
    "events",
)
EVENT_KEYS = ("id", "when", "what", "anchor", "direction", "quote")
EVENT_FIELDS = frozenset(EVENT_KEYS)
SITE_KEYS = ("title", "language", "timelines")
TIMELINE_KEYS = ("title", "description", "order", "date_style", "paper")
PLAIN_FIELDS = frozenset(ARTICLE_KEYS) - {"tags", "events"}
WEB_URL = re.compile(r"https?://[^\s<>\"'\\^`{|}\x00-\x1f]+", re.IGNORECASE)
DIRECTIONS: dict[str, Direction] = {"past": "past", "future": "future"}
