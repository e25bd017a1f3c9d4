"""Every date of a corpus, found and resolved: the stage `dateline annotate` runs over partitions.

A partition is a list of input lines (JSON objects `{"id", "text", "ref"}`, each with its line
number) or of article files; the result is a list of found dates and of problems, in input
order. Module-level, pure, and taking and returning plain picklable values, so the same function
runs in this process, in the build's worker processes or as a Dask task on a cluster.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from dateline.jsontext import json_string, read_json_object

# An input line and its 1-based number; an article file's path and bytes.
NumberedLine = tuple[int, bytes]
ArticleFile = tuple[str, bytes]
NEEDS_ANCHOR = "counts from another event: resolve it with that event's date as the anchor"


class Annotation(NamedTuple):
    """One date found in a document's text. `offset` and `end_offset` count characters (code
    points) of the text as given; the resolved fields are None when the date could not be read
    on its own, and `explanation` then says why."""

    id: str | int
    offset: int
    end_offset: int
    text: str
    start: str | None
    end: str | None
    granularity: str | None
    approximate: bool | None
    timex: str | None
    explanation: str


class Problem(NamedTuple):
    """An input line or article that could not be annotated: where it is and what is wrong."""

    line: int | None  # the input line's number; None for an article file
    id: str | int | None
    message: str


Annotated = list[Annotation | Problem]


class Encoded(NamedTuple):
    """A partition's records as JSON lines, made where the partition was annotated, so that
    the one process writing the output only copies bytes."""

    lines: bytes
    dates: int
    problems: tuple[Problem, ...]

    @classmethod
    def of(cls, found: Annotated) -> Encoded:
        problems = tuple(item for item in found if isinstance(item, Problem))
        return cls(utf8_lines(found), len(found) - len(problems), problems)


def annotate_lines(lines: Sequence[NumberedLine]) -> Annotated:
    """The dates of each JSON line, in order; a line that cannot be read gives a Problem."""
    found: Annotated = []
    for number, line in lines:
        request = read_line(line)
        if isinstance(request, str):
            found.append(Problem(number, None, request))
            continue
        identifier, text, reference = request
        if isinstance(reference, str):
            found.append(Problem(number, identifier, reference))
            continue
        found += dates_of(identifier, text, reference)
    return found


def lines_as_json(lines: Sequence[NumberedLine]) -> Encoded:
    return Encoded.of(annotate_lines(lines))


def articles_as_json(files: Sequence[ArticleFile]) -> Encoded:
    return Encoded.of(annotate_articles(files))


def annotate_articles(files: Sequence[ArticleFile]) -> Annotated:
    """The dates of each article's body, offsets into the body as its file holds it (after the
    front matter), resolved on the article's own reference date; an article that does not load
    gives a Problem for each of its errors."""
    from dateline.authoring.coverage import body_dates
    from dateline.load.article import load_article

    found: Annotated = []
    for path, data in files:
        article, errors = load_article(path, data)
        if errors or article is None:
            found += [
                Problem(None, path, f"{e.path}:{e.line}:{e.column}: {e.message}") for e in errors
            ]
            continue
        found += [_annotation(path, mention) for mention in body_dates(article)]
    return found


def read_line(line: bytes) -> tuple[str | int, str, date | str] | str:
    """A line's id, text and reference date (or what is wrong with the reference), or the
    message saying why the line is not a request at all."""
    request = read_json_object(line)
    if isinstance(request, str):
        return request
    identifier, text, ref = request.get("id"), request.get("text"), request.get("ref")
    if isinstance(identifier, bool) or not isinstance(identifier, str | int):
        return '"id" must be a string or an integer'
    if not isinstance(text, str):
        return '"text" must be a string'
    try:
        reference: date | str = date.fromisoformat(ref) if isinstance(ref, str) else ""
    except ValueError:
        reference = ""
    if not reference:
        reference = f'"ref" must be a date written YYYY-MM-DD, not {json.dumps(ref)}'
    return identifier, text, reference


def dates_of(identifier: str | int, text: str, reference: date) -> list[Annotation]:
    """The dates of one document's text, resolved on its reference date."""
    from dateline.dates.extract.candidates import extract

    return [_annotation(identifier, mention) for mention in extract(text, reference)]


def _annotation(identifier: str | int, mention: object) -> Annotation:
    from dateline.dates.extract.candidates import Mention

    assert isinstance(mention, Mention)
    resolved = mention.resolved
    if resolved is None:
        why = mention.error or (NEEDS_ANCHOR if mention.needs_anchor else "could not be read")
        return Annotation(identifier, mention.start, mention.end, mention.text,
                          None, None, None, None, None, why)
    return Annotation(
        identifier, mention.start, mention.end, mention.text, resolved.start.isoformat(),
        resolved.end.isoformat(), resolved.granularity, resolved.approximate, resolved.timex,
        resolved.explanation,
    )


def json_line(found: Annotation | Problem) -> str:
    """One output line (without its newline): keys in a fixed order, non-ASCII kept as is."""
    if isinstance(found, Problem):
        where = f'"line": {found.line}, ' if found.line is not None else ""
        ident = f'"id": {_json_id(found.id)}, ' if found.id is not None else ""
        return f'{{{where}{ident}"error": {json_string(found.message)}}}'
    fields = [
        f'"id": {_json_id(found.id)}',
        f'"offset": {found.offset}',
        f'"end_offset": {found.end_offset}',
        f'"text": {json_string(found.text)}',
        f'"start": {_json_text(found.start)}',
        f'"end": {_json_text(found.end)}',
        f'"granularity": {_json_text(found.granularity)}',
        f'"approximate": {_json_bool(found.approximate)}',
        f'"timex": {_json_text(found.timex)}',
        f'"explanation": {json_string(found.explanation)}',
    ]
    return "{" + ", ".join(fields) + "}"


def _json_id(identifier: str | int) -> str:
    return json_string(identifier) if isinstance(identifier, str) else str(identifier)


def _json_text(value: str | None) -> str:
    return "null" if value is None else json_string(value)


def _json_bool(value: bool | None) -> str:
    return "null" if value is None else ("true" if value else "false")


def utf8_lines(found: Annotated) -> bytes:
    """The records as JSON lines in UTF-8; a lone surrogate (JSON allows "\\ud800") has no
    UTF-8 form, so then the lines are written with JSON's \\u escapes instead."""
    text = "".join(json_line(item) + "\n" for item in found)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return b"".join(
            (json.dumps(json.loads(json_line(item))) + "\n").encode("ascii") for item in found
        )
