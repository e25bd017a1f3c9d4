"""An article's reference day, read from its dateline ('SANAA, Jan. 12') or its publication date."""

from __future__ import annotations

import re
from datetime import date

from dateline.dates.patterns import MONTH
from dateline.dates.readings import month_of
from dateline.dates.spans import describe_day
from dateline.errors import DateError

MAX_DAYS_APART = 7
DATELINE_DATE = re.compile(
    rf"(?P<month>{MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>\d{{4}}))?"
    rf"|(?P<day_first>\d{{1,2}}) (?P<month_second>{MONTH})(?:,? (?P<year_second>\d{{4}}))?")
TRAILING = " \t:;-\u2013\u2014.,"


def reference_date(dateline: str, published: date) -> tuple[date, str]:
    """(the reference day, how it was read). The year is the one that puts the dateline's day
    closest to `published`; a day more than a week away means one of the two is wrong."""
    text = " ".join(dateline.replace("\u00a0", " ").split()).strip(TRAILING)
    parts = [part.strip(TRAILING) for part in text.split(",")]
    tail = parts[-1] if len(parts) > 1 else ""
    if len(parts) > 2 and re.fullmatch(r"\d{4}", tail):
        tail = f"{parts[-2]}, {tail}"  # "KYIV, March 5, 2024"
    match = DATELINE_DATE.fullmatch(tail.lower())
    if match is None:
        if re.search(r"\d", tail) or (tail and re.fullmatch(rf"{MONTH}.*", tail.lower())):
            raise DateError(f'cannot read the date "{tail}" in the dateline "{dateline}"',
                            max(0, dateline.find(tail)))
        return published, f"the publication date, {describe_day(published)}"
    month = month_of(match["month"] or match["month_second"])
    day = int(match["day"] or match["day_first"])
    year_text = match["year"] or match["year_second"]
    years = [int(year_text)] if year_text else [published.year - 1, published.year,
                                                 published.year + 1]
    candidates = []
    for year in years:
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise DateError(f'the dateline "{dateline}" names no real day', max(0, dateline.find(tail)))
    reference = min(candidates, key=lambda day_: (abs((day_ - published).days), day_))
    if abs((reference - published).days) > MAX_DAYS_APART:
        raise DateError(
            f'the dateline "{dateline}" ({describe_day(reference)}) is more than '
            f"{MAX_DAYS_APART} days from the publication date ({describe_day(published)}): "
            "one of the two is wrong", max(0, dateline.find(tail)))
    return reference, f"the dateline, {describe_day(reference)}"
