"""An article's reference day, read from its dateline or its publication date.

Datelines come as the agencies send them: 'SANAA, Jan. 12', 'COPIAPO, Chile, Aug 23 (Reuters) -',
'SINGAPORE/COLOMBO, March 21 (Reuters) -', 'WASHINGTON, Tuesday (AP) —', 'Jan 24 (Reuters) - ',
'NEW YORK, March 5, 2024 /PRNewswire/ --'. The credits and the closing dash are set aside; what
follows the last comma (or the whole dateline, when it is only a date) is the date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.dates import lexicon
from dateline.dates.patterns import MONTH, WEEKDAY
from dateline.dates.readings import month_of, weekday_of
from dateline.dates.spans import describe_day
from dateline.errors import DateError

MAX_DAYS_APART = 7
DATELINE_DATE = re.compile(
    rf"(?:(?P<weekday>{WEEKDAY}),? )?"
    rf"(?:(?P<month>{MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>\d{{4}}))?"
    rf"|(?P<day_first>\d{{1,2}}) (?P<month_second>{MONTH})(?:,? (?P<year_second>\d{{4}}))?)")
DATELINE_WEEKDAY = re.compile(WEEKDAY)
# An agency credit: "(Reuters)", "(AP)", "(Reuters/AP)", "(dpa)", or "/PRNewswire/" after a space.
# Letters only, so a parenthesised date or number is never taken for one. The two forms are
# also what a body's opening dateline (load.sentences) takes for credits, so both read alike.
PAREN_CREDIT = r"\(\s*[A-Za-z][A-Za-z .&'/-]{0,40}\)"
SLASH_CREDIT = r"/[A-Za-z][A-Za-z .&-]{0,40}/"
CREDIT = re.compile(rf"{PAREN_CREDIT}|(?<!\S){SLASH_CREDIT}(?!\S)")
TRAILING = " \t:;-\u2013\u2014.,"


def without_credits(dateline: str) -> str:
    """The dateline with its agency credits, closing dash and extra spaces set aside."""
    return " ".join(CREDIT.sub(" ", dateline.replace("\u00a0", " ")).split()).strip(TRAILING)


def reference_date(dateline: str, published: date) -> tuple[date, str]:
    """(the reference day, how it was read). The year is the one that puts the dateline's day
    closest to `published`; a day more than a week away means one of the two is wrong."""
    text = without_credits(dateline)
    tail = _date_words(text)
    at = max(0, dateline.find(tail))
    if DATELINE_WEEKDAY.fullmatch(tail.lower()):
        return _nearest_weekday(weekday_of(tail.lower()), published)
    match = DATELINE_DATE.fullmatch(tail.lower())
    if match is None:
        if re.search(r"\d", tail) or (tail and re.match(MONTH, tail.lower())):
            raise DateError(
                f'cannot read "{tail}" as the date of the dateline "{dateline}" (the words '
                "after its last comma); write it as e.g. \"Jan. 24\", \"24 January\" or "
                '"January 24, 2024"', at)
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
        raise DateError(f'the dateline "{dateline}" names no real day', at)
    reference = min(candidates, key=lambda day_: (abs((day_ - published).days), day_))
    if abs((reference - published).days) > MAX_DAYS_APART:
        raise DateError(
            f'the dateline "{dateline}" ({describe_day(reference)}) is more than '
            f"{MAX_DAYS_APART} days from the publication date ({describe_day(published)}): "
            "one of the two is wrong", at)
    if match["weekday"] and weekday_of(match["weekday"]) != reference.weekday():
        named = lexicon.WEEKDAY_NAMES[weekday_of(match["weekday"])]
        raise DateError(
            f'the dateline "{dateline}" says {named}, but {describe_day(reference)} is a '
            f"{lexicon.WEEKDAY_NAMES[reference.weekday()]}: correct the weekday or the date", at)
    return reference, f"the dateline, {describe_day(reference)}"


def dateline_day(dateline: str, today: date) -> date | None:
    """The day a dateline names when a story is written now or backfilled: its own year, else
    the latest year that puts the day no more than a week after `today`. None when it names
    no day of a month (a place alone, a weekday) or no real one."""
    text = without_credits(dateline)
    match = DATELINE_DATE.fullmatch(_date_words(text).lower())
    if match is None:
        return None
    month = month_of(match["month"] or match["month_second"])
    day = int(match["day"] or match["day_first"])
    year_text = match["year"] or match["year_second"]
    years = [int(year_text)] if year_text else range(today.year + 1, today.year - 8, -1)
    latest = today + timedelta(days=MAX_DAYS_APART)
    for year in years:
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if year_text or candidate <= latest:
            return candidate
    return None


def _date_words(text: str) -> str:
    """The words of a credit-free dateline that name its date: after the last comma
    ('KYIV, March 5, 2024' keeps the year), or all of it when it is a date alone."""
    parts = [part.strip(TRAILING) for part in text.split(",")]
    if len(parts) == 1:
        alone = parts[0]
        lowered = alone.lower()
        dated = DATELINE_DATE.fullmatch(lowered) or DATELINE_WEEKDAY.fullmatch(lowered)
        return alone if dated or re.search(r"\d", alone) else ""
    tail = parts[-1]
    if len(parts) > 2 and DATELINE_WEEKDAY.fullmatch(parts[-2].lower()):
        tail = f"{parts[-2]}, {tail}"  # "MAE SAI, Thailand, Tuesday, July 10"
    if len(parts) > 2 and re.fullmatch(r"\d{4}", tail):
        tail = f"{parts[-2]}, {tail}"
    return tail


def _nearest_weekday(weekday: int, published: date) -> tuple[date, str]:
    """'WASHINGTON, Tuesday': the day of that name nearest the publication date; a story is
    filed within three days either side of its publication, so the nearest one is unique."""
    ahead = (weekday - published.weekday()) % 7
    offset = ahead if ahead <= 3 else ahead - 7
    try:
        day = published + timedelta(days=offset)
    except OverflowError:
        raise DateError("the dateline's weekday falls outside the years 1 to 9999", 0) from None
    name = lexicon.WEEKDAY_NAMES[weekday]
    return day, f"the dateline's {name} nearest the publication date, {describe_day(day)}"
