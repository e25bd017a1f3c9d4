"""Reading an article's reference day from its dateline (expected days worked out by hand)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.dates import DateError, reference_date


@pytest.mark.parametrize(
    ("dateline", "published", "day", "note"),
    [
        ("Baghdad [Iraq], January 24", date(2024, 1, 24), date(2024, 1, 24),
         "the dateline, Wed 24 Jan 2024"),
        ("SANAA, Jan. 12", date(2024, 1, 13), date(2024, 1, 12), "the dateline, Fri 12 Jan 2024"),
        ("LONDON, 3 March", date(2024, 3, 3), date(2024, 3, 3), "the dateline, Sun 3 Mar 2024"),
        ("LIMA, Sept. 30", date(2023, 10, 1), date(2023, 9, 30), "the dateline, Sat 30 Sep 2023"),
        ("LIMA, Sept 30", date(2023, 10, 1), date(2023, 9, 30), "the dateline, Sat 30 Sep 2023"),
        # the year that puts the day closest to publication: the previous December
        ("GENEVA, December 30", date(2024, 1, 2), date(2023, 12, 30),
         "the dateline, Sat 30 Dec 2023"),
        # and the next January for a story published on New Year's Eve
        ("GENEVA, January 1", date(2023, 12, 31), date(2024, 1, 1),
         "the dateline, Mon 1 Jan 2024"),
        ("ROME, Feb. 29", date(2024, 3, 1), date(2024, 2, 29), "the dateline, Thu 29 Feb 2024"),
        ("KYIV, March 5, 2024", date(2024, 3, 6), date(2024, 3, 5), "the dateline, Tue 5 Mar 2024"),
        ("Baghdad [Iraq], January 24 :", date(2024, 1, 24), date(2024, 1, 24),
         "the dateline, Wed 24 Jan 2024"),
        ("WASHINGTON \u2014", date(2024, 1, 2), date(2024, 1, 2),
         "the publication date, Tue 2 Jan 2024"),
        ("WASHINGTON", date(2024, 1, 2), date(2024, 1, 2), "the publication date, Tue 2 Jan 2024"),
        ("PARIS, France", date(2024, 1, 2), date(2024, 1, 2),
         "the publication date, Tue 2 Jan 2024"),
        ("UNITED NATIONS, Jan.\u00a012", date(2024, 1, 12), date(2024, 1, 12),
         "the dateline, Fri 12 Jan 2024"),
    ],
)
def test_reference_day(dateline: str, published: date, day: date, note: str) -> None:
    assert reference_date(dateline, published) == (day, note)


@pytest.mark.parametrize(
    ("dateline", "published", "message"),
    [
        ("GENEVA, March 1", date(2024, 1, 2), "more than 7 days"),
        ("GENEVA, January 2", date(2024, 1, 10), "more than 7 days"),  # 8 days apart
        ("GENEVA, Jan. 45", date(2024, 1, 2), "no real day"),
        ("GENEVA, Feb. 29", date(2022, 3, 1), "no real day"),  # none of 2021-2023 has one
        ("GENEVA, Janvier 12", date(2024, 1, 12), "cannot read"),
    ],
)
def test_unreadable_or_distant_datelines(dateline: str, published: date, message: str) -> None:
    with pytest.raises(DateError) as raised:
        reference_date(dateline, published)
    assert message in raised.value.message


def test_seven_days_apart_is_still_accepted() -> None:
    assert reference_date("GENEVA, January 3", date(2024, 1, 10))[0] == date(2024, 1, 3)


def test_error_offset_points_at_the_date() -> None:
    with pytest.raises(DateError) as raised:
        reference_date("GENEVA, March 1", date(2024, 1, 2))
    assert raised.value.offset == len("GENEVA, ")


# Datelines as the agencies send them. Each day is the one the story was filed on, taken from the
# dated copy (a credit, a dash, several places, a weekday, the date before the place).
@pytest.mark.parametrize(
    ("dateline", "published", "day", "note"),
    [
        ("COPIAPO, Chile, Aug 23 (Reuters) -", date(2010, 8, 23), date(2010, 8, 23),
         "the dateline, Mon 23 Aug 2010"),
        ("ISMAILIA, Egypt, March 25 (Reuters) -", date(2021, 3, 25), date(2021, 3, 25),
         "the dateline, Thu 25 Mar 2021"),
        ("SINGAPORE/COLOMBO, March 21 (Reuters) -", date(2022, 3, 21), date(2022, 3, 21),
         "the dateline, Mon 21 Mar 2022"),
        ("GENEVA/BEIRUT, Oct 3 (AFP) --", date(2023, 10, 3), date(2023, 10, 3),
         "the dateline, Tue 3 Oct 2023"),
        ("NEW YORK, JAN. 24 (AP) \u2014", date(2024, 1, 24), date(2024, 1, 24),
         "the dateline, Wed 24 Jan 2024"),
        ("BERLIN, Sept 6 (dpa) -", date(2023, 9, 6), date(2023, 9, 6),
         "the dateline, Wed 6 Sep 2023"),
        ("LONDON, 3 March (Bloomberg) --", date(2024, 3, 3), date(2024, 3, 3),
         "the dateline, Sun 3 Mar 2024"),
        ("Jan 24 (Reuters) - ", date(2024, 1, 24), date(2024, 1, 24),
         "the dateline, Wed 24 Jan 2024"),
        ("NEW YORK, March 5, 2024 /PRNewswire/ --", date(2024, 3, 5), date(2024, 3, 5),
         "the dateline, Tue 5 Mar 2024"),
        ("TOKYO, June 1 (Reuters) (Kyodo) -", date(2024, 6, 1), date(2024, 6, 1),
         "the dateline, Sat 1 Jun 2024"),
        ("HONG KONG, Nov 2 (Reuters/AP) \u2013", date(2023, 11, 2), date(2023, 11, 2),
         "the dateline, Thu 2 Nov 2023"),
        ("SANTIAGO, Aug. 23 (Reuters)", date(2010, 8, 24), date(2010, 8, 23),
         "the dateline, Mon 23 Aug 2010"),
        ("COLOMBO, Sri Lanka (AP) \u2014", date(2022, 7, 13), date(2022, 7, 13),
         "the publication date, Wed 13 Jul 2022"),
        ("PARIS (AFP) -", date(2024, 1, 2), date(2024, 1, 2),
         "the publication date, Tue 2 Jan 2024"),
        # a weekday is the day of that name nearest the publication date (within three days)
        ("WASHINGTON, Tuesday", date(2024, 1, 24), date(2024, 1, 23),
         "the dateline's Tuesday nearest the publication date, Tue 23 Jan 2024"),
        ("WASHINGTON, Tuesday (AP) \u2014", date(2024, 1, 23), date(2024, 1, 23),
         "the dateline's Tuesday nearest the publication date, Tue 23 Jan 2024"),
        ("SYDNEY, Tues.", date(2024, 1, 22), date(2024, 1, 23),
         "the dateline's Tuesday nearest the publication date, Tue 23 Jan 2024"),
    ],
)
def test_wire_datelines(dateline: str, published: date, day: date, note: str) -> None:
    assert reference_date(dateline, published) == (day, note)


def test_an_unreadable_wire_date_names_the_words_taken_as_the_date() -> None:
    with pytest.raises(DateError) as raised:
        reference_date("COPIAPO, Chile, Agust 23 (Reuters) -", date(2010, 8, 23))
    assert '"Agust 23"' in raised.value.message
    assert raised.value.offset == len("COPIAPO, Chile, ")


def test_a_weekday_beside_the_date_is_read_and_checked() -> None:
    # 10 July 2018 was a Tuesday
    day, note = reference_date("MAE SAI, Thailand, Tuesday, July 10 (AP) \u2014", date(2018, 7, 10))
    assert (day, note) == (date(2018, 7, 10), "the dateline, Tue 10 Jul 2018")
    assert reference_date("MAE SAI, Thailand, Tues. July 10 (AP) -", date(2018, 7, 10))[0] == day
    with pytest.raises(DateError) as raised:
        reference_date("MAE SAI, Thailand, Monday, July 10 (AP) \u2014", date(2018, 7, 10))
    assert 'says Monday, but Tue 10 Jul 2018 is a Tuesday' in raised.value.message
    assert raised.value.offset == len("MAE SAI, Thailand, ")
