"""Date resolution: what a news story's wording of a date means, with the reason why."""

from dateline.dates.reference import reference_date
from dateline.dates.resolve import resolve, uses_anchor
from dateline.errors import DateError
from dateline.model import Direction, ResolvedDate, Span

__all__ = ["DateError", "Direction", "ResolvedDate", "Span", "reference_date", "resolve",
           "uses_anchor"]
