"""A range's refusal quotes its two sides as written, capitals kept (the corpus compares error
messages without case, so this is pinned here)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.dates import resolve
from dateline.errors import DateError


def test_a_backward_range_names_its_sides_as_written() -> None:
    with pytest.raises(DateError) as raised:
        resolve("from Friday to Monday last week", date(2024, 3, 13))
    assert raised.value.message == ("the range ends (Monday last week, Mon 4 Mar 2024) before "
                                    "it starts (Friday, Fri 8 Mar 2024)")
