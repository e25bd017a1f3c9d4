"""suggest, --write and coverage on small articles, against output written out by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dateline.authoring.coverage import coverage_warnings
from dateline.authoring.suggest import suggest, suggest_events
from dateline.authoring.suggest_write import SuggestWriteError, with_suggestions
from dateline.authoring.wording import Suggestion, slug
from dateline.load.article import load_article
from dateline.load.fields import SLUG
from dateline.model import Article
from tests.cli_runner import run_dateline

ARTICLES = Path(__file__).resolve().parent / "articles"


def article(path: Path, name: str | None = None) -> Article:
    loaded, errors = load_article(name or f"content/{path.name}", path.read_bytes())
    assert loaded is not None, errors
    return loaded


def test_suggest_drafts_every_uncovered_date_with_an_anchor_from_its_sentence() -> None:
    drones = article(ARTICLES / "2023-10-18-drones.md")
    assert suggest_events(drones) == (
        "events:\n"
        "  - id: groups-started-drones\n"
        "    when: Wednesday\n"
        "    what: Armed groups aligned with Tehran have started to fire drones at bases in Iraq"
        " where American troops are stationed, defence officials told reporters.\n"
        "  - id: attacks-came\n"
        "    when: 10 days after\n"
        "    what: The first of the attacks came.\n"
        "    anchor: hamas-attacked-israel\n"
        "  - id: hamas-attacked-israel\n"
        "    when: October 7\n"
        "    what: Hamas attacked Israel.\n"
        "  - id: pentagon-brief-congress\n"
        "    when: Friday\n"
        "    what: The Pentagon will brief Congress.\n"
        "    direction: future\n"
    )


def test_suggest_skips_covered_dates_and_drafts_the_clause_of_its_own_date() -> None:
    port = article(ARTICLES / "2024-03-13-port.md")
    assert suggest_events(port) == (
        "events:\n"
        "  - id: authority-said-ships\n"
        "    when: Tuesday\n"
        "    what: The port authority said that 300 ships were waiting.\n"
        "  - id: talks-resume-union\n"
        "    when: Friday\n"
        "    what: Talks resume, the union said.\n"
    )


def test_write_adds_lines_and_changes_no_other_byte(tmp_path: Path) -> None:
    source = ARTICLES / "2024-03-13-port.md"
    target = tmp_path / source.name
    shutil.copy(source, target)
    text = target.read_text(encoding="utf-8")
    target.write_text(with_suggestions(text, suggest(article(source)), target.name),
                      encoding="utf-8")
    before = source.read_text(encoding="utf-8").splitlines(keepends=True)
    added = (
        "    -   id: authority-said-ships\n"
        "        when: Tuesday\n"
        "        what: The port authority said that 300 ships were waiting.\n"
        "    -   id: talks-resume-union\n"
        "        when: Friday\n"
        "        what: Talks resume, the union said.\n"
    ).splitlines(keepends=True)
    # after the last line of the last event ("Dock workers walk out over pay."), line 11
    assert target.read_text(encoding="utf-8").splitlines(keepends=True) == (
        before[:11] + added + before[11:]
    )
    assert suggest(article(target)) == []


def test_write_refuses_a_file_it_cannot_parse(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    content = "---\ntitle: [unclosed\nevents:\n  - id: a\n---\n\nOn Monday it rained.\n"
    broken.write_text(content, encoding="utf-8")
    drafts = suggest(article(ARTICLES / "2024-03-13-port.md"))
    with pytest.raises(SuggestWriteError, match="cannot parse"):
        with_suggestions(content, drafts, broken.name)
    assert broken.read_text(encoding="utf-8") == content


def test_coverage_names_uncovered_dates_and_missing_whens() -> None:
    port = article(ARTICLES / "2024-03-13-port.md")
    shown = [warning.format().splitlines()[0] for warning in coverage_warnings(port)]
    # body starts on line 15 (a blank line); "Tuesday" is at column 67 of line 16, "Friday" at
    # column 41 of line 17
    assert shown == [
        'content/2024-03-13-port.md:16:67: "Tuesday" is a date no event covers'
        " (add an event for it, e.g. python build.py suggest content/2024-03-13-port.md)",
        'content/2024-03-13-port.md:17:41: "Friday" is a date no event covers'
        " (add an event for it, e.g. python build.py suggest content/2024-03-13-port.md)",
    ]


def test_coverage_flags_a_when_the_body_never_uses() -> None:
    source = (ARTICLES / "2024-03-13-port.md").read_text(encoding="utf-8")
    changed = source.replace('when: "Monday"', 'when: "Sunday"')
    loaded, errors = load_article("content/x.md", changed.encode("utf-8"))
    assert loaded is not None, errors
    messages = [(w.line, w.column, w.message) for w in coverage_warnings(loaded)]
    assert (9, 16, 'the when "Sunday" of event "strike-begins" does not occur in the body') \
        in messages
    assert any('"Monday" is a date no event covers' in message for _, _, message in messages)


def wire_story(body: str, events: str = "events: []\n", published: str = "2022-03-21",
               dateline: str = "COLOMBO, March 21 (Reuters) -") -> Article:
    text = (f'---\ntitle: A story\ndateline: "{dateline}"\npublished: {published}\n'
            f"timeline: wire\n{events}---\n\n{body}\n")
    loaded, errors = load_article("content/story.md", text.encode("utf-8"))
    assert loaded is not None, errors
    return loaded


RESIGNED = "  - id: minister-resigns\n    when: Friday\n    what: The finance minister resigns.\n"


def test_a_day_after_he_resigned_anchors_the_arrest_on_the_resignation() -> None:
    story = wire_story("COLOMBO, March 21 (Reuters) - Police arrested the former finance minister"
                       " a day after he resigned on Friday.\n",
                       events="events:\n" + RESIGNED)
    assert suggest(story) == [Suggestion(
        "police-arrested-minister", "a day after",
        "Police arrested the former finance minister.", anchor="minister-resigns")]


def test_the_counted_from_event_is_never_dated_from_the_reported_one() -> None:
    story = wire_story("COLOMBO, March 21 (Reuters) - Police arrested the former finance minister"
                       " on Saturday, a day after he resigned, officials said on Monday.\n")
    assert suggest(story) == [Suggestion(
        "police-arrested-minister", "Saturday", "Police arrested the former finance minister.")]


def test_an_anchor_named_by_another_articles_event_of_the_timeline() -> None:
    grounding = wire_story("COLOMBO, March 21 (Reuters) - The ship ran aground on Tuesday.\n",
                           events="events:\n  - id: grounding\n    when: Tuesday\n"
                                  "    what: The Ever Given runs aground in the Suez Canal.\n")
    story = wire_story("ISMAILIA, Egypt, July 7 (Reuters) - The Ever Given left the canal,"
                       " more than three months after it ran aground.\n", published="2021-07-07",
                       dateline="ISMAILIA, Egypt, July 7 (Reuters) -")
    assert suggest(story, timeline_events=grounding.events) == [Suggestion(
        "given-left-canal", "more than three months after", "The Ever Given left the canal.",
        anchor="grounding")]


def test_direction_comes_from_the_clause_holding_the_date() -> None:
    story = wire_story("COLOMBO, March 21 (Reuters) - The fund said late Monday that the first"
                       " tranche will be released. The board will meet on Friday.\n",
                       published="2023-03-21")
    drafts = suggest(story)
    assert [(d.when, d.direction) for d in drafts] == [("late Monday", None),
                                                       ("Friday", "future")]


def test_a_date_the_build_would_take_for_a_previews_is_drafted_ahead() -> None:
    """Monday 22 July 2024: the heatwave "is expected on Tuesday or Wednesday", so Tue 23 and
    Wed 24 July. The clause of "or Wednesday" holds no verb; its sentence says "is expected",
    which the build refuses to read back, so the draft must read it ahead to build at all."""
    story = wire_story("LONDON, July 22 (Reuters) - Officials urged people to stay indoors"
                       " until the heatwave breaks, which is expected on Tuesday or Wednesday.\n",
                       published="2024-07-22", dateline="LONDON, July 22 (Reuters) -")
    drafts = {draft.when: draft.direction for draft in suggest(story)}
    assert drafts == {"Tuesday": "future", "Wednesday": "future"}


def test_two_days_joined_by_or_are_alternatives_drafted_with_their_clauses_whole_what() -> None:
    """Monday 21 October 2024: the court "is expected to rule on Tuesday or Wednesday", Tue 22 or
    Wed 23 October. A `when` cannot say "or", so each day gets a draft, both telling the
    ruling: neither takes "or" into its what, nor leaves the other a what of its own words."""
    story = wire_story("FRANKFURT, Oct 21 (Reuters) - A German labour court is expected to rule on"
                       " Tuesday or Wednesday on whether a strike by train drivers can go ahead.\n",
                       published="2024-10-21", dateline="FRANKFURT, Oct 21 (Reuters) -")
    ruling = ("A German labour court is expected to rule on whether a strike by train drivers can"
              " go ahead.")
    assert suggest(story) == [
        Suggestion("court-expected-rule", "Tuesday", ruling, direction="future"),
        Suggestion("court-expected-rule-2", "Wednesday", ruling, direction="future")]


def test_a_relative_clause_dated_tuesday_or_wednesday_drafts_no_empty_event() -> None:
    """The heatwave "is expected on Tuesday or Wednesday": both days draft the same clause."""
    story = wire_story("LONDON, July 22 (Reuters) - Officials urged people to stay indoors"
                       " until the heatwave breaks, which is expected on Tuesday or Wednesday.\n",
                       published="2024-07-22", dateline="LONDON, July 22 (Reuters) -")
    drafts = suggest(story)
    assert [draft.when for draft in drafts] == ["Tuesday", "Wednesday"]
    assert drafts[0].what == drafts[1].what == (
        "Officials urged people to stay indoors until the heatwave breaks, which is expected.")
    assert drafts[1].id == f"{drafts[0].id}-2"


def test_said_they_would_resume_on_monday_dates_the_resumption_not_the_saying() -> None:
    """Saturday 3 February 2024: talks "broke up late Friday" (Fri 2 Feb) "and delegates said they
    would resume on Monday" (Mon 5 Feb). The Monday is the resumption's, not when it was said:
    a closing clause is a source only when its date follows the saying, not a clause of its own."""
    story = wire_story("GENEVA, Feb 3 (AFP) - Talks broke up late Friday without agreement, and"
                       " delegates said they would resume on Monday.\n",
                       published="2024-02-03", dateline="GENEVA, Feb 3 (AFP) -")
    assert suggest(story) == [
        Suggestion("talks-broke", "late Friday", "Talks broke up without agreement."),
        Suggestion("delegates-resume", "Monday", "Delegates said they would resume.",
                   direction="future")]
    assert [warning.message for warning in coverage_warnings(story)] == [
        '"late Friday" is a date no event covers', '"Monday" is a date no event covers']


def test_a_year_naming_a_thing_is_no_date_of_the_clause_that_dates_it_otherwise() -> None:
    """Thursday 14 November 2024: parliament "approved the 2025 budget on Wednesday", Wed 13
    November 2024. The approval is not dated 2025: the year names the budget and stays in the
    what, and the Wednesday keeps the clause's words (an empty what made import refuse it)."""
    story = wire_story("VILNIUS, Nov 14 (Reuters) - Lithuania's parliament approved the 2025"
                       " budget on Wednesday, after talks that began last month.\n",
                       published="2024-11-14", dateline="VILNIUS, Nov 14 (Reuters) -")
    assert [(draft.when, draft.what) for draft in suggest(story)] == [
        ("Wednesday", "Lithuania's parliament approved the 2025 budget."),
        ("last month", "Talks began.")]


