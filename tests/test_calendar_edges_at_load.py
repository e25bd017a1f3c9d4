"""Publication dates and datelines at the ends of the calendar (years 1 to 9999): a located
error where a day would fall outside it, a built site where every day is inside."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.cli.main import main
from dateline.load.article import load_article
from tests.conftest import MakeContent, article

TODAY = "  - id: x\n    when: today\n    what: X.\n"


def only_error(text: str) -> str:
    loaded, errors = load_article("content/a.md", text.encode())
    assert loaded is None
    (error,) = errors
    return error.format().splitlines()[0]


@pytest.mark.parametrize("published", ["10000-01-01", "0000-12-31"])
def test_a_publication_date_outside_the_calendar_says_so(published: str) -> None:
    message = only_error(article(TODAY, dateline="Baghdad [Iraq]", published=published))
    assert message.startswith(f'content/a.md:4:12: "{published}" is outside the years 1 to 9999')


@pytest.mark.parametrize(
    ("published", "dateline", "year"),
    [
        ("9999-12-31", "Baghdad [Iraq], January 1", "10000"),
        ("9999-12-28", "Baghdad [Iraq], January 3", "10000"),
        ("0001-01-01", "Baghdad [Iraq], December 31", "0"),
        ("0001-01-05", "Baghdad [Iraq], 30 December", "0"),
    ],
)
def test_a_dateline_day_beyond_the_calendar_is_named_at_the_dateline(
    published: str, dateline: str, year: str
) -> None:
    message = only_error(article(TODAY, dateline=dateline, published=published))
    # line 3 is 'dateline: "...', the date starts after "Baghdad [Iraq], "
    assert message.startswith("content/a.md:3:28: "), message
    assert f"the year {year}" in message and "1 to 9999" in message, message


@pytest.mark.parametrize(
    ("published", "dateline"),
    [("9999-12-31", "Baghdad [Iraq], December 31"), ("0001-01-01", "Baghdad [Iraq], January 1"),
     ("9999-12-31", "Baghdad [Iraq]")],
)
def test_the_last_and_first_days_build_and_check(
    make_content: MakeContent,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    published: str,
    dateline: str,
) -> None:
    make_content({"a.md": article(TODAY, dateline=dateline, published=published)})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--content", "content"]) == 0, capsys.readouterr().err
    build = ["build", "--content", "content", "--out", "site", "--no-pdf", "--jobs", "1"]
    assert main(build) == 0, capsys.readouterr().err
    calendar = (tmp_path / "site" / "war" / "calendar.ics").read_bytes().decode("utf-8")
    day = published.replace("-", "")
    assert f"DTSTART;VALUE=DATE:{day}\r\n" in calendar
