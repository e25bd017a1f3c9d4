"""The printed brief, read back the way a reader meets it: as text and pages of a PDF."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import jinja2
import pytest
from test_export import KH_STRIKES, TITLE, sample_site

from dateline.engine.pipeline import BUNDLED_TEMPLATES
from dateline.model import ResolvedDate, Site, Timeline
from dateline.render.pages import make_environment
from dateline.render.pdf import brief_epoch, brief_html, html_to_pdf

A4_POINTS = "595.276 x 841.89"
LETTER_POINTS = "612 x 792"


@pytest.fixture(scope="module")
def env() -> jinja2.Environment:
    return make_environment([BUNDLED_TEMPLATES])


def _render(site: Site, env: jinja2.Environment) -> bytes:
    timeline = site.timelines[0]
    return html_to_pdf(brief_html(site, timeline, env), brief_epoch(timeline))


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    command = ["pdftotext", "-layout", str(path), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def _pdf_info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    output = subprocess.run(
        ["pdfinfo", "-isodates", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return dict(
        (key.strip(), value.strip())
        for key, _, value in (line.partition(":") for line in output.splitlines())
    )


@pytest.fixture(scope="module")
def small_pdf(env: jinja2.Environment) -> bytes:
    return _render(sample_site(), env)


def _long_site(count: int) -> Site:
    """Many events of five lines or more (orphans and widows let those split), several pages."""
    site = sample_site()
    timeline = site.timelines[0]
    events = []
    for number in range(count):
        day = date(2023, 11, 1) + timedelta(days=2 * number)
        events.append(replace(
            KH_STRIKES, id=f"event-{number:02d}",
            date=ResolvedDate(day, day, "day", False, day.isoformat(), "as written"),
            sources=(),
            what=f"Report {number:02d}: drones target a base that houses US troops; officials "
                 "said there were no injuries and little damage to the runway, and that the "
                 "base's air defences shot down two of the drones before they reached the "
                 "perimeter, while a third fell short in open desert. A militia group said it "
                 "had launched the drones in response to the strikes of the previous week, and "
                 "promised more; the Pentagon declined to say whether it would respond, and "
                 "said the base's operations went on as normal. End of report.",
        ))
    long_timeline: Timeline = replace(timeline, events=tuple(events))
    return replace(site, timelines=(long_timeline,))


def test_brief_html_has_title_block_scope_and_footnoted_sources(
    env: jinja2.Environment,
) -> None:
    site = sample_site()
    html = brief_html(site, site.timelines[0], env)
    assert f"<title>{TITLE}</title>" in html
    assert "Oct. 7, 2023 – Jan. 23, 2024" in html  # the span of the events
    assert '<time datetime="2024-01-25">Jan. 25, 2024</time>' in html  # as of Timeline.updated
    assert "Attacks on US forces; the strikes in reply" in html
    # one note per article: four reports, but two events cite the same article
    assert html.count('class="footnote"') == 3
    assert html.count('<sup class="note-again">1</sup>') == 1
    assert "https://example.org/iraq?a=1,b=2" in html
    assert "Gunmen cross the border; &#34;many&#34; killed" in html  # escaped, not raw


def test_pdf_reads_in_chronological_order_with_sources_and_footer(
    small_pdf: bytes, tmp_path: Path,
) -> None:
    text = _pdf_text(small_pdf, tmp_path)
    leads = ["Sat, Oct. 7, 2023", "mid-Oct. 2023", "Tue, Jan. 23, 2024"]
    positions = [text.index(lead) for lead in leads]
    assert positions == sorted(positions)
    assert text.index("2023") < text.index("October 2023".upper()) < text.index("JANUARY 2024")
    assert "américaines" in text
    assert "As of Jan. 25, 2024" in text
    assert "https://example.org/wire" in text  # footnote URLs are printed
    # An article cited again repeats its note's number, as the PDF numbers it: one note each.
    assert re.search(r"^\s*1\. Rockets hit base, officials say, Example Wire\.$", text, re.M)
    assert text.count("Rockets hit base, officials say") == 1
    assert re.search(r"towns overrun1$", text, re.M) and re.search(r"hit the base1$", text, re.M)
    assert re.search(r"Kataib Hezbollah2,3$", text, re.M)  # calls stay on the text's line
    assert re.search(r"Page 1 of 1\b", text)


def test_pdf_metadata_comes_from_the_content_not_the_clock(
    small_pdf: bytes, tmp_path: Path,
) -> None:
    info = _pdf_info(small_pdf, tmp_path)
    assert info["Pages"] == "1"
    assert info["Title"] == TITLE
    assert info["Page size"].startswith(A4_POINTS)
    assert info["CreationDate"].startswith("2024-01-25T00:00:00")
    assert info["ModDate"].startswith("2024-01-25T00:00:00")


def test_letter_paper_option(env: jinja2.Environment, tmp_path: Path) -> None:
    info = _pdf_info(_render(sample_site(paper="letter"), env), tmp_path)
    assert info["Page size"].startswith(LETTER_POINTS)


def test_two_builds_are_byte_identical(small_pdf: bytes, env: jinja2.Environment) -> None:
    assert _render(sample_site(), env) == small_pdf


def test_source_date_epoch_is_restored(env: jinja2.Environment) -> None:
    site = sample_site()
    html = brief_html(site, site.timelines[0], env)
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        html_to_pdf(html, 0)
        assert "SOURCE_DATE_EPOCH" not in os.environ
        os.environ["SOURCE_DATE_EPOCH"] = "12345"
        html_to_pdf(html, 0)
        assert os.environ["SOURCE_DATE_EPOCH"] == "12345"
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def test_brief_epoch_is_midnight_utc_of_the_as_of_date() -> None:
    timeline = sample_site().timelines[0]
    assert brief_epoch(timeline) == (date(2024, 1, 25) - date(1970, 1, 1)).days * 86_400
    assert brief_epoch(replace(timeline, updated=None)) == 0


def _page_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    """Each page's text in reading order, whitespace collapsed: where a font wraps drops out."""
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    output = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = output.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends the last page with a form feed too
    return [" ".join(page.split()) for page in pages]


def test_long_brief_paginates_without_splitting_events(
    env: jinja2.Environment, tmp_path: Path,
) -> None:
    site = _long_site(40)
    pdf = _render(site, env)
    pages = _page_texts(pdf, tmp_path)
    assert len(pages) >= 2
    assert int(_pdf_info(pdf, tmp_path)["Pages"]) == len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        if number > 1:  # the running header names the timeline on every later page
            assert text.startswith(TITLE)
    # break-inside: avoid keeps each event whole: its full text lies on one page, and no page
    # holds the start or the end of an event that it does not hold whole.
    page_of: list[int] = []
    for event in site.timelines[0].events:
        block = " ".join(event.what.split())
        holding = [number for number, text in enumerate(pages) if block in text]
        assert len(holding) == 1, f"{event.id} is not whole on one page"
        page_of.append(holding[0])
    assert page_of == sorted(page_of)  # in order
    for number, text in enumerate(pages):
        assert len(re.findall(r"Report \d\d:", text)) == page_of.count(number)
        assert text.count("End of report.") == page_of.count(number)


def test_an_empty_timeline_prints_one_page(env: jinja2.Environment, tmp_path: Path) -> None:
    site = sample_site()
    empty = replace(site.timelines[0], events=(), updated=None)
    pdf = html_to_pdf(brief_html(site, empty, env), brief_epoch(empty))
    assert "No events yet." in _pdf_text(pdf, tmp_path)
    assert _pdf_info(pdf, tmp_path)["Pages"] == "1"
