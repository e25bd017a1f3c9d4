"""Read an article: its front matter checked field by field, its body, its quotes.

Pure functions of (path, bytes): the command line reads the files, this module never touches the
disk, so articles can be loaded in worker processes and cached by their bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial

import yaml

from dateline.dates import reference_date
from dateline.errors import ContentError, DateError
from dateline.load.document import Collector, decode, open_mapping
from dateline.load.fields import (
    ARTICLE_KEYS,
    DIRECTIONS,
    EVENT_KEYS,
    SLUG,
    SLUG_RULE,
    WEB_URL,
    character_name,
    hidden_character,
)
from dateline.load.sentences import body_dateline, sentence_quotes
from dateline.load.timezone import zone_if_needed, zone_name
from dateline.load.yamldoc import (
    Fields,
    Source,
    YamlProblem,
    choice,
    day,
    sequence,
    text,
    text_list,
)
from dateline.model import Article, EventSpec, Position

# The Gregorian calendar repeats every 400 years, weekdays and leap days included.
CALENDAR_CYCLE_YEARS = 400
# Publication years whose dateline's nearest reading (within a year) cannot leave 1 to 9999.
MIN_FULL_YEAR, MAX_FULL_YEAR = 2, 9998


def split_front_matter(content: str) -> tuple[str, str, int] | None:
    """(front matter, body, body's first line) when the file opens with a `---` block."""
    if not content.startswith("---\n"):
        return None
    end = content.find("\n---\n", 3)
    if end == -1:
        if content.endswith("\n---"):
            end = len(content) - 4
        else:
            return None
    front = content[4 : end + 1]
    body = content[end + 5 :]
    body_line = front.count("\n") + 3
    return front, body, body_line


DOCUMENT_END = re.compile(r"^\.\.\.[ \t]*$", re.MULTILINE)


def load_article(path: str, data: bytes) -> tuple[Article | None, list[ContentError]]:
    """One article from its bytes; `path` is project-relative and names the page it becomes."""
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}", stem):
        return None, [
            ContentError(
                path,
                0,
                0,
                "this file name cannot name a page",
                "use letters, digits, '.', '_' and '-' (at most 120), e.g. 2024-01-24-iraq.md",
            )
        ]
    content, problem = decode(path, data)
    if content is None:
        return None, [problem] if problem else []
    lines = tuple(content.split("\n"))
    parts = split_front_matter(content)
    if parts is None:
        never_closed = bool(lines) and lines[0].rstrip() == "---"
        return None, [
            ContentError(
                path,
                1,
                1,
                "the front matter opened here is never closed" if never_closed
                else "this article has no front matter",
                "end the YAML fields with a line '---' before the story" if never_closed
                else "start the file with a line '---', the YAML fields, then another '---'",
                lines[0] if lines else "",
            )
        ]
    front, body, body_line = parts
    ended = DOCUMENT_END.search(front)
    if ended is not None:  # the fields after it would be read as the body
        line = 2 + front.count("\n", 0, ended.start())
        return None, [ContentError(path, line, 1, "the front matter ends early, at '...'",
                                   "delete that line: the fields go between the two '---' lines",
                                   lines[line - 1])]
    source = Source(path, lines, 2)
    opened = open_mapping(source, front, "the front matter", ARTICLE_KEYS)
    if isinstance(opened, list):
        return None, opened
    collect, node, fields = opened
    title = collect.read(lambda: fields.required("title", text))
    dateline_text = collect.read(lambda: fields.optional("dateline", text))
    dateline_line = 0
    if "dateline" not in fields.values:
        opening = body_dateline(body)
        if opening is None:
            collect.errors.append(source.error(
                node, 'no "dateline:", and the body does not open with one',
                'add e.g. dateline: "ISMAILIA, Egypt, March 25", or start the story with its '
                "wire dateline"))
        else:
            dateline_text, dateline_line = opening[0], body_line + opening[1]
    published = collect.read(lambda: fields.required("published", day))
    timeline = collect.read(lambda: fields.required("timeline", _slug("a timeline")))
    source_name = collect.read(lambda: fields.optional("source", text))
    url = _url(collect, fields)
    tags = collect.read(lambda: fields.optional("tags", _tags)) or ()
    given_zone = collect.read(lambda: fields.optional("timezone", zone_name))
    reference = None
    if dateline_text is not None and published is not None and dateline_line:
        try:
            reference = reference_date(dateline_text, published)
        except DateError as problem:
            collect.errors.append(ContentError(
                path, dateline_line, 1 + problem.offset,
                f"{problem.message} (the dateline read from the body's first line)",
                'give the story a "dateline:" in its front matter', lines[dateline_line - 1]))
    elif dateline_text is not None and published is not None:
        reference = _reference(collect, fields.values["dateline"], dateline_text, published)
    events: list[EventSpec] = []
    events_node = fields.values.get("events")
    # no events yet ("events:" left empty, or no key): a story being written, not an error
    empty = events_node is None or (
        isinstance(events_node, yaml.ScalarNode) and events_node.tag.endswith(":null"))
    if events_node is not None and not empty:
        for item in collect.read(lambda: sequence(events_node, "events")) or []:
            event = collect.read(partial(_event, item, source))
            if event is not None:
                events.append(event)
    if collect.errors:
        return None, collect.errors
    assert title and dateline_text and published and timeline and reference
    place, zone, zone_note = zone_if_needed(
        dateline_text, given_zone, [event.when for event in events])
    found = sentence_quotes(body, [event.when for event in events])
    events = [
        event if event.quote else replace(event, quote=quote)
        for event, quote in zip(events, found, strict=True)
    ]
    return (
        Article(
            path=path,
            stem=stem,
            title=title,
            dateline=dateline_text,
            published=published,
            reference=reference[0],
            reference_note=reference[1],
            source=source_name,
            url=url,
            timeline=timeline,
            tags=tags,
            events=tuple(events),
            body=body,
            body_line=body_line,
            timeline_at=_position(source, fields.values["timeline"]),
            place=place,
            zone=zone,
            zone_note=zone_note,
            dateline_line=dateline_line,
        ),
        [],
    )


