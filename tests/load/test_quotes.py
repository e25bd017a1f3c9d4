"""The sentence shown under an event: as a reader sees it, without the wire's dateline lead, and
not repeated under a second event of the same article."""

from __future__ import annotations

import pytest

from dateline.engine.pipeline import build_site
from dateline.load.sentences import sentence_quotes
from tests.conftest import MakeContent, article


@pytest.mark.parametrize(
    "lead",
    [
        "ISMAILIA, Egypt, March 25 (Reuters) - ",
        "SUEZ, Egypt, March 24 (Reuters) - ",
        "COLOMBO, Sri Lanka, May 9 (AP) \u2014 ",
        "SAN JOSE MINE, Chile, Oct. 9 (AP) \u2014 ",
        "SINGAPORE/COLOMBO, July 14 (Reuters) - ",
        "SANTIAGO, Oct 14 (AFP) - ",
        "NEW YORK, March 5, 2024 /PRNewswire/ -- ",
        "**WASHINGTON** \u2014 ",
        "GENEVA, Oct 3 (Reuters/AP) \u2013 ",
    ],
)
def test_the_dateline_lead_is_not_quoted(lead: str) -> None:
    body = f"{lead}Dredgers worked on Thursday to free the ship.\n\nMore text.\n"
    assert sentence_quotes(body, ["Thursday"]) == ["Dredgers worked on Thursday to free the ship."]


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO - the alliance - met on Thursday.",
        "US officials said on Thursday the talks would go on.",
        "UNICEF, the children's fund, said on Thursday it needed more.",
    ],
)
def test_capitals_that_begin_a_sentence_are_kept(sentence: str) -> None:
    assert sentence_quotes(sentence + "\n", ["Thursday"]) == [sentence]


def test_events_of_the_same_day_are_quoted_with_their_own_sentences() -> None:
    body = ("A decision is expected on Wednesday. Lawmakers passed the aid bill Wednesday.\n"
            "Crews cleared the road on Monday, and the bridge reopened on Monday.\n")
    assert sentence_quotes(body, ["on Wednesday", "Wednesday", "Monday", "Monday"]) == [
        "A decision is expected on Wednesday.", "Lawmakers passed the aid bill Wednesday.",
        "Crews cleared the road on Monday, and the bridge reopened on Monday.",
        "Crews cleared the road on Monday, and the bridge reopened on Monday.",
    ]
    assert sentence_quotes(body, ["Tuesday", "Monday"]) == [
        None, "Crews cleared the road on Monday, and the bridge reopened on Monday."]


def test_each_list_item_is_its_own_sentence_without_its_marker() -> None:
    body = ("Key developments:\n\n"
            "- Aid agencies met mediators in Accra earlier this month, officials said.\n"
            "- Prosecutors lifted the emergency on Monday.\n"
            "* Police left on Tuesday.\n"
            "1. Crews returned Wednesday.\n")
    assert sentence_quotes(body, ["earlier this month", "Monday", "Tuesday", "Wednesday"]) == [
        "Aid agencies met mediators in Accra earlier this month, officials said.",
        "Prosecutors lifted the emergency on Monday.", "Police left on Tuesday.",
        "Crews returned Wednesday.",
    ]


def test_a_sentence_is_quoted_under_the_first_of_its_events_only(
    make_content: MakeContent,
) -> None:
    body = (
        "Rajapaksa, who fled to the Maldives on Wednesday, landed in Singapore on Thursday.\n\n"
        "He resigned on Friday.\n"
    )
    events = (
        "  - id: flees\n    when: Wednesday\n    what: Flees.\n"
        "  - id: lands\n    when: Thursday\n    what: Lands.\n"
        "  - id: resigns\n    when: Friday\n    what: Resigns.\n"
    )
    content = make_content({"a.md": article(events, dateline="COLOMBO, July 16",
                                             published="2022-07-16", body=body)})
    site, errors = build_site(content)
    assert not errors and site is not None
    quotes = {event.id: event.quote for event in site.timelines[0].events}
    assert quotes == {
        "flees": body.split("\n")[0],
        "lands": None,
        "resigns": "He resigned on Friday.",
    }
