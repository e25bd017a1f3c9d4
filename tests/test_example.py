"""The bundled example, built as a newcomer builds it, checked page by page.

Expected dates are worked out by hand from each article's dateline (see the comments).
"""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = {
    # id: (start, end, approximate)
    "hamas-attack": ("2023-10-07", "2023-10-07", False),  # "October 7", dateline Wed Oct 18
    "attacks-begin": ("2023-10-17", "2023-10-17", False),  # 10 days after Oct 7 (twice)
    "attack-tally": ("2023-10-17", "2024-01-24", False),  # since October 17, dateline Jan 24
    # late Thursday (Fri Oct 27) ∩ Oct; in WASHINGTON's zone, 18:00 to midnight EDT
    "syria-strikes": ("2023-10-26T18:00:00-04:00", "2023-10-27T00:00:00-04:00", True),
    "baghdad-strike": ("2024-01-01", "2024-01-10", True),  # the beginning of the month
    "red-sea-shipping-attacks": ("2024-01-01", "2024-01-25", True),
    "houthi-strike-rounds": ("2024-01-13", "2024-01-24", True),  # the last week and a half
    "houthi-eight-rounds": ("2024-01-13", "2024-01-25", True),  # roughly 10 days, to Jan 25
    "al-asad-attack": ("2024-01-20", "2024-01-20", False),  # Saturday ∩ over the weekend
    "houthi-strikes-monday": ("2024-01-22", "2024-01-22", False),
    "pentagon-briefing": ("2024-01-22", "2024-01-22", False),  # on Monday, dateline Thu Jan 25
    "kh-strikes": ("2024-01-23", "2024-01-23", False),  # Tuesday (local time) ∩ days after
    "tbi-diagnoses": ("2024-01-23", "2024-01-23", False),
}


# The hour-by-hour timeline, in Copiapo's time: Chile kept UTC-3 from 10 October 2010, so
# "0311 GMT on Wednesday" is 12:11 a.m. Wednesday there and "0055 GMT on Thursday" 9:55 p.m.
# Wednesday; "shortly after 11 p.m." is read as the half hour after it, approximately.
EXPECTED_NIGHT = {
    "first-rescuer-down": ("2010-10-12T23:00:00-03:00", "2010-10-12T23:30:00-03:00", True),
    "first-miner-out": ("2010-10-13T00:11:00-03:00", "2010-10-13T00:11:00-03:00", False),
    "last-miner-out": ("2010-10-13T21:55:00-03:00", "2010-10-13T21:55:00-03:00", False),
}


def test_the_night_timeline_reads_each_time_in_the_datelines_own_zone(site: Path) -> None:
    data = json.loads((site / "mine-rescue-night" / "events.json").read_text())
    got = {e["id"]: (e["start"], e["end"], e["approximate"]) for e in data["events"]}
    assert got == EXPECTED_NIGHT
    assert [e["id"] for e in data["events"]] == list(EXPECTED_NIGHT)  # in order of the hour
    assert {e["zone"] for e in data["events"]} == {"America/Santiago"}


class Page(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "site"
    result = subprocess.run(
        [sys.executable, "build.py", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_every_event_has_the_date_worked_out_by_hand(site: Path) -> None:
    data = json.loads((site / "proxy-attacks" / "events.json").read_text())
    got = {e["id"]: (e["start"], e["end"], e["approximate"]) for e in data["events"]}
    assert got == EXPECTED
    order = [e["id"] for e in data["events"]]
    assert order == sorted(order, key=lambda i: (EXPECTED[i][0], EXPECTED[i][1], i))


def test_merged_events_list_every_reporting_article(site: Path) -> None:
    data = json.loads((site / "proxy-attacks" / "events.json").read_text())
    sources = {e["id"]: [s["article"] for s in e["sources"]] for e in data["events"]}
    assert sources["kh-strikes"] == [
        "2024-01-24-us-strikes-kataib-hezbollah", "2024-01-25-strikes-draw-warning"
    ]
    assert len(sources["al-asad-attack"]) == 2 and len(sources["syria-strikes"]) == 2


def test_home_page_lists_the_timeline_with_span_and_count(site: Path) -> None:
    home = (site / "index.html").read_text()
    assert "Attacks on US forces, 2023-24" in home
    assert "Oct. 7, 2023 \u2013 Jan. 25, 2024" in home
    assert "13 events" in home
    assert len(Page(home).all("h1")) == 1


def test_timeline_page_marks_every_event_with_its_id_and_date(site: Path) -> None:
    page = Page((site / "proxy-attacks" / "index.html").read_text())
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert set(EXPECTED) <= ids
    datetimes = [attrs["datetime"] for attrs in page.all("time")]
    assert sorted(set(datetimes)) == sorted({start for start, _, _ in EXPECTED.values()})
    assert len(page.all("h1")) == 1 and len(page.all("details")) == len(EXPECTED)


def test_article_pages_mark_their_dated_phrases(site: Path) -> None:
    text = (site / "articles" / "2024-01-24-us-strikes-kataib-hezbollah.html").read_text()
    page = Page(text)
    marks = {attrs["id"] for attrs in page.all("mark")}
    assert {"at-kh-strikes", "at-al-asad-attack", "at-attack-tally", "at-syria-strikes"} <= marks
    assert '<time datetime="2024-01-23">Tuesday (local time)</time>' in text
    assert "../proxy-attacks/index.html#kh-strikes" in text


def test_every_output_kind_is_there(site: Path) -> None:
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    for name in ("events.json", "events.csv", "feed.xml", "calendar.ics", "timelinejs.json",
                 "brief.pdf", "index.html"):
        assert f"proxy-attacks/{name}" in names
    assert len([n for n in names if n.startswith("articles/")]) == 6  # one per content file
    assert "tags/iraq.html" in names and "static/style.css" in names


def test_an_article_lists_its_events_in_date_order(site: Path) -> None:
    text = (site / "articles" / "2024-01-24-us-strikes-kataib-hezbollah.html").read_text()
    listed = text[text.index("Dated events in this article"):]
    ids = [attrs["href"].split("#")[1] for attrs in Page(listed).all("a")
           if "index.html#" in attrs.get("href", "")]
    ids = list(dict.fromkeys(ids))
    assert len(ids) == 9
    assert ids == sorted(ids, key=lambda i: (EXPECTED[i][0], EXPECTED[i][1], i))


def test_a_timeline_told_hour_by_hour_has_day_headings(site: Path) -> None:
    night = (site / "mine-rescue-night" / "index.html").read_text()
    assert [h for h in night.split("<h3>")[1:]] and [
        h.split("</h3>")[0] for h in night.split("<h3>")[1:]
    ] == ["Tuesday 12 October 2010", "Wednesday 13 October 2010"]
    attacks = (site / "proxy-attacks" / "index.html").read_text()
    assert "<h3>October 2023</h3>" in attacks  # months apart: month headings
