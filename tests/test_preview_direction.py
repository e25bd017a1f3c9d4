"""A preview's bare weekday read back from the dateline is refused, not silently misdated.

The copy is our own, written as the agencies write; each true date was worked out from the
calendar before the build ran. The dateline of the previews, Wednesday 24 January 2024:

    Sat 20 Jan 2024  the Saturday before it (what `when: Saturday` reads, looking back)
    Sat 27 Jan 2024  the Saturday after it (the day a preview's "Saturday" means)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.cli.main import main
from dateline.engine.pipeline import build_site
from dateline.model import Event, Site
from tests.conftest import MakeContent, article

WASHINGTON = {"dateline": "WASHINGTON, Jan. 24 (Reuters)", "published": "2024-01-24"}
SWORN_IN = (
    "WASHINGTON, Jan. 24 (Reuters) - The state's new governor is due to be sworn in on\n"
    "Saturday, two weeks after a recount settled the race, officials said.\n"
)
# The `when:` value of the first event stands on line 8, column 11 of `article(...)`.
WHEN_AT = "content/a.md:8:11:"


def built(content: Path) -> Site:
    site, errors = build_site(content)
    assert not errors, "\n".join(error.format() for error in errors)
    assert site is not None
    return site


def the_event(site: Site, event_id: str) -> Event:
    return next(event for timeline in site.timelines for event in timeline.events
                if event.id == event_id)


def problems(content: Path) -> str:
    site, errors = build_site(content)
    assert site is None
    return "\n".join(error.format() for error in errors)


@pytest.mark.parametrize(
    ("what", "extra", "body"),
    [
        ("The new governor is due to be sworn in.", "", "Body text.\n"),
        ("The new governor is sworn in.", "", SWORN_IN),
        ("The new governor is sworn in.",
         "    quote: The governor will take the oath of office on Saturday in Springfield.\n",
         "Body text.\n"),
        ("Lawmakers are expected to vote on the budget.", "", "Body text.\n"),
    ],
    ids=["what-says-due-to", "body-sentence-says-due-to", "quote-says-will", "what-expected-to"],
)
def test_a_preview_read_back_from_the_dateline_is_an_error_at_its_when(
    make_content: MakeContent, what: str, extra: str, body: str
) -> None:
    content = make_content({"a.md": article(
        f"  - id: sworn\n    when: Saturday\n    what: {what}\n{extra}", body=body, **WASHINGTON)})
    report = problems(content)
    assert WHEN_AT in report
    assert "still ahead" in report
    assert "Sat 20 Jan 2024" in report  # the day read back
    assert "Sat 27 Jan 2024" in report  # the day `direction: future` gives
    assert 'direction: future' in report and 'direction: past' in report


def test_the_command_line_names_the_place_and_what_to_do(
    make_content: MakeContent, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = make_content({"a.md": article(
        "  - id: sworn\n    when: Saturday\n    what: The new governor is sworn in.\n",
        body=SWORN_IN, **WASHINGTON)})
    assert main(["--content", str(content), "--out", str(tmp_path / "site"), "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert f"{WHEN_AT} " in err
    assert '"is due"' in err
    assert "    when: Saturday\n              ^" in err
    assert "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_the_preview_with_direction_future_builds_on_the_coming_saturday(
    make_content: MakeContent,
) -> None:
    content = make_content({"a.md": article(
        "  - id: sworn\n    when: Saturday\n    direction: future\n"
        "    what: The new governor is sworn in.\n", body=SWORN_IN, **WASHINGTON)})
    event = the_event(built(content), "sworn")
    assert (event.date.start, event.date.end) == (date(2024, 1, 27), date(2024, 1, 27))
    assert event.status == "scheduled"


def test_direction_past_written_out_keeps_the_day_read_back(make_content: MakeContent) -> None:
    """The editor has looked, and the Saturday before is meant: the check is silenced."""
    content = make_content({"a.md": article(
        "  - id: sworn\n    when: Saturday\n    direction: past\n"
        "    what: The new governor is sworn in.\n", body=SWORN_IN, **WASHINGTON)})
    event = the_event(built(content), "sworn")
    assert (event.date.start, event.date.end) == (date(2024, 1, 20), date(2024, 1, 20))


def test_a_second_event_of_the_same_weekday_is_judged_by_its_own_sentence(
    make_content: MakeContent,
) -> None:
    """One story, two Saturdays: the swearing-in ahead (Sat 27 Jan) and a recount certified the
    Saturday before (Sat 20 Jan). The second event's "Saturday" is its own sentence's, not the
    first one's, which the first event already stands at."""
    body = SWORN_IN + (
        "\nThe state board certified the recount on Saturday after a week of hearings, its\n"
        "chairman said.\n")
    content = make_content({"a.md": article(
        "  - id: sworn\n    when: Saturday\n    direction: future\n"
        "    what: The new governor is sworn in.\n"
        "  - id: certified\n    when: Saturday\n"
        "    what: The state board certifies the recount.\n", body=body, **WASHINGTON)})
    site = built(content)
    sworn, certified = the_event(site, "sworn"), the_event(site, "certified")
    assert (sworn.date.start, certified.date.start) == (date(2024, 1, 27), date(2024, 1, 20))
    assert certified.quote is not None and "certified the recount" in certified.quote


