"""Every problem carries the line it points at as data, from the stage that found it: the
articles here are loaded from bytes under paths that name no file, so nothing can be read again
from disk to show them."""

from __future__ import annotations

import pytest

from dateline.assemble import assemble
from dateline.authoring.coverage import coverage_warnings
from dateline.errors import ContentError
from dateline.load.article import load_article
from dateline.model import Article, SiteConfig, TimelineConfig

CONFIG = SiteConfig(
    "Desk", "en", (TimelineConfig("canal", "Canal", None, "oldest-first", "ap", "a4"),)
)
NOWHERE = "no-such-folder/content"


def loaded(name: str, events: str, timeline: str = "canal") -> Article:
    text = (
        f"---\ntitle: {name}\ndateline: ISMAILIA, Egypt, March 25\npublished: 2021-03-25\n"
        f"timeline: {timeline}\nevents:\n{events}---\nThe ship ran aground on Tuesday.\n"
    )
    article, errors = load_article(f"{NOWHERE}/{name}.md", text.encode())
    assert article is not None, errors
    return article


def problems(*articles: Article) -> list[ContentError]:
    site, errors = assemble(CONFIG, articles)
    assert site is None
    return sorted(errors, key=lambda error: error.sort_key)


def shown(error: ContentError) -> tuple[str, int, int, str | None]:
    return error.path, error.line, error.column, error.source_line


@pytest.mark.parametrize(
    ("events", "timeline", "expected"),
    [
        ("  - id: freed\n    when: two days later\n    what: Freed.\n    anchor: grounded\n",
         "canal", (10, 13, "    anchor: grounded")),
        ("  - id: a\n    when: a day later\n    what: A.\n    anchor: b\n"
         "  - id: b\n    when: a day later\n    what: B.\n    anchor: a\n",
         "canal", (10, 13, "    anchor: b")),
        ("  - id: a\n    when: Tuesday\n    what: A.\n"
         "  - id: a\n    when: Tuesday\n    what: A again.\n",
         "canal", (10, 9, "  - id: a")),
        ("  - id: a\n    when: Tusday\n    what: A.\n", "canal", (8, 11, "    when: Tusday")),
        ("  - id: a\n    when: Tuesday\n    what: A.\n", "canl", (5, 11, "timeline: canl")),
    ],
    ids=["unknown anchor", "anchor cycle", "id used twice", "unread date", "unknown timeline"],
)
def test_an_assembly_problem_carries_its_source_line(
    events: str, timeline: str, expected: tuple[int, int, str]
) -> None:
    [error] = problems(loaded("grounding", events, timeline))
    assert shown(error) == (f"{NOWHERE}/grounding.md", *expected)


def test_conflicting_reports_carry_the_line_of_the_report_they_point_at() -> None:
    early = loaded("early", "  - id: aground\n    when: Tuesday\n    what: Aground.\n")
    late = loaded("late", "  - id: aground\n    when: March 10\n    what: Aground.\n")
    [error] = problems(early, late)
    assert shown(error) == (f"{NOWHERE}/early.md", 8, 11, "    when: Tuesday")
    assert f"{NOWHERE}/late.md:8 dates it 2021-03-10" in error.message


def test_a_coverage_warning_carries_the_line_of_its_when() -> None:
    article = loaded("grounding", "  - id: a\n    when: Monday\n    what: A.\n")
    [warning] = [w for w in coverage_warnings(article) if "does not occur" in w.message]
    assert shown(warning) == (f"{NOWHERE}/grounding.md", 8, 11, "    when: Monday")
