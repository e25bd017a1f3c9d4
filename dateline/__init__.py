"""dateline: turn news reports into chronological timelines, with every date explained.

The library API (docs/api.md): `resolve` reads one date expression against a reference day,
`extract` finds and reads every date expression of a text; both return the frozen values below.
"""

from dateline.dates import DateError, Direction, ResolvedDate, Span, resolve
from dateline.dates.extract.candidates import Mention, extract
from dateline.model import Timing
from dateline.version import __version__

__all__ = [
    "DateError",
    "Direction",
    "Mention",
    "ResolvedDate",
    "Span",
    "Timing",
    "__version__",
    "extract",
    "resolve",
]