# Reported speech: the `when` dates the saying, which is past, whatever the saying looks ahead to.
# LONDON, Thursday 14 March 2024: "Tuesday" is Tue 12 Mar 2024.
@pytest.mark.parametrize(
    ("what", "body"),
    [
        ("The transport minister says he will resign.",
         "LONDON, March 14 (Reuters) - Britain's transport minister said on Tuesday he will\n"
         "resign at the end of the month, after a row over rail funding.\n"),
        ("The rail union says the strike is set to go ahead.",
         "LONDON, March 14 (Reuters) - The rail union told reporters on Tuesday that next\n"
         "week's strike is set to go ahead unless ministers improve their offer.\n"),
        ("Carmaker Halden announces it plans to cut 2,000 jobs.",
         "LONDON, March 14 (Reuters) - Carmaker Halden announced on Tuesday that it plans to\n"
         "cut 2,000 jobs, and said it is expected to close a plant in 2025.\n"),
        ("'\"We will win this seat,\" the Labour candidate tells a rally in Leeds.'",
         "LONDON, March 14 (Reuters) - \"We will win this seat,\" the Labour candidate told a\n"
         "rally in Leeds on Tuesday.\n"),
    ],
    ids=["said-he-will", "told-that-is-set-to", "announced-that-plans-to", "quoted-speech-first"],
)
def test_reported_speech_about_the_future_dates_the_saying_without_complaint(
    make_content: MakeContent, what: str, body: str
) -> None:
    content = make_content({"a.md": article(
        f"  - id: said\n    when: Tuesday\n    what: {what}\n", body=body,
        dateline="LONDON, March 14 (Reuters)", published="2024-03-14")})
    event = the_event(built(content), "said")
    assert (event.date.start, event.date.end) == (date(2024, 3, 12), date(2024, 3, 12))
    assert event.status == "reported"


@pytest.mark.parametrize(
    ("when", "what", "body", "day"),
    [
        # A marker after the date belongs to another verb: the curfew began on Sat 20 Jan.
        ("Saturday", "A curfew begins in the capital.",
         "WASHINGTON, Jan. 24 (Reuters) - A curfew that began on Saturday will be lifted\n"
         "at the weekend, the mayor said.\n", date(2024, 1, 20)),
        # Two verbs joined by "and": "will" governs the trip, not the meeting of Sat 20 Jan.
        ("Saturday", "The governor meets union leaders.",
         "WASHINGTON, Jan. 24 (Reuters) - The governor will travel to Boston next week and met\n"
         "union leaders on Saturday, his office said.\n", date(2024, 1, 20)),
        # A date naming a thing ("the Nov. 5 election") is not what "will" governs.
        ("Nov. 5", "Voters elect a new county board.",
         "WASHINGTON, Jan. 24 (Reuters) - The county will publish the results of the Nov. 5\n"
         "election on Monday.\n", date(2023, 11, 5)),
        # Read either way, Jan. 30 is the coming one: the direction does not matter.
        ("Jan. 30", "The new governor is due to be sworn in.", "Body text.\n",
         date(2024, 1, 30)),
        ("next week", "Lawmakers are expected to vote on the budget.", "Body text.\n",
         date(2024, 1, 29)),
    ],
    ids=["marker-after-the-date", "another-verb-joined-by-and", "attributive-date",
         "closest-is-ahead", "next-week"],
)
def test_words_that_do_not_make_the_direction_matter_build_as_before(
    make_content: MakeContent, when: str, what: str, body: str, day: date
) -> None:
    content = make_content({"a.md": article(
        f"  - id: e\n    when: {when}\n    what: {what}\n", body=body, **WASHINGTON)})
    assert the_event(built(content), "e").date.start == day


