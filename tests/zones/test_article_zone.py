"""The article's zone: the dateline's city in the gazetteer, or the `timezone:` given."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dateline.assemble import with_site_zone
from dateline.dates.gazetteer import city_of
from dateline.dates.places import DatelinePlace, dateline_place
from dateline.load.article import load_article
from dateline.load.site_config import load_site_config
from dateline.load.timezone import NO_TIMES
from tests.conftest import SITE_YAML, MakeContent, article

ROOT = Path(__file__).resolve().parents[2]
EVENT = "  - id: strike\n    when: Tuesday\n    what: A strike.\n"
TIMED = "  - id: strike\n    when: 7:40 a.m. Tuesday\n    what: A strike.\n"

PLACES = {
    "ISMAILIA, Egypt, March 25 (Reuters) -": DatelinePlace("ISMAILIA", ("Egypt",)),
    "SINGAPORE/COLOMBO, March 21 (Reuters) -": DatelinePlace("SINGAPORE", ()),
    "Baghdad [Iraq], January 24": DatelinePlace("Baghdad", ("Iraq",)),
    "WASHINGTON, Tuesday (AP) —": DatelinePlace("WASHINGTON", ()),
    "NEW YORK, March 5, 2024 /PRNewswire/ --": DatelinePlace("NEW YORK", ()),
    "Paris, Texas, May 2": DatelinePlace("Paris", ("Texas",)),
    "WASHINGTON —": DatelinePlace("WASHINGTON", ()),
    "Jan 24 (Reuters) - ": None,
    "24 January 2024": None,
}


@pytest.mark.parametrize("dateline", sorted(PLACES))
def test_the_place_is_what_precedes_the_date(dateline: str) -> None:
    assert dateline_place(dateline) == PLACES[dateline]


ZONES = {
    "ISMAILIA, Egypt, March 25": "Africa/Cairo",
    "SINGAPORE/COLOMBO, March 21": "Asia/Singapore",
    "Baghdad [Iraq], January 24": "Asia/Baghdad",
    "WASHINGTON, Tuesday": "America/New_York",
    "NEW YORK, March 5, 2024": "America/New_York",
    "Paris, Texas, May 2": "America/Chicago",
    "Paris, TX, May 2": "America/Chicago",
    "PARIS, May 2": "Europe/Paris",
    "Paris, France, May 2": "Europe/Paris",
    "COPIAPO, Chile, Aug 23": "America/Santiago",
    "KIEV, May 2": "Europe/Kyiv",
    "Washington, Utah, May 2": "America/Denver",
}


@pytest.mark.parametrize("dateline", sorted(ZONES))
def test_the_gazetteer_gives_the_city_zone(dateline: str) -> None:
    place = dateline_place(dateline)
    assert place is not None
    city = city_of(place)
    assert city is not None and city.zone == ZONES[dateline]


@pytest.mark.parametrize("dateline", ["Gotham, May 2", "Paris, Egypt, May 2"])
def test_a_city_the_gazetteer_does_not_know_there_has_no_zone(dateline: str) -> None:
    place = dateline_place(dateline)
    assert place is not None and city_of(place) is None


def test_an_article_takes_its_dateline_city_zone() -> None:
    loaded, errors = load_article("content/a.md", article(TIMED).encode())
    assert errors == [] and loaded is not None
    assert (loaded.place, loaded.zone) == ("Baghdad, Iraq", "Asia/Baghdad")
    assert loaded.zone_note == "Baghdad, Iraq keeps Asia/Baghdad time"


def test_front_matter_timezone_overrides_the_dateline() -> None:
    text = article(EVENT, extra="timezone: Asia/Kolkata\n")
    loaded, errors = load_article("content/a.md", text.encode())
    assert errors == [] and loaded is not None
    assert loaded.zone == "Asia/Kolkata"


def test_a_mistyped_timezone_is_located_with_a_did_you_mean() -> None:
    text = article(EVENT, extra="timezone: Asia/Bagdad\n")
    loaded, errors = load_article("content/a.md", text.encode())
    assert loaded is None
    (error,) = errors
    assert (error.line, error.column) == (6, 11)
    assert error.message == '"Asia/Bagdad" is not an IANA time zone name'
    assert error.hint is not None and error.hint.startswith('did you mean "Asia/Baghdad"')


def test_site_timezone_is_read_and_checked() -> None:
    config, errors = load_site_config("content/site.yaml", (SITE_YAML + "timezone: UTC\n").encode())
    assert errors == [] and config is not None and config.timezone == "UTC"
    config, errors = load_site_config(
        "content/site.yaml", (SITE_YAML + "timezone: Europe/Londn\n").encode())
    assert config is None
    assert '"Europe/Londn" is not an IANA time zone name' in errors[0].format()
    assert 'did you mean "Europe/London"' in errors[0].format()


def test_the_site_timezone_applies_where_the_article_has_none() -> None:
    config, _ = load_site_config("content/site.yaml", (SITE_YAML + "timezone: UTC\n").encode())
    assert config is not None
    known, _ = load_article("content/a.md", article(TIMED).encode())
    unknown, _ = load_article(
        "content/b.md", article(TIMED, dateline="Gotham, January 24").encode())
    assert known is not None and unknown is not None
    assert with_site_zone(known, config).zone == "Asia/Baghdad"
    assert with_site_zone(unknown, config).zone == "UTC"


def test_an_article_whose_events_state_no_time_needs_no_zone() -> None:
    """Days need no zone, so loading does not look the city up (the gazetteer costs half a
    second a process); `check` still looks it up for its note."""
    loaded, errors = load_article("content/a.md", article(EVENT).encode())
    assert errors == [] and loaded is not None
    assert (loaded.place, loaded.zone) == ("Baghdad, Iraq", None)
    assert loaded.zone_note == NO_TIMES


def test_the_site_timezone_reads_times_and_says_so() -> None:
    from dateline.assemble import assemble

    config, _ = load_site_config(
        "content/site.yaml", (SITE_YAML + "timezone: America/New_York\n").encode())
    unknown, _ = load_article("content/b.md", article(
        "  - id: raid\n    when: 7 a.m. Tuesday\n    what: A raid.\n",
        dateline="Gotham, January 24").encode())
    assert config is not None and unknown is not None
    site, errors = assemble(config, [unknown])
    assert errors == [] and site is not None
    (raid,) = site.timelines[0].events
    assert raid.date.timing is not None
    assert raid.date.timing.start == "2024-01-23T07:00:00-05:00"
    assert raid.date.explanation.endswith(
        "7 a.m., local time: the site's timezone (America/New_York) is UTC-5 in January")


def test_check_names_each_article_read_by_days_only(make_content: MakeContent) -> None:
    content = make_content({
        "a.md": article(EVENT, dateline="Gotham, January 24"),
        "b.md": article(EVENT.replace("strike", "raid")),
    })
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "check"],
        capture_output=True, text=True, cwd=content.parent, check=False)
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert notes == [
        'note: content/a.md: the gazetteer knows no city "Gotham", and no timezone is given: '
        'its times of day are not read, only its days (add "timezone:" to its front matter '
        "or to site.yaml)"
    ]