def test_a_date_whose_clause_has_no_words_left_drafts_its_whole_sentence() -> None:
    """Cutting "on Monday" away from its clause leaves nothing; the build refuses an empty
    `what`, so the draft offers the sentence for the editor to cut down."""
    story = wire_story("GENEVA, Feb 6 (Reuters) - Delegates said on Friday they would resume"
                       " on Monday.\n", published="2024-02-06",
                       dateline="GENEVA, Feb 6 (Reuters) -")
    monday = next(draft for draft in suggest(story) if draft.when == "Monday")
    assert monday.what == "Delegates said on Friday they would resume on Monday."
    assert monday.id == "delegates-friday-resume"


def test_the_dateline_is_no_event_and_no_part_of_a_what() -> None:
    story = wire_story("COLOMBO, March 21 (Reuters) - Hundreds of patients were turned away on"
                       " Tuesday, the day after the walkout began, doctors said on Monday.\n")
    assert suggest(story) == [Suggestion(
        "patients-turned", "Tuesday", "Hundreds of patients were turned away.")]


def test_check_coverage_never_warns_about_the_bodys_own_dateline() -> None:
    story = wire_story("COLOMBO, March 21 (Reuters) - Nothing happened.\n")
    assert coverage_warnings(story) == []


def test_a_sentence_with_three_dates_is_one_draft_with_a_short_id() -> None:
    story = wire_story("COLOMBO, March 21 (Reuters) - The International Monetary Fund approved a"
                       " $2.9 billion bailout for Sri Lanka, the fund said late Monday.\n",
                       published="2023-03-21")
    assert suggest(story) == [Suggestion(
        "fund-approved-bailout", "late Monday",
        "The International Monetary Fund approved a $2.9 billion bailout for Sri Lanka, the fund"
        " said.")]


