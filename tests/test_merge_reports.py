"""Reports of one event merged as constraints: an ongoing report ("since Tuesday") is closed by
a later one, previews make a scheduled event, and events of one day keep the order they were
told in. Dates here are worked out by hand from the calendar of March 2021:

    Mo Tu We Th Fr Sa Su
     1  2  3  4  5  6  7
     8  9 10 11 12 13 14
    15 16 17 18 19 20 21
    22 23 24 25 26 27 28
    29 30 31
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dateline.assemble import assemble
from dateline.model import (
    Article,
    Direction,
    Event,
    EventSpec,
    Position,
    SiteConfig,
    TimelineConfig,
)

CONFIG = SiteConfig(
    "Desk", "en", (TimelineConfig("canal", "Canal", None, "oldest-first", "ap", "a4"),)
)


def spec(
    path: str, line: int, event_id: str, when: str, direction: Direction = "past"
) -> EventSpec:
    at = Position(path, line, 11, f"    when: {when}")
    return EventSpec(event_id, when, f"{event_id} happens", None, direction, None, at, at, None)


def article(
    stem: str, published: date, *events: tuple[str, str] | tuple[str, str, Direction]
) -> Article:
    path = f"content/{stem}.md"
    specs = tuple(spec(path, 8 + 2 * n, *event) for n, event in enumerate(events))
    return Article(
        path=path,
        stem=stem,
        title=stem.replace("-", " "),
        dateline="ISMAILIA",
        published=published,
        reference=published,
        reference_note="the dateline",
        source=None,
        url=None,
        timeline="canal",
        tags=(),
        events=specs,
        body="",
        body_line=12,
    )


def events(*articles: Article) -> dict[str, Event]:
    site, errors = assemble(CONFIG, articles)
    assert not errors, [error.format() for error in errors]
    assert site is not None
    return {event.id: event for event in site.timelines[0].events}


def problems(*articles: Article) -> list[str]:
    site, errors = assemble(CONFIG, articles)
    assert site is None
    return [error.format() for error in errors]


STILL_BLOCKED = article("still-blocked", date(2021, 3, 25), ("blockage", "since Tuesday"))
CLEARED = article("cleared", date(2021, 4, 3), ("blockage", "from March 23 to 29"))


def test_a_later_closed_report_closes_an_ongoing_one() -> None:
    blockage = events(STILL_BLOCKED, CLEARED)["blockage"].date
    assert (blockage.start, blockage.end, blockage.ongoing) == (
        date(2021, 3, 23),
        date(2021, 3, 29),
        False,
    )
    # the wider closed run is kept, so it is not called the narrowest
    assert "narrowest" not in blockage.explanation
    assert "saw it still under way" in blockage.explanation


def test_an_ongoing_report_alone_stays_open_at_least_through_its_dateline() -> None:
    blockage = events(STILL_BLOCKED)["blockage"].date
    assert (blockage.start, blockage.end, blockage.ongoing) == (
        date(2021, 3, 23),
        date(2021, 3, 25),
        True,
    )


def test_two_ongoing_reports_keep_the_latest_as_of() -> None:
    later = article("still-blocked-sunday", date(2021, 3, 28), ("blockage", "since March 23"))
    blockage = events(STILL_BLOCKED, later)["blockage"].date
    assert (blockage.start, blockage.end, blockage.ongoing) == (
        date(2021, 3, 23),
        date(2021, 3, 28),
        True,
    )


def test_a_closed_end_before_a_day_it_was_seen_under_way_names_both_articles() -> None:
    short = article("short", date(2021, 4, 3), ("blockage", "from March 22 to 24"))
    [message] = problems(STILL_BLOCKED, short)
    assert "content/still-blocked.md" in message and "content/short.md" in message
    assert "still under way" in message


def test_an_ongoing_report_and_a_later_start_conflict() -> None:
    late_start = article("late-start", date(2021, 3, 30), ("blockage", "from March 26 to 29"))
    [message] = problems(STILL_BLOCKED, late_start)
    assert "content/still-blocked.md" in message and "content/late-start.md" in message


def test_an_event_told_only_ahead_of_time_is_scheduled() -> None:
    preview = article(
        "preview",
        date(2021, 3, 25),
        ("vote", "March 30", "future"),
        ("deadline", "until Sunday"),
        ("blockage", "since Tuesday"),
    )
    told = events(preview)
    assert (told["vote"].status, told["deadline"].status) == ("scheduled", "scheduled")
    assert told["blockage"].status == "reported"


def test_an_event_previewed_then_reported_is_reported() -> None:
    preview = article("preview", date(2021, 3, 25), ("vote", "March 30", "future"))
    result = article("result", date(2021, 3, 31), ("vote", "Tuesday"))
    assert events(preview, result)["vote"].status == "reported"


def test_once_reported_an_event_is_worded_and_explained_by_the_report() -> None:
    """A preview's 'Lawmakers will vote' must not stay the wording of a vote that took place."""
    preview = article("preview", date(2021, 3, 25), ("vote", "March 30", "future"))
    preview = replace(preview, events=(replace(preview.events[0], what="Lawmakers will vote.",
                                               quote="They will vote on March 30."),))
    result = article("result", date(2021, 3, 31), ("vote", "Tuesday"))
    result = replace(result, events=(replace(result.events[0], what="Lawmakers vote.",
                                             quote="They voted on Tuesday."),))
    vote = events(preview, result)["vote"]
    assert (vote.what, vote.quote) == ("Lawmakers vote.", "They voted on Tuesday.")
    assert vote.date.explanation.startswith("Tuesday:")
    assert vote.told == 0  # the story was still told first by the preview


def test_events_of_one_day_follow_the_first_report_not_their_ids() -> None:
    first = article("first", date(2021, 3, 29), ("refloated", "Monday"), ("convoys-move", "Monday"))
    later = article(
        "a-later-one", date(2021, 3, 30), ("blasts", "Monday"), ("convoys-move", "Monday")
    )
    timeline = assemble(CONFIG, [later, first])[0]
    assert timeline is not None
    assert [event.id for event in timeline.timelines[0].events] == [
        "refloated",
        "convoys-move",
        "blasts",
    ]
