"""`build.py import`: stories and feeds become article files with drafted events; a build of
them succeeds; nothing existing is overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.cli_runner import run_dateline
from tests.conftest import MakeContent

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "importing"
ONE_TIMELINE = "title: Desk\ntimelines:\n  suez:\n    title: The Suez Canal blockage\n"
TWO_TIMELINES = ONE_TIMELINE + "  sri-lanka:\n    title: Sri Lanka's crisis\n"


def front(path: Path) -> dict[str, object]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


def test_an_atom_feed_becomes_articles_that_build(make_content: MakeContent) -> None:
    content = make_content({"site.yaml": ONE_TIMELINE})
    result = run_dateline("import", str(FIXTURES / "suez.atom"), cwd=content.parent)
    assert result.returncode == 0, result.stderr
    freed = content / "2021-03-29-ever-given-freed-suez-canal-traffic-resumes.md"
    assert front(freed) == {
        "title": "Ever Given freed, Suez Canal traffic resumes",
        "dateline": "SUEZ, Egypt, March 29 (Reuters) -",
        "published": __import__("datetime").date(2021, 3, 29),
        "source": "Example Wire: Suez Canal",
        "url": "https://wire.example.com/2021/03/29/ever-given-freed",
        "timeline": "suez",
        "tags": [],
        "events": [
            {"id": "teams-freed-ship", "when": "Monday",
             "what": "Salvage teams freed the giant container ship Ever Given and ships began"
                     " to move through the Suez Canal again."},
            {"id": "ship-ran-aground", "when": "Tuesday of last week",
             "what": "The ship ran aground in a sandstorm, blocking one of the world's busiest"
                     " waterways."},
        ],
    }
    text = freed.read_text(encoding="utf-8")
    assert "  # Drafted by `dateline import`" in text
    assert text.split("---\n", 2)[2] == (
        "\nSUEZ, Egypt, March 29 (Reuters) - Salvage teams freed the giant container ship"
        " *Ever Given* on Monday and ships began to move through the"
        " [Suez Canal](https://en.wikipedia.org/wiki/Suez_Canal) again.\n\n"
        "The ship ran aground in a sandstorm on Tuesday of last week, blocking one of the"
        " world's busiest waterways.\n")
    build = run_dateline("build", "--no-pdf", cwd=content.parent)
    assert build.returncode == 0, build.stderr


def test_a_second_import_names_the_existing_file_and_keeps_it(make_content: MakeContent) -> None:
    content = make_content({"site.yaml": ONE_TIMELINE})
    assert run_dateline("import", str(FIXTURES / "suez.atom"), cwd=content.parent).returncode == 0
    edited = content / "2021-07-07-ever-given-leaves-suez-canal-after-compensation-deal.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn editor's line.\n",
                      encoding="utf-8")
    before = edited.read_text(encoding="utf-8")
    again = run_dateline("import", str(FIXTURES / "suez.atom"), cwd=content.parent)
    assert again.returncode == 0, again.stderr
    assert f"skipped 'Ever Given leaves Suez Canal after compensation deal': content/{edited.name}"\
        " already exists" in again.stdout
    assert edited.read_text(encoding="utf-8") == before


def test_an_rss_feed_needs_a_timeline_when_site_yaml_has_two(make_content: MakeContent) -> None:
    content = make_content({"site.yaml": TWO_TIMELINES})
    refused = run_dateline("import", str(FIXTURES / "colombo.rss"), cwd=content.parent)
    assert refused.returncode == 1 and "--timeline" in refused.stderr
    assert list(content.glob("*.md")) == []
    result = run_dateline("import", str(FIXTURES / "colombo.rss"), "--timeline", "sri-lanka",
                          cwd=content.parent)
    assert result.returncode == 0, result.stderr
    fled = content / "2022-07-15-sri-lanka-accepts-president-s-resignation-after-he.md"
    assert front(fled)["events"] == [
        {"id": "speaker-accepted-resignation", "when": "Friday",
         "what": "Sri Lanka's parliament speaker accepted the resignation of President"
                 " Gotabaya Rajapaksa."},
        {"id": "rajapaksa-fled-country", "when": "Wednesday",
         "what": "President Gotabaya Rajapaksa fled the country."},
    ]
    assert front(fled)["source"] == "Example Wire: Sri Lanka"
    assert run_dateline("build", "--no-pdf", cwd=content.parent).returncode == 0


def test_pasted_html_keeps_the_story_and_leaves_the_page_around_it(
    make_content: MakeContent,
) -> None:
    content = make_content({"site.yaml": TWO_TIMELINES})
    html = (FIXTURES / "imf.html").read_text(encoding="utf-8")
    result = run_dateline("import", "-", "--timeline", "sri-lanka", cwd=content.parent, stdin=html)
    assert result.returncode == 0, result.stderr
    (created,) = content.glob("*.md")
    assert created.name == "2023-03-21-imf-approves-2-9-billion-bailout-for-sri.md"
    header = front(created)
    assert (header["title"], header["dateline"], header["source"], header["url"]) == (
        "IMF approves $2.9 billion bailout for Sri Lanka", "COLOMBO, March 21 (Reuters) -",
        "Example Wire", "https://wire.example.com/2023/03/21/imf-sri-lanka")
    body = created.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body.startswith("\nCOLOMBO, March 21 (Reuters) - The **International Monetary Fund**")
    assert "*immediately*" in body and "[reserves](https://www.cbsl.gov.lk/)" in body
    for left_out in ("analytics", "margin", "Home", "Subscribe", "Read more", "rights",
                     "Uditha"):
        assert left_out not in body
    events = header["events"]
    assert isinstance(events, list)
    assert [(e["when"], e.get("direction")) for e in events] == [
        ("late Monday", None), ("Tuesday", None)]
    assert run_dateline("build", "--no-pdf", cwd=content.parent).returncode == 0


def test_plain_text_without_a_date_asks_for_published(make_content: MakeContent) -> None:
    content = make_content({"site.yaml": ONE_TIMELINE})
    story = content.parent / "story.txt"
    story.write_text("Ever Given refloated\n\nSUEZ, Egypt, March 29 (Reuters) - Salvage teams"
                     " freed the Ever Given on Monday.\n", encoding="utf-8")
    refused = run_dateline("import", "story.txt", cwd=content.parent)
    assert refused.returncode == 1
    assert "story.txt: no publication date; give it with --published" in refused.stderr
    assert "Traceback" not in refused.stderr
    result = run_dateline("import", "story.txt", "--published", "2021-03-29", cwd=content.parent)
    assert result.returncode == 0, result.stderr
    created = content / "2021-03-29-ever-given-refloated.md"
    assert front(created)["events"] == [
        {"id": "teams-freed-given", "when": "Monday",
         "what": "Salvage teams freed the Ever Given."}]
    far = run_dateline("import", "story.txt", "--published", "2021-06-01", cwd=content.parent)
    assert far.returncode == 1 and "one of the two is wrong" in far.stderr


def test_a_feed_entry_without_a_date_is_named_and_the_others_imported(
    make_content: MakeContent,
) -> None:
    content = make_content({"site.yaml": ONE_TIMELINE})
    feed = (FIXTURES / "suez.atom").read_text(encoding="utf-8")
    first_dates = ("    <published>2021-03-29T16:05:00+02:00</published>\n"
                   "    <updated>2021-03-29T16:05:00+02:00</updated>\n")
    assert first_dates in feed
    undated = content.parent / "undated.atom"
    undated.write_text(feed.replace(first_dates, ""), encoding="utf-8")
    result = run_dateline("import", "undated.atom", cwd=content.parent)
    assert result.returncode == 1
    assert "undated.atom: entry 1: no publication date; give it with --published" in result.stderr
    assert [path.name for path in content.glob("*.md")] == [
        "2021-07-07-ever-given-leaves-suez-canal-after-compensation-deal.md"]


def test_a_page_in_its_declared_charset_and_a_missing_source_are_handled(
    make_content: MakeContent,
) -> None:
    content = make_content({"site.yaml": ONE_TIMELINE})
    page = content.parent / "page.html"
    page.write_bytes(
        b'<html><head><meta charset="iso-8859-1"><title>Caf\xe9 closes</title></head><body>'
        b"<p>PARIS, March 29 (Reuters) - The caf\xe9 closed on Monday.</p></body></html>")
    result = run_dateline("import", "page.html", "missing.html", "--published", "2021-03-29",
                          cwd=content.parent)
    assert result.returncode == 1
    assert "cannot read missing.html" in result.stderr and "Traceback" not in result.stderr
    created = content / "2021-03-29-cafe-closes.md"
    assert front(created)["title"] == "Caf\u00e9 closes"
    assert "The caf\u00e9 closed on Monday." in created.read_text(encoding="utf-8")


def test_a_correction_above_the_dateline_stays_a_note_and_dates_nothing(
    make_content: MakeContent,
) -> None:
    """Reuters puts a correction above the dateline. Thursday 14 November 2024: the vote was on
    Wednesday, 13 Nov; the draft was presented on 5 Nov. The note's Wednesday and Tuesday, and
    the dateline's Nov 14, are no events, and the note is neither the headline nor a quote."""
    content = make_content({"site.yaml": "title: Desk\ntimelines:\n  lt:\n    title: Budget\n"})
    (content.parent / "story.txt").write_text(
        "(Corrects day of vote in paragraph 1 to Wednesday from Tuesday)\n\n"
        "VILNIUS, Nov 14 (Reuters) - Lithuania's parliament approved the budget on Wednesday\n"
        "after a week of debate, the speaker said.\n\n"
        "The finance minister presented the draft on Nov. 5, officials said.\n",
        encoding="utf-8")
    result = run_dateline("import", "story.txt", "--published", "2024-11-14",
                          cwd=content.parent)
    assert result.returncode == 0, result.stderr
    (written,) = content.glob("2024-11-14-*.md")
    drafted = front(written)
    assert drafted["title"] == ("Lithuania's parliament approved the budget on Wednesday after"
                                " a week of debate, the speaker said.")
    assert drafted["dateline"] == "VILNIUS, Nov 14 (Reuters) -"
    assert [event["when"] for event in drafted["events"]] == ["Wednesday", "Nov. 5"]
    assert "(Corrects day of vote" in written.read_text(encoding="utf-8")
    build = run_dateline("build", "--no-pdf", cwd=content.parent)
    assert build.returncode == 0, build.stderr
    events = json.loads((content.parent / "site" / "lt" / "events.json").read_bytes())["events"]
    assert [(event["start"], event["end"]) for event in events] == [
        ("2024-11-05", "2024-11-05"), ("2024-11-13", "2024-11-13")]
    page = (content.parent / "site" / "lt" / "index.html").read_text(encoding="utf-8")
    assert "Corrects day of vote" not in page
