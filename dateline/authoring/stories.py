"""Raw copy as stories: a pasted plain-text or HTML story, or the entries of an Atom/RSS feed.

A `Story` is what an article file needs and copy gives: a title, a dateline, a publication day,
a Markdown body, and where it came from. The dateline is read from the body's first line
("COLOMBO, March 21 (Reuters) - ..."); the day from the caller's `--published`, else from the
page or feed entry. Nothing here reads the disk or the clock: the command hands in the bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from dateline.authoring.html_text import read_page
from dateline.display import MONTH_NAMES
from dateline.load.phrases import story_start
from dateline.load.sentences import DATELINE_LEAD, plain_text

MAX_TITLE = 100
MAX_LEAD_BLOCKS = 4  # a byline, a time, a standfirst, then the dateline at the latest
MAX_BYLINE_WORDS = 12
FEED_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                        rb"<(?:rss|feed|rdf:RDF)\b", re.DOTALL | re.IGNORECASE)
CHARSET = re.compile(rb"<meta[^>]*charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
CHARSET_REACH = 2048
HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<", re.IGNORECASE)


class StoryError(Exception):
    """Why a source gave no story: said to the user with its name."""


@dataclass(frozen=True, slots=True)
class Story:
    title: str
    dateline: str
    published: date
    body: str
    url: str | None = None
    source: str | None = None


def kind_of(name: str, data: bytes) -> str:
    """"feed", "html" or "text", from the bytes first and the file name after."""
    lowered = name.lower()
    if FEED_START.match(data) or lowered.endswith((".atom", ".rss")):
        return "feed"
    if HTML_START.match(data) or lowered.endswith((".html", ".htm")):
        return "html"
    return "text"


def dateline_of(body: str) -> str | None:
    """The wire dateline opening the body, as the front matter holds it:
    "COLOMBO, March 21 (Reuters) -"."""
    found = DATELINE_LEAD.match(body)
    if found is None:
        return None
    return " ".join(found.group().replace("*", "").replace("_", "").split()) or None


def day_of(text: str) -> date | None:
    """A publication day as pages and feeds write it: ISO 8601 or RFC 822, in the writer's
    own time zone (the day the story carries, not the day in UTC)."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if found:
        try:
            return date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            return None
    return None


def day_dateline(day: date) -> str:
    """A dateline naming only the day, for copy that opens without one: "21 March 2024"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def from_dateline(blocks: Sequence[str]) -> list[str]:
    """The blocks from the one opening with a dateline, when only a byline or a time stands
    before it ("By Uditha Jayasinghe", "March 21, 2023"); else all of them."""
    for index, block in enumerate(blocks[:MAX_LEAD_BLOCKS]):
        if DATELINE_LEAD.match(block):
            before = blocks[:index]
            if all(len(plain_text(other).split()) <= MAX_BYLINE_WORDS for other in before):
                return list(blocks[index:])
            break
    return list(blocks)


def story_text(body: str) -> str:
    """The body from the story's own headline or dateline, below the desk's notes; the notes
    stay in the article."""
    return body[story_start(body):]


def finished(title: str | None, body: str, published: date | None, url: str | None,
             source: str | None, name: str) -> Story:
    """The story, or why there is none: no body, or no day to date it."""
    body = body.strip()
    if not body:
        raise StoryError(f"{name}: no story text found")
    if published is None:
        raise StoryError(f"{name}: no publication date; give it with --published YYYY-MM-DD")
    dateline = dateline_of(story_text(body)) or day_dateline(published)
    if not title:
        first = plain_text(story_text(body).split("\n\n", 1)[0])
        title = first if len(first) <= MAX_TITLE else first[:MAX_TITLE].rsplit(" ", 1)[0] + "…"
    return Story(" ".join(title.split()), dateline, published, body + "\n", url, source)


def story_from_text(text: str, name: str, published: date | None) -> Story:
    """Pasted copy: an optional headline line, then the story opening with its dateline."""
    paragraphs = [block.strip() for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    title = None
    lead = len(paragraphs) - len(story_text("\n\n".join(paragraphs)).split("\n\n"))
    if lead < len(paragraphs) and DATELINE_LEAD.match(paragraphs[lead]) is None:
        lines = paragraphs[lead].split("\n", 1)
        if len(lines[0]) <= MAX_TITLE * 2:
            title = lines[0].strip().lstrip("# ")
            paragraphs[lead] = lines[1].strip() if len(lines) > 1 else ""
    body = "\n\n".join(block for block in paragraphs if block)
    return finished(title, body, published, None, None, name)


def story_from_html(html: str, name: str, published: date | None) -> Story:
    """A saved or pasted news page: its story, title, date and address."""
    page = read_page(html)
    day = published or (day_of(page.published) if page.published else None)
    body = "\n\n".join(from_dateline(page.blocks))
    return finished(page.title, body, day, page.url, page.site, name)


def stories_from_feed(data: bytes, name: str,
                      published: date | None) -> list[Story | StoryError]:
    """Every entry of an Atom or RSS feed: its title, day, link as `url`, the feed's title
    as `source`, and its content (or summary) as the body; an entry that gives no story is
    its StoryError, in its place, so the others are still imported."""
    import feedparser  # type: ignore[import-untyped]

    feed = feedparser.parse(data)
    if feed.get("bozo") and not feed.entries:
        raise StoryError(f"{name}: not a feed this can read ({feed.get('bozo_exception')})")
    source = str(feed.feed.get("title") or "").strip() or None
    stories: list[Story | StoryError] = []
    for number, entry in enumerate(feed.entries, start=1):
        contents: Sequence[dict[str, str]] = entry.get("content") or []
        html = contents[0].get("value", "") if contents else str(entry.get("summary") or "")
        raw_day = str(entry.get("published") or entry.get("updated") or "")
        day = published or day_of(raw_day)
        link = str(entry.get("link") or "").strip() or None
        title = str(entry.get("title") or "").strip() or None
        body = "\n\n".join(from_dateline(read_page(html).blocks))
        try:
            stories.append(finished(title, body, day, link, source, f"{name}: entry {number}"))
        except StoryError as problem:
            stories.append(problem)
    return stories


def page_text(data: bytes, name: str) -> str:
    """An HTML page's text: UTF-8, else the charset its <meta> declares."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        declared = CHARSET.search(data[:CHARSET_REACH])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise StoryError(f"{name}: not UTF-8 text (byte {problem.start}) and no charset "
                         "it can be read with") from None