def test_a_desk_note_is_no_event() -> None:
    story = wire_story("COLOMBO, Sept 23 (Reuters) - Anura Kumara Dissanayake was sworn in as"
                       " president on Monday.\n\n(This story has been corrected to say the"
                       " swearing-in took place on Monday, not Sunday, in paragraph 1)\n",
                       published="2024-09-23", dateline="COLOMBO, Sept 23 (Reuters) -")
    assert [(d.when, d.what) for d in suggest(story)] == [
        ("Monday", "Anura Kumara Dissanayake was sworn in as president.")]


def test_a_date_in_a_relative_clause_dates_what_that_clause_tells() -> None:
    story = wire_story("LONDON, Oct 20 (Reuters) - Truss, who took office on Sept. 6, will stay on"
                       " until a successor is chosen.\n", published="2022-10-20",
                       dateline="LONDON, Oct 20 (Reuters) -")
    assert [(d.when, d.what) for d in suggest(story)] == [("Sept. 6", "Truss took office.")]


def test_coverage_is_quiet_about_the_dates_a_covered_event_accounts_for() -> None:
    story = wire_story("COLOMBO, March 21 (Reuters) - Police arrested the former finance minister"
                       " on Saturday, a day after he resigned, officials said on Monday.\n\n"
                       "(This story has been corrected to say the arrest was on Saturday, not"
                       " Sunday)\n",
                       events="events:\n  - id: arrest\n    when: Saturday\n"
                              "    what: Police arrest the former finance minister.\n")
    assert [warning.message for warning in coverage_warnings(story)] == []
    uncovered = wire_story(story.body)
    assert [warning.message for warning in coverage_warnings(uncovered)] == [
        '"Saturday" is a date no event covers']