def _reference(
    collect: Collector, node: yaml.Node, dateline_text: str, published: date
) -> tuple[date, str] | None:
    try:
        return reference_date(dateline_text, published)
    except DateError as problem:
        message = _beyond_the_calendar(dateline_text, published) or problem.message
        collect.errors.append(collect.source.error(node, message, offset=problem.offset))
        return None


def _beyond_the_calendar(dateline_text: str, published: date) -> str | None:
    """Why a dateline near the first or last day of the calendar names no day: its nearest
    reading falls in the year 0 or 10000. Read against the publication date moved 400 years
    (the Gregorian calendar repeats exactly) to see which year the reading would take."""
    if MIN_FULL_YEAR <= published.year <= MAX_FULL_YEAR:
        return None
    shift = CALENDAR_CYCLE_YEARS if published.year < MIN_FULL_YEAR else -CALENDAR_CYCLE_YEARS
    try:
        moved, _ = reference_date(dateline_text, published.replace(year=published.year + shift))
    except DateError:
        return None
    year = moved.year - shift
    if 1 <= year <= 9999:
        return None
    return (
        f'the dateline "{dateline_text}" reads as a day in the year {year}, outside the years'
        " 1 to 9999 that dates can name"
    )


def _event(node: yaml.Node, source: Source) -> EventSpec:
    fields = Fields(node, "an event", EVENT_KEYS)
    event_id = fields.required("id", _slug("an event id"))
    when_node = fields.values.get("when")
    when = fields.required("when", text)
    assert when_node is not None
    anchor_node = fields.values.get("anchor")
    what = fields.required("what", text)
    anchor = fields.optional("anchor", _slug("an anchor"))
    direction = fields.optional("direction", choice(DIRECTIONS))
    return EventSpec(
        id=event_id,
        when=when,
        what=what,
        anchor=anchor,
        direction=direction or "past",
        quote=fields.optional("quote", text),
        at=_position(source, when_node),
        id_at=_position(source, fields.values["id"]),
        anchor_at=_position(source, anchor_node) if anchor_node is not None else None,
        direction_stated=direction is not None,
    )


def _position(source: Source, node: yaml.Node) -> Position:
    line, column = source.position(node)
    return Position(source.path, line, column, source.shown_line(line))


def _slug(what: str) -> Callable[[yaml.Node], str]:
    def read(node: yaml.Node) -> str:
        value = text(node)
        if not SLUG.fullmatch(value):
            raise YamlProblem(node, f'"{value[:80]}" cannot be {what}', SLUG_RULE)
        return value

    return read


def _tags(node: yaml.Node) -> tuple[str, ...]:
    tags = text_list(node)
    for tag in tags:
        if not SLUG.fullmatch(tag):
            raise YamlProblem(node, f'"{tag[:80]}" cannot be a tag', SLUG_RULE)
    return tuple(sorted(set(tags)))


def _url(collect: Collector, fields: Fields) -> str | None:
    """The `url`, refused where it holds a character a reader cannot see (a right-to-left
    override makes ".../gpj.exe" read ".../exe.jpg"), at that character when it is typed as is."""
    url = collect.read(lambda: fields.optional("url", _web_url))
    if url is None:
        return None
    index = hidden_character(url)
    if index is None:
        return url
    node = fields.values["url"]
    typed_as_is = (  # a plain scalar on one line: no quotes or escapes shift the column
        isinstance(node, yaml.ScalarNode) and not node.style
        and node.start_mark.line == node.end_mark.line
    )
    collect.errors.append(collect.source.error(
        node,
        f"the web address holds an invisible character, {character_name(url[index])}, "
        f"at character {index + 1}; it can make a link read as another",
        "type the address again, or copy it from the browser's address bar",
        offset=index if typed_as_is else 0,
    ))
    return None


def _web_url(node: yaml.Node) -> str:
    value = text(node)
    if not WEB_URL.fullmatch(value):
        raise YamlProblem(
            node,
            f'"{value[:80]}" is not a web address',
            "only http:// and https:// links are allowed",
        )
    return value
