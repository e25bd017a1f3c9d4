"""An ongoing event and a scheduled one, as every output shows them: read back the way a reader
of each format would (json, csv, ElementTree for Atom, unfolded iCalendar lines).

The blockage started Tuesday 23 March 2021 and was still under way when the Thursday story was
filed; the vote was previewed on 25 March for Tuesday 30 March and no report has told it since.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from dateline.engine.pipeline import BUNDLED_TEMPLATES
from dateline.export.formats import export_timeline
from dateline.model import (
    Article,
    Event,
    ResolvedDate,
    Site,
    SiteConfig,
    SourceRef,
    Timeline,
    TimelineConfig,
)
from dateline.render.contexts import timeline_context
from dateline.render.pages import make_environment, render_page, timeline_page
from dateline.render.pdf import brief_html, build_brief

ATOM = "{http://www.w3.org/2005/Atom}"
STORY = Article(
    path="content/still-blocked.md",
    stem="still-blocked",
    title="Canal still blocked",
    dateline="ISMAILIA, March 25",
    published=date(2021, 3, 25),
    reference=date(2021, 3, 25),
    reference_note="the dateline",
    source="Reuters",
    url=None,
    timeline="canal",
    tags=(),
    events=(),
    body="",
    body_line=1,
)
SOURCE = SourceRef("still-blocked", STORY.path, STORY.title, "Reuters", None, "since Tuesday", 8)
GROUNDING = Event(
    "grounding",
    "canal",
    ResolvedDate(date(2021, 3, 23), date(2021, 3, 23), "day", False, "2021-03-23", "Tuesday"),
    "The ship runs aground.",
    (SOURCE,),
    (),
    None,
)
BLOCKAGE = Event(
    "blockage",
    "canal",
    ResolvedDate(
        date(2021, 3, 23),
        date(2021, 3, 25),
        "range",
        False,
        "2021-03-23/2021-03-25",
        "since Tuesday",
        True,
    ),
    "The ship blocks the canal.",
    (SOURCE,),
    (),
    None,
)
VOTE = Event(
    "vote",
    "canal",
    ResolvedDate(date(2021, 3, 30), date(2021, 3, 30), "day", False, "2021-03-30", "March 30"),
    "Shippers vote on a claim.",
    (SOURCE,),
    (),
    None,
    status="scheduled",
)
STILL_UNDER_WAY = "since March 23; still under way as of March 25, 2021"
CONFIG = TimelineConfig("canal", "Canal", None, "oldest-first", "ap", "a4")
SITE = Site(
    SiteConfig("Desk", "en", (CONFIG,)),
    (Timeline(CONFIG, (GROUNDING, BLOCKAGE, VOTE), date(2021, 3, 25)),),
    (STORY,),
    date(2021, 3, 25),
)


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return export_timeline(SITE, SITE.timelines[0])


def test_events_json_says_ongoing_and_status(files: dict[str, bytes]) -> None:
    events = {event["id"]: event for event in json.loads(files["canal/events.json"])["events"]}
    assert (events["blockage"]["ongoing"], events["blockage"]["status"]) == (True, "reported")
    assert events["blockage"]["display"] == STILL_UNDER_WAY
    assert (events["vote"]["ongoing"], events["vote"]["status"]) == (False, "scheduled")


def test_csv_has_ongoing_and_status_columns(files: dict[str, bytes]) -> None:
    rows = {
        row["id"]: row for row in csv.DictReader(io.StringIO(files["canal/events.csv"].decode()))
    }
    assert (rows["blockage"]["ongoing"], rows["blockage"]["display"]) == ("true", STILL_UNDER_WAY)
    assert (rows["vote"]["status"], rows["grounding"]["status"]) == ("scheduled", "reported")


def test_the_feed_names_a_scheduled_event_in_its_title(files: dict[str, bytes]) -> None:
    feed = ET.fromstring(files["canal/feed.xml"])
    titles = {
        entry.findtext(f"{ATOM}id", "").rsplit("/", 1)[1]: entry.findtext(f"{ATOM}title")
        for entry in feed.iter(f"{ATOM}entry")
    }
    assert titles["vote"] == "Tue, March 30, 2021 (scheduled): Shippers vote on a claim."
    assert titles["blockage"] == f"{STILL_UNDER_WAY}: The ship blocks the canal."


def calendar_events(ics: bytes) -> dict[str, dict[str, str]]:
    lines = ics.decode().replace("\r\n ", "").split("\r\n")
    events: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in lines:
        name, _, value = line.partition(":")
        if line == "END:VEVENT":
            events[current["UID"].split("@")[0]] = current
            current = {}
        current[name] = value
    return events


def test_the_calendar_marks_scheduled_tentative_and_ongoing_under_way(
    files: dict[str, bytes],
) -> None:
    events = calendar_events(files["canal/calendar.ics"])
    assert events["vote"]["STATUS"] == "TENTATIVE"
    assert "STATUS" not in events["grounding"]
    assert events["blockage"]["SUMMARY"] == "The ship blocks the canal. (still under way)"
    assert events["blockage"]["DESCRIPTION"].startswith("since March 23\\; still under way as of")


def test_timelinejs_shows_the_dates_as_the_page_does(files: dict[str, bytes]) -> None:
    slides = {s["unique_id"]: s for s in json.loads(files["canal/timelinejs.json"])["events"]}
    assert slides["blockage"]["display_date"] == STILL_UNDER_WAY
    assert slides["vote"]["display_date"] == "Tue, March 30, 2021 (scheduled)"
    assert "display_date" not in slides["grounding"]


def test_the_page_marks_scheduled_events_and_leaves_them_out_of_the_span() -> None:
    context = timeline_context(SITE, SITE.timelines[0], "Canal")
    assert context["timeline"].span == "March 23\u201325, 2021"  # type: ignore[attr-defined]
    items = json.loads(str(context["json_ld"]))["itemListElement"]
    status = {item["item"]["url"]: item["item"].get("eventStatus") for item in items}
    assert status == {
        "index.html#grounding": None,
        "index.html#blockage": None,
        "index.html#vote": "https://schema.org/EventScheduled",
    }
    ends = {item["item"]["url"]: item["item"].get("endDate") for item in items}
    assert ends["index.html#blockage"] is None  # still under way: no end to state
    assert ends["index.html#grounding"] == "2021-03-23"
    env = make_environment([BUNDLED_TEMPLATES])
    page = render_page(env, timeline_page(SITE, SITE.timelines[0])).decode()
    vote = page[page.index('id="vote"') :]
    assert "event--scheduled" in page and "scheduled, not yet reported" in vote
    assert STILL_UNDER_WAY in page


def test_the_brief_marks_scheduled_events_and_leaves_them_out_of_the_span() -> None:
    brief = build_brief(SITE, SITE.timelines[0])
    assert brief.span == "March 23\u201325, 2021"
    html = brief_html(SITE, SITE.timelines[0], make_environment([BUNDLED_TEMPLATES]))
    vote = html[html.index('id="vote"') :]
    assert "(scheduled)" in vote and STILL_UNDER_WAY in html
