"""The fast path of loading: front matter in the plain subset (see frontmatter.py) built into an
Article without PyYAML. It gives up (None) at the first doubt, and load.py's node path, which
names every problem, takes over; so both must make exactly the same checks."""

from __future__ import annotations

from datetime import date

from dateline.dates import reference_date
from dateline.errors import DateError
from dateline.load.fields import DIRECTIONS, EVENT_FIELDS, PLAIN_FIELDS, SLUG, is_web_url
from dateline.load.frontmatter import Scalar, read_plain_front
from dateline.load.sentences import sentence_quotes
from dateline.model import Article, EventSpec, Position


def plain_article(
    path: str, stem: str, front: str, body: str, body_line: int
) -> Article | None:
    """The article, when its front matter is in the plain subset (see frontmatter.py) and passes
    every check the node path makes; None sends it down the node path, which names the problem."""
    plain = read_plain_front(front, 2)
    if plain is None or not plain.events or not plain.fields.keys() <= PLAIN_FIELDS:
        return None
    fields = plain.fields
    title, dateline_text = _plain_text(fields.get("title")), _plain_text(fields.get("dateline"))
    timeline, published_text = fields.get("timeline"), _plain_text(fields.get("published"))
    if not (title and dateline_text and published_text and timeline):
        return None
    try:
        published = date.fromisoformat(published_text)
        reference = reference_date(dateline_text, published)
    except (ValueError, DateError):
        return None
    source_name, url = _plain_text(fields.get("source")), _plain_text(fields.get("url"))
    if not SLUG.fullmatch(timeline.value.strip()) or (
        ("source" in fields and not source_name)
        or ("url" in fields and not (url and is_web_url(url)))
    ):
        return None
    events = _plain_events(path, plain.events, body)
    if events is None:
        return None
    return Article(
        path=path, stem=stem, title=title, dateline=dateline_text, published=published,
        reference=reference[0], reference_note=reference[1], source=source_name, url=url,
        timeline=timeline.value.strip(), tags=tuple(sorted(set(plain.tags or ()))),
        events=events, body=body, body_line=body_line,
        timeline_at=Position(path, timeline.line, timeline.column),
    )


def _plain_events(
    path: str, items: list[dict[str, Scalar]], body: str
) -> tuple[EventSpec, ...] | None:
    """Checked events with their quotes, or None at the first doubt."""
    for item in items:
        if not item.keys() <= EVENT_FIELDS or not all(
            _plain_text(item.get(name)) for name in ("id", "when", "what")
        ):
            return None
        if any(name in item and not SLUG.fullmatch(item[name].value.strip())
               for name in ("id", "anchor")):
            return None
        if "direction" in item and item["direction"].value.strip() not in DIRECTIONS:
            return None
        if "quote" in item and not _plain_text(item["quote"]):
            return None
    whens = [item["when"].value.strip() for item in items]
    found = sentence_quotes(body, whens)
    events = []
    for item, when, found_quote in zip(items, whens, found, strict=True):
        anchor, given_quote = item.get("anchor"), item.get("quote")
        events.append(EventSpec(
            id=item["id"].value.strip(),
            when=when,
            what=item["what"].value.strip(),
            anchor=anchor.value.strip() if anchor else None,
            direction=DIRECTIONS[item["direction"].value.strip()] if "direction" in item
            else "past",
            quote=given_quote.value.strip() if given_quote else found_quote,
            at=Position(path, item["when"].line, item["when"].column),
            id_at=Position(path, item["id"].line, item["id"].column),
            anchor_at=Position(path, anchor.line, anchor.column) if anchor else None,
        ))
    return tuple(events)


def _plain_text(scalar: Scalar | None) -> str | None:
    return scalar.value.strip() or None if scalar is not None else None