def test_a_body_edit_that_makes_an_event_a_preview_is_caught_by_the_next_build(
    make_content: MakeContent, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    sworn = "  - id: sworn\n    when: Saturday\n    what: The new governor is sworn in.\n"
    content = make_content({"a.md": article(sworn, body=(
        "WASHINGTON, Jan. 24 (Reuters) - The state's new governor was sworn in on\n"
        "Saturday, two weeks after a recount settled the race.\n"), **WASHINGTON)})
    assert main(["--content", str(content), "--out", str(out), "--no-pdf"]) == 0
    (content / "a.md").write_text(article(sworn, body=SWORN_IN, **WASHINGTON), encoding="utf-8")
    assert main(["--content", str(content), "--out", str(out), "--no-pdf"]) == 1


# TAIPEI, Wednesday 10 January 2024: the rally was on Tue 9 Jan; read ahead it would be the 16th.
TAIPEI = {"dateline": "TAIPEI, Jan 10 (Reuters)", "published": "2024-01-10"}
RALLY = ("TAIPEI, Jan 10 (Reuters) - Lai Ching-te, the ruling party's candidate, held a rally\n"
         "in Taipei on Tuesday, telling supporters he would protect the island's democracy.\n")


@pytest.mark.parametrize(
    "what",
    [
        "Lai Ching-te, frontrunner to be Taiwan's next president, holds a rally in Taipei.",
        "Lai Ching-te, who will take office in May if he wins, holds a rally in Taipei.",
        "Lai Ching-te, whose party faces the coming vote, holds a rally in Taipei.",
        "Lai Ching-te holds a rally in Taipei, which will host the main count.",
        "Lai Ching-te holds a rally in Taipei, where police will close roads for the vote.",
    ],
    ids=["next-in-an-aside", "who-will-in-an-aside", "coming-in-an-aside",
         "which-will-to-the-end", "where-will-to-the-end"],
)
def test_a_marker_in_an_aside_about_someone_does_not_make_the_event_a_preview(
    make_content: MakeContent, what: str
) -> None:
    """An aside set off by commas describes whom it names: the event is the rally, told after
    the fact, and its words outside the aside say nothing about it being ahead."""
    content = make_content({"a.md": article(
        f"  - id: rally\n    when: Tuesday\n    what: {what}\n", body=RALLY, **TAIPEI)})
    event = the_event(built(content), "rally")
    assert (event.date.start, event.date.end) == (date(2024, 1, 9), date(2024, 1, 9))


@pytest.mark.parametrize(
    "what",
    [
        "Unions, employers and ministers will meet in Taipei.",
        "In a first, the next president will address parliament.",
        "Lai Ching-te, the ruling party's candidate, is due to hold a rally in Taipei.",
        "The next round of talks opens in Taipei.",
        "Lai Ching-te will hold a rally in Taipei, which hosts the main count.",
        "In a first, the next round of talks opens in Taipei.",
    ],
    ids=["list-then-will", "leading-phrase-then-will", "aside-then-is-due", "next-outside-asides",
         "will-then-which", "leading-phrase-then-next"],
)
def test_a_marker_outside_an_aside_about_someone_still_makes_the_event_a_preview(
    make_content: MakeContent, what: str
) -> None:
    content = make_content({"a.md": article(
        f"  - id: e\n    when: Tuesday\n    what: {what}\n", **TAIPEI)})
    report = problems(content)
    assert "still ahead" in report
    assert "Tue 16 Jan 2024" in report


# Found by trying the check on agency copy. WASHINGTON, Wednesday 24 January 2024: a Saturday
# ahead is Sat 27 Jan, read back Sat 20 Jan; "Tuesday" is Tue 23 Jan read back.
@pytest.mark.parametrize(
    ("what", "body"),
    [
        ("Voters choose a president in a runoff.",
         "WASHINGTON, Jan. 24 (Reuters) - Voters will choose between the governor and the\n"
         "senator in a runoff on Saturday.\n"),
        ("Dock workers strike.",
         "WASHINGTON, Jan. 24 (Reuters) - Talks broke down, with a strike set to begin at\n"
         "the ports on Saturday.\n"),
        ("Dock workers strike.",
         "WASHINGTON, Jan. 24 (Reuters) - Talks broke down, with a strike set to begin at\n"
         "12:01 a.m. on Saturday.\n"),
    ],
    ids=["will-choose-between-x-and-y", "set-to-begin", "set-to-begin-at-a-time"],
)
def test_previews_worded_as_the_wires_word_them_are_caught(
    make_content: MakeContent, what: str, body: str
) -> None:
    content = make_content({"a.md": article(
        f"  - id: sworn\n    when: Saturday\n    what: {what}\n", body=body, **WASHINGTON)})
    report = problems(content)
    assert WHEN_AT in report and "Sat 27 Jan 2024" in report


@pytest.mark.parametrize(
    "what",
    [
        "The central bank holds rates and signals it will cut in March.",
        "Strikers vow they will stay out.",
        "The chipmaker unveils its next-generation chip.",
        "The central bank leaves rates unchanged; its next meeting is in March.",
        "Parliament elects a speaker who will serve until 2026.",
    ],
    ids=["signals-it-will", "vow-they-will", "next-generation", "after-a-semicolon",
         "who-will-describes-someone"],
)
def test_a_past_event_whose_what_looks_ahead_at_something_else_builds(
    make_content: MakeContent, what: str
) -> None:
    content = make_content({"a.md": article(
        f"  - id: done\n    when: Tuesday\n    what: {what}\n", **WASHINGTON)})
    event = the_event(built(content), "done")
    assert (event.date.start, event.date.end) == (date(2024, 1, 23), date(2024, 1, 23))