def test_two_days_later_in_the_sentence_of_another_date_is_its_own_event() -> None:
    story = wire_story("COLOMBO, March 21 (Reuters) - Talks collapsed on Monday, and two days"
                       " later the union called a strike.\n", published="2022-03-23",
                       dateline="COLOMBO, March 23 (Reuters) -")
    assert suggest(story) == [
        Suggestion("talks-collapsed", "Monday", "Talks collapsed."),
        Suggestion("union-called-strike", "two days later", "The union called a strike.",
                   anchor="talks-collapsed"),
    ]


def test_what_someone_said_keeps_its_speaker() -> None:
    story = wire_story("COLOMBO, March 21 (Reuters) - The head of the central bank said that"
                       " rates would rise on Friday.\n", published="2022-03-21")
    assert [d.what for d in suggest(story)] == [
        "The head of the central bank said that rates would rise."]


@pytest.mark.parametrize("what", [
    "China's defence ministry on the drills.",  # no verb: the id is made of key words
    "Taiwan's election commission count.",
    "Officials' statement.",
])
def test_a_drafted_id_is_one_the_build_accepts(what: str) -> None:
    assert SLUG.fullmatch(slug(what)), slug(what)


def test_a_date_is_drafted_ahead_by_the_words_before_it_not_those_after() -> None:
    """NEW DELHI, Tuesday 5 September 2023: the talks began on Sunday 3 September and resume on
    Thursday 7 September; "will" belongs to the resumption."""
    story = wire_story("NEW DELHI, Sept 5 (Reuters) - Sherpa talks that began on Sunday will"
                       " resume on Thursday.\n", published="2023-09-05",
                       dateline="NEW DELHI, Sept 5 (Reuters) -")
    drafts = suggest(story)
    assert {draft.when: draft.direction for draft in drafts} == {
        "Sunday": None, "Thursday": "future"}
    assert drafts[0].what == "Sherpa talks began."


