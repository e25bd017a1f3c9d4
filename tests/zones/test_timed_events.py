"""What events carry: times merged across reports, ordered within a day, moved by hours."""

from __future__ import annotations

from dateline.assemble import assemble
from dateline.load.article import load_article
from dateline.load.site_config import load_site_config
from dateline.model import Article, Event
from tests.conftest import SITE_YAML, article


def event(event_id: str, when: str, anchor: str | None = None) -> str:
    lines = f"  - id: {event_id}\n    when: {when}\n    what: Something.\n"
    return lines + (f"    anchor: {anchor}\n" if anchor else "")


def load(path: str, events: str) -> Article:
    loaded, errors = load_article(path, article(events).encode())
    assert errors == [] and loaded is not None
    return loaded


def build(*articles: Article) -> tuple[list[Event], list[str]]:
    config, _ = load_site_config("content/site.yaml", SITE_YAML.encode())
    assert config is not None
    site, errors = assemble(config, articles)
    if site is None:
        return [], [error.format() for error in errors]
    return list(site.timelines[0].events), []


def test_a_timed_report_nested_in_a_day_report_keeps_the_time() -> None:
    events, errors = build(load("content/a.md", event("raid", "Tuesday")),
                           load("content/b.md", event("raid", "7:40 a.m. Tuesday")))
    assert errors == []
    (raid,) = events
    assert raid.date.timing is not None
    assert raid.date.timing.start == "2024-01-23T07:40:00+03:00"


def test_two_timed_reports_that_do_not_overlap_conflict_naming_both() -> None:
    _, errors = build(load("content/a.md", event("raid", "7:40 a.m. Tuesday")),
                      load("content/b.md", event("raid", "Tuesday at 3 p.m.")))
    (error,) = errors
    assert error.startswith("content/b.md:")
    assert 'event "raid" is timed 15:00 on Tue 23 Jan 2024 (Asia/Baghdad) here' in error
    assert "content/a.md:8 times it 07:40 on Tue 23 Jan 2024 (Asia/Baghdad)" in error


def test_overlapping_timed_reports_keep_the_narrowest() -> None:
    events, errors = build(load("content/a.md", event("raid", "Tuesday morning")),
                           load("content/b.md", event("raid", "Tuesday at about 7:40 a.m.")))
    assert errors == []
    timing = events[0].date.timing
    assert timing is not None and timing.start == "2024-01-23T07:40:00+03:00"


def test_within_a_day_timed_events_come_by_time_then_untimed_ones() -> None:
    events, errors = build(load("content/a.md", "".join((
        event("aa-untimed", "Tuesday"),
        event("bb-evening", "Tuesday at 9 p.m."),
        event("cc-gmt", "0500 GMT Tuesday"),
        event("dd-dawn", "Tuesday at 6:30 a.m."),
        event("ee-monday", "Monday"),
    ))))
    assert errors == []
    assert [e.id for e in events] == ["ee-monday", "dd-dawn", "cc-gmt", "bb-evening",
                                      "aa-untimed"]


def test_hours_after_a_timed_anchor_keep_the_time() -> None:
    events, errors = build(load("content/a.md", "".join((
        event("blast", "Tuesday at 10:30 p.m."),
        event("claim", "three hours later", anchor="blast"),
        event("arrest", "36 hours after", anchor="blast"),
    ))))
    assert errors == []
    by_id = {e.id: e.date for e in events}
    claim, arrest = by_id["claim"], by_id["arrest"]
    assert claim.timing is not None and arrest.timing is not None
    assert (str(claim.start), claim.timing.start) == ("2024-01-24", "2024-01-24T01:30:00+03:00")
    assert claim.approximate is False and claim.granularity == "day"
    assert (str(arrest.start), arrest.timing.start) == ("2024-01-25",
                                                        "2024-01-25T10:30:00+03:00")
