"""What front matter and site.yaml may hold: their keys, slugs, web addresses and directions."""

from __future__ import annotations

import re
import unicodedata

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
    "timezone",
)
EVENT_KEYS = ("id", "when", "what", "anchor", "direction", "quote")
SITE_KEYS = ("title", "language", "timelines", "timezone")
TIMELINE_KEYS = ("title", "description", "order", "date_style", "paper")
WEB_URL = re.compile(r"https?://[^\s<>\"'\\^`{|}\x00-\x1f]+", re.IGNORECASE)
DIRECTIONS: dict[str, Direction] = {"past": "past", "future": "future"}
# What a reader of a link cannot see, or what changes the order they see it in: controls,
# format characters (bidi overrides and isolates, zero-width joiners, the BOM, a soft hyphen),
# line and space separators, surrogates and private-use characters.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp", "Zs"})


def hidden_character(value: str) -> int | None:
    """Where the first such character stands in `value`, or None when every one shows."""
    if value.isascii() and value.isprintable():
        return None
    for index, character in enumerate(value):
        if unicodedata.category(character) in HIDDEN_CATEGORIES:
            return index
    return None


def character_name(character: str) -> str:
    """"U+202E RIGHT-TO-LEFT OVERRIDE", or the code point alone where Unicode names none."""
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X} {name}".rstrip()


def is_web_url(value: str) -> bool:
    """An http(s) address whose every character shows: the one test both loaders make."""
    return WEB_URL.fullmatch(value) is not None and hidden_character(value) is None
