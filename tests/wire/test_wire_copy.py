"""Wire copy as the agencies send it, built end to end and compared event by event with the
dates in truth.yaml, which were written down from the public record before the build ran."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from dateline.engine.pipeline import build_site
from dateline.model import Event, Site

HERE = Path(__file__).parent
TRUTH: dict[str, dict[str, date | list[date]]] = yaml.safe_load(
    (HERE / "truth.yaml").read_text(encoding="utf-8")
)
CASES = [(timeline, event) for timeline, events in TRUTH.items() for event in events]
STATUS: dict[str, dict[str, str]] = yaml.safe_load(
    (HERE / "status.yaml").read_text(encoding="utf-8")
)["status"]


@pytest.fixture(scope="module")
def site() -> Site:
    built, errors = build_site(HERE / "content")
    assert not errors, "\n".join(error.format() for error in errors)
    assert built is not None
    return built


def test_the_set_is_as_large_as_promised(site: Site) -> None:
    assert len(site.articles) >= 15
    assert len(site.timelines) >= 3


@pytest.mark.parametrize(("timeline", "event_id"), CASES, ids=[f"{t}/{e}" for t, e in CASES])
def test_every_event_lands_on_its_true_days(site: Site, timeline: str, event_id: str) -> None:
    truth = TRUTH[timeline][event_id]
    start, end = truth if isinstance(truth, list) else (truth, truth)
    event = _event(site, timeline, event_id)
    assert (event.date.start, event.date.end) == (start, end), event.date.explanation


@pytest.mark.parametrize(("timeline", "event_id"), CASES, ids=[f"{t}/{e}" for t, e in CASES])
def test_every_event_is_scheduled_or_reported_as_the_facts_say(
    site: Site, timeline: str, event_id: str
) -> None:
    assert _event(site, timeline, event_id).status == STATUS[timeline][event_id]


def _event(site: Site, timeline: str, event_id: str) -> Event:
    events = {e.id: e for t in site.timelines if t.config.slug == timeline for e in t.events}
    return events[event_id]


def test_every_event_of_the_copy_is_in_the_truth(site: Site) -> None:
    built = {(t.config.slug, event.id) for t in site.timelines for event in t.events}
    assert built == set(CASES)
    assert built == {(timeline, event) for timeline, events in STATUS.items() for event in events}
