"""One article's report of an event, keyed by timeline and event id: what assembly passes
from gathering the reports to checking, dating and merging them."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.model import Article, DateProblem, EventSpec, ResolvedDate

Key = tuple[str, str]  # (timeline slug, event id)


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of an event, with its date when it needs no anchor and was read."""

    article: Article
    spec: EventSpec
    known: ResolvedDate | DateProblem | None = None
    told: int = 0  # the report's place among all reports, first published first

