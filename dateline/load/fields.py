"""What front matter and site.yaml may hold: their keys, slugs, web addresses and directions."""

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
SITE_KEYS = ("title", "language", "timelines")
TIMELINE_KEYS = ("title", "description", "order", "date_style", "paper")
WEB_URL = re.compile(r"https?://[^\s<>\"'\\^`{|}\x00-\x1f]+", re.IGNORECASE)
DIRECTIONS: dict[str, Direction] = {"past": "past", "future": "future"}