def test_a_what_ending_in_an_abbreviation_ends_with_one_full_stop() -> None:
    story = wire_story("LONDON, July 2 (Reuters) - Talks were held in the U.S. on Monday.\n",
                       published="2024-07-02", dateline="LONDON, July 2 (Reuters) -")
    assert [draft.what for draft in suggest(story)] == ["Talks were held in the U.S."]


def test_a_number_with_a_thousands_comma_is_not_cut_between_two_drafts() -> None:
    story = wire_story("WASHINGTON, Nov 1 (Reuters) - The Labor Department said on Friday that the"
                       " economy added just 12,000 jobs in October, a figure distorted by"
                       " hurricanes.\n", published="2024-11-01",
                       dateline="WASHINGTON, Nov 1 (Reuters) -")
    whats = [draft.what for draft in suggest(story)]
    assert "12,000 jobs" in whats[0] and not any(what.startswith("000") for what in whats)


def test_a_clock_time_before_a_date_is_drafted_into_its_when() -> None:
    """BALTIMORE, Wednesday 27 March 2024: the bridge fell at about 1:30 a.m. on Tuesday 26
    March. The time goes into the `when`, so the built event keeps its time of day."""
    story = wire_story("BALTIMORE, March 27 (Reuters) - The Francis Scott Key Bridge collapsed at"
                       " about 1:30 a.m. on Tuesday after a ship hit it, officials said.\n",
                       published="2024-03-27", dateline="BALTIMORE, March 27 (Reuters) -")
    (draft,) = suggest(story)
    assert draft.when == "about 1:30 a.m. on Tuesday"
    assert draft.what == ("The Francis Scott Key Bridge collapsed after a ship hit it, officials"
                          " said.")


def test_suggest_write_adds_the_drafts_to_the_file_and_it_checks_clean(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yaml").write_text("title: Desk\ntimelines:\n  port-strike:\n    title: Port\n",
                                       encoding="utf-8")
    target = content / "2024-03-13-port.md"
    shutil.copy(ARTICLES / target.name, target)
    written = run_dateline("suggest", str(target), "--write", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert "added 2 events" in written.stdout
    assert suggest(article(target)) == []
    assert sorted(path.name for path in content.iterdir()) == [target.name, "site.yaml"]
    checked = run_dateline("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
