"""Does the front matter tell the body's story? Dates no event covers, and `when`s not in the body.

Both are warnings, not build errors: a story may mention a date that belongs on no timeline, and
`--strict` is the command line's choice. The body is searched with `extract`, the same grammar
the resolver reads `when:` with.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.authoring.reported import reported_events
from dateline.errors import ContentError
from dateline.load.phrases import masked_body, when_spans
from dateline.load.sentences import sentence_spans
from dateline.model import Article, EventSpec

if TYPE_CHECKING:  # extract's patterns take a fifth of a second to compile: only `check` needs them
    from dateline.dates.extract.candidates import Mention

def body_dates(article: Article) -> list[Mention]:
    """Every date expression of the body that could date an event ("now" cannot), at its offset
    in `article.body`."""
    from dateline.dates.extract.candidates import extract

    return [found for found in extract(masked_body(article.body), article.reference)
            if not found.present]


def covering_event(found: Mention, events: Sequence[EventSpec], body: str) -> EventSpec | None:
    """The first event whose `when` occurs in the body overlapping the phrase."""
    for event in events:
        for start, end in when_spans(event.when, body):
            if start < found.end and found.start < end:
                return event
    return None


def uncovered_dates(article: Article) -> list[Mention]:
    """The date of each event the body reports that no event covers. The other dates of its
    sentence that the event accounts for ("a day after he resigned", ", officials said on
    Monday"), the body's own dateline and desk notes ("(This story has been corrected ...)")
    are no events of their own, so they are never named."""
    body = masked_body(article.body)
    found: list[Mention] = []
    for reported in reported_events(body, sentence_spans(body), body_dates(article)):
        told = (reported.mention, *reported.consumed)
        if all(covering_event(date, article.events, article.body) is None for date in told):
            found.append(reported.mention)
    return found


def body_position(article: Article, offset: int) -> tuple[int, int, str]:
    """File line, 1-based column and the line's text for an offset into the body."""
    line_start = article.body.rfind("\n", 0, offset) + 1
    line_end = article.body.find("\n", offset)
    line_text = article.body[line_start:line_end if line_end != -1 else len(article.body)]
    line = article.body_line + article.body.count("\n", 0, offset)
    return line, offset - line_start + 1, line_text


def coverage_warnings(article: Article) -> list[ContentError]:
    """One warning per uncovered date phrase, and one per event whose `when` the body lacks."""
    warnings: list[ContentError] = []
    for found in uncovered_dates(article):
        line, column, line_text = body_position(article, found.start)
        warnings.append(
            ContentError(
                article.path,
                line,
                column,
                f'"{" ".join(found.text.split())}" is a date no event covers',
                f"add an event for it, e.g. python build.py suggest {article.path}",
                line_text,
            )
        )
    for event in article.events:
        if not when_spans(event.when, article.body):
            warnings.append(
                ContentError(
                    event.at.path,
                    event.at.line,
                    event.at.column,
                    f'the when "{event.when}" of event "{event.id}" does not occur in the body',
                    "a copy mistake? word it as the body does",
                    event.at.source_line,
                )
            )
    return sorted(warnings, key=lambda warning: warning.sort_key)
