"""Exports parsed back with the standard library, as the tools that read them would."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline.display import format_date
from dateline.export.calendar import fold_line
from dateline.export.feed import xml_cdata, xml_document
from dateline.export.formats import OUTPUT_FORMATS, export_timeline
from dateline.jsontext import script_safe_json
from dateline.model import (
    Article,
    Event,
    ResolvedDate,
    Site,
    SiteConfig,
    SourceRef,
    Timeline,
    TimelineConfig,
)

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "events.schema.json"
ATOM = "{http://www.w3.org/2005/Atom}"
SLUG = "proxy-attacks"
TITLE = "Attaques contre les forces américaines, 2023–24"
FORMULA_WHAT = '=HYPERLINK("http://evil.example"); rockets, "dozens"\nhit the base'


def _article(stem: str, published: date, title: str, url: str | None) -> Article:
    return Article(
        path=f"content/{stem}.md", stem=stem, title=title, dateline="BAGHDAD, Jan. 24",
        published=published, reference=published, reference_note="", source="Example Wire",
        url=url, timeline=SLUG, tags=(), events=(), body="", body_line=1,
    )


def _source(article: Article, when: str, line: int) -> SourceRef:
    return SourceRef(
        article=article.stem, path=article.path, title=article.title, source=article.source,
        url=article.url, when=when, line=line,
    )


SYRIA = _article("2023-10-20-syria", date(2023, 10, 20), "Rockets hit base, officials say", None)
IRAQ = _article(
    "2024-01-24-iraq", date(2024, 1, 24), "US strikes militia sites in Iraq",
    "https://example.org/iraq?a=1,b=2",
)
WIRE = _article(
    "2024-01-25-wire", date(2024, 1, 25), "Strikes: what we know; what we don't",
    "https://example.org/wire",
)

HAMAS_ATTACK = Event(
    id="hamas-attack", timeline=SLUG,
    date=ResolvedDate(date(2023, 10, 7), date(2023, 10, 7), "day", False, "2023-10-07",
                      "October 7 → Sat 7 Oct 2023: the date as written"),
    what='Gunmen cross the border; "many" killed, towns overrun',
    sources=(_source(SYRIA, "October 7", 9),), tags=("israel",), quote=None,
)
ATTACKS_BEGIN = Event(
    id="attacks-begin", timeline=SLUG,
    date=ResolvedDate(date(2023, 10, 11), date(2023, 10, 20), "range", True, "2023-10-XX",
                      "days after → 11–20 Oct 2023: a plausible window after the anchor"),
    what=FORMULA_WHAT,
    sources=(_source(SYRIA, "just days after", 12),), tags=(), quote=None,
)
KH_STRIKES = Event(
    id="kh-strikes", timeline=SLUG,
    date=ResolvedDate(date(2024, 1, 23), date(2024, 1, 23), "day", False, "2024-01-23",
                      "Tuesday → Tue 23 Jan 2024: the most recent Tuesday on or before the "
                      "dateline, Wed 24 Jan 2024; both reports agree"),
    what="US aircraft strike three sites used by Kataib Hezbollah",
    sources=(_source(IRAQ, "Tuesday (local time)", 10), _source(WIRE, "on Tuesday", 11)),
    tags=("iraq", "strikes"), quote=None,
)


def sample_site(paper: str = "a4") -> Site:
    """Three events: one approximate, one merged from two reports, awkward text throughout."""
    config = TimelineConfig(
        slug=SLUG, title=TITLE,
        description="Attacks on US forces; the strikes in reply, and what set them off.",
        order="oldest-first", date_style="ap", paper=paper,  # type: ignore[arg-type]
    )
    # Deliberately not in order: exports must sort.
    timeline = Timeline(config, (KH_STRIKES, HAMAS_ATTACK, ATTACKS_BEGIN), date(2024, 1, 25))
    return Site(
        config=SiteConfig("Regional desk", "en", (config,)),
        timelines=(timeline,), articles=(SYRIA, IRAQ, WIRE), updated=date(2024, 1, 25),
    )


@pytest.fixture
def files() -> dict[str, bytes]:
    site = sample_site()
    return export_timeline(site, site.timelines[0])


def test_every_format_is_written_beside_the_timeline(files: dict[str, bytes]) -> None:
    assert sorted(files) == [
        "proxy-attacks/calendar.ics", "proxy-attacks/events.csv", "proxy-attacks/events.json",
        "proxy-attacks/feed.xml", "proxy-attacks/timelinejs.json",
    ]
    assert {output.name for output in OUTPUT_FORMATS} == {"json", "csv", "atom", "ics",
                                                           "timelinejs"}


def test_exports_are_byte_identical_across_builds(files: dict[str, bytes]) -> None:
    site = sample_site()
    assert export_timeline(site, site.timelines[0]) == files


# events.json


def test_events_json_lists_events_chronologically_with_stable_keys(
    files: dict[str, bytes],
) -> None:
    raw = files["proxy-attacks/events.json"]
    assert raw.endswith(b"}\n")
    assert "américaines".encode() in raw  # UTF-8, not \u escapes
    document = json.loads(raw)
    assert list(document) == ["timeline", "title", "events"]
    assert document["timeline"] == "proxy-attacks"
    assert document["title"] == TITLE
    assert [event["id"] for event in document["events"]] == [
        "hamas-attack", "attacks-begin", "kh-strikes"
    ]
    first = document["events"][0]
    assert list(first) == ["id", "start", "end", "granularity", "approximate", "ongoing",
                           "timex", "display", "status", "what", "explanation", "sources"]
    assert first["start"] == first["end"] == "2023-10-07"
    assert first["display"] == "Sat, Oct. 7, 2023"
    assert first["sources"] == [{
        "article": "2023-10-20-syria", "title": "Rockets hit base, officials say",
        "source": "Example Wire", "url": None, "when": "October 7", "line": 9,
    }]
    approximate = document["events"][1]
    assert (approximate["start"], approximate["end"]) == ("2023-10-11", "2023-10-20")
    assert approximate["approximate"] is True
    assert approximate["display"] == format_date(ATTACKS_BEGIN.date, "ap")
    assert approximate["what"] == FORMULA_WHAT  # JSON keeps text as written
    merged = document["events"][2]
    assert [source["article"] for source in merged["sources"]] == [
        "2024-01-24-iraq", "2024-01-25-wire"
    ]


def _schema_errors(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str) -> list[str]:
    """The part of JSON Schema that docs/events.schema.json uses, checked by hand."""
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return _schema_errors(value, target, root, at)
    python_types = {"object": dict, "array": list, "string": str, "integer": int,
                    "boolean": bool, "null": type(None)}
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        fits = [isinstance(value, python_types[name]) for name in names]
        if isinstance(value, bool) and "boolean" not in names:
            fits = [False]
        if not any(fits):
            return [f"{at}: {value!r} is not of type {names}"]
    errors = []
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: {value!r} not in {schema['enum']}")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{at}: {value!r} does not match {schema['pattern']}")
    if len(value) < schema.get("minLength", 0) if isinstance(value, str) else False:
        errors.append(f"{at}: too short")
    if isinstance(value, int) and value < schema.get("minimum", value):
        errors.append(f"{at}: below minimum")
    if isinstance(value, dict):
        errors += [f"{at}: missing {key}" for key in schema.get("required", ()) if key not in value]
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                errors += _schema_errors(item, properties[key], root, f"{at}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{at}: unexpected key {key}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{at}: too few items")
        for index, item in enumerate(value):
            errors += _schema_errors(item, schema.get("items", {}), root, f"{at}[{index}]")
    return errors


def test_events_json_matches_its_published_schema(files: dict[str, bytes]) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    document = json.loads(files["proxy-attacks/events.json"])
    assert _schema_errors(document, schema, schema, "$") == []


def test_schema_checker_catches_what_the_schema_forbids(files: dict[str, bytes]) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    document = json.loads(files["proxy-attacks/events.json"])
    del document["events"][0]["timex"]
    document["events"][1]["approximate"] = "yes"
    document["events"][2]["start"] = "23 Jan 2024"
    errors = _schema_errors(document, schema, schema, "$")
    assert len(errors) == 3, errors


def test_events_json_matches_schema_with_jsonschema_when_installed(
    files: dict[str, bytes],
) -> None:
    jsonschema = pytest.importorskip("jsonschema")  # optional: not a project dependency
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(files["proxy-attacks/events.json"]))


# events.csv


def test_csv_has_one_row_per_event_and_neutralises_formulas(files: dict[str, bytes]) -> None:
    raw = files["proxy-attacks/events.csv"]
    header = b"id,start,end,display,approximate,what,sources,ongoing,status,time,zone\r\n"
    assert raw.startswith(header)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert [row["id"] for row in rows] == ["hamas-attack", "attacks-begin", "kh-strikes"]
    assert rows[0]["what"] == 'Gunmen cross the border; "many" killed, towns overrun'
    assert rows[0]["display"] == "Sat, Oct. 7, 2023"
    assert rows[0]["approximate"] == "false"
    assert rows[0]["sources"] == "Rockets hit base, officials say"
    assert rows[1]["approximate"] == "true"
    assert rows[1]["what"] == "'" + FORMULA_WHAT  # newline kept inside the quoted cell
    assert rows[2]["sources"] == (
        "US strikes militia sites in Iraq (https://example.org/iraq?a=1,b=2)"
        " | Strikes: what we know; what we don't (https://example.org/wire)"
    )


# feed.xml (Atom)


def test_atom_feed_has_the_required_elements_and_newest_first(files: dict[str, bytes]) -> None:
    feed = ET.fromstring(files["proxy-attacks/feed.xml"])
    assert feed.tag == f"{ATOM}feed"
    # RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author.
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert feed.findtext(f"{ATOM}id") == "tag:dateline,2024:proxy-attacks"
    assert feed.findtext(f"{ATOM}title") == TITLE
    assert feed.findtext(f"{ATOM}updated") == "2024-01-25T00:00:00Z"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Regional desk"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": "feed.xml", "alternate": "index.html"}

    entries = feed.findall(f"{ATOM}entry")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert ids == [
        "tag:dateline,2024:proxy-attacks/kh-strikes",
        "tag:dateline,2024:proxy-attacks/attacks-begin",
        "tag:dateline,2024:proxy-attacks/hamas-attack",
    ]
    for entry in entries:
        for name in ("id", "title", "updated"):  # RFC 4287 4.1.2
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        assert entry.find(f"{ATOM}summary") is not None or entry.find(f"{ATOM}content") is not None
    newest = entries[0]
    # Updated by the newer of its two reports, never by the clock.
    assert newest.findtext(f"{ATOM}updated") == "2024-01-25T00:00:00Z"
    assert entries[2].findtext(f"{ATOM}updated") == "2023-10-20T00:00:00Z"
    assert newest.findtext(f"{ATOM}title") == (
        "Tue, Jan. 23, 2024: US aircraft strike three sites used by Kataib Hezbollah"
    )
    assert newest.find(f"{ATOM}link").get("href") == "index.html#kh-strikes"  # type: ignore[union-attr]
    content = newest.find(f"{ATOM}content")
    assert content is not None and content.get("type") == "html"
    assert '<a href="https://example.org/wire">' in (content.text or "")


# calendar.ics


def _unfold(raw: bytes) -> list[str]:
    text = raw.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF
    lines: list[str] = []
    for line in text.split("\r\n")[:-1]:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def _vevents(lines: list[str]) -> list[dict[str, str]]:
    events: list[dict[str, str]] = []
    for line in lines:
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and line != "END:VEVENT" and "END:VCALENDAR" != line:
            name, _, value = line.partition(":")
            events[-1][name] = value
    return events


def test_calendar_has_all_day_events_with_exclusive_ends(files: dict[str, bytes]) -> None:
    raw = files["proxy-attacks/calendar.ics"]
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    lines = _unfold(raw)
    assert lines[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0",
                         "PRODID:-//dateline//dateline timeline export//EN"]
    assert lines[-1] == "END:VCALENDAR"
    events = _vevents(lines)
    assert [event["UID"] for event in events] == [
        "hamas-attack@proxy-attacks.dateline", "attacks-begin@proxy-attacks.dateline",
        "kh-strikes@proxy-attacks.dateline",
    ]
    assert events[0]["DTSTART;VALUE=DATE"] == "20231007"
    assert events[0]["DTEND;VALUE=DATE"] == "20231008"
    assert events[1]["DTSTART;VALUE=DATE"] == "20231011"
    assert events[1]["DTEND;VALUE=DATE"] == "20231021"  # last day 20 Oct, plus one
    assert events[2]["DTSTAMP"] == "20240125T000000Z"
    assert events[0]["DTSTAMP"] == "20231020T000000Z"
    assert _unescape(events[0]["SUMMARY"]) == HAMAS_ATTACK.what
    assert _unescape(events[1]["SUMMARY"]) == FORMULA_WHAT + " (date approximate)"
    description = _unescape(events[2]["DESCRIPTION"])
    assert description.splitlines()[0] == "Tue, Jan. 23, 2024"
    assert "- Strikes: what we know; what we don't (https://example.org/wire)" in description


def test_calendar_escapes_text_so_that_no_raw_separator_remains(files: dict[str, bytes]) -> None:
    events = _vevents(_unfold(files["proxy-attacks/calendar.ics"]))
    summary = events[1]["SUMMARY"]
    assert re.search(r"(?<!\\)[;,]", summary) is None
    assert "\\n" in summary and "\\;" in summary and "\\," in summary


def test_folding_never_splits_a_utf8_character() -> None:
    line = "SUMMARY:" + "é" * 100
    pieces = fold_line(line)
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert pieces[0] + "".join(piece[1:] for piece in pieces[1:]) == line
    assert all(piece.startswith(" ") for piece in pieces[1:])


# timelinejs.json


def test_timelinejs_slides_carry_dates_text_and_unique_ids(files: dict[str, bytes]) -> None:
    document = json.loads(files["proxy-attacks/timelinejs.json"])
    assert document["title"]["text"]["headline"] == TITLE
    slides = document["events"]
    assert [slide["unique_id"] for slide in slides] == [
        "hamas-attack", "attacks-begin", "kh-strikes"
    ]
    assert slides[0]["start_date"] == {"year": "2023", "month": "10", "day": "7"}
    assert "end_date" not in slides[0] and "display_date" not in slides[0]
    assert slides[1]["end_date"] == {"year": "2023", "month": "10", "day": "20"}
    assert slides[1]["display_date"] == format_date(ATTACKS_BEGIN.date, "ap")
    assert slides[0]["text"]["headline"] == (
        "Gunmen cross the border; &quot;many&quot; killed, towns overrun"
    )
    assert '<a href="https://example.org/iraq?a=1,b=2">' in slides[2]["text"]["text"]


def test_an_empty_timeline_still_exports_valid_files() -> None:
    site = sample_site()
    empty = Timeline(site.timelines[0].config, (), None)
    files = export_timeline(site, empty)
    assert json.loads(files["proxy-attacks/events.json"])["events"] == []
    feed = ET.fromstring(files["proxy-attacks/feed.xml"])
    assert feed.findtext(f"{ATOM}updated") == "2024-01-25T00:00:00Z"  # the site's newest article
    assert feed.findall(f"{ATOM}entry") == []
    assert _unfold(files["proxy-attacks/calendar.ics"])[-1] == "END:VCALENDAR"
    assert files["proxy-attacks/events.csv"] == (
        b"id,start,end,display,approximate,what,sources,ongoing,status,time,zone\r\n"
    )


# Layout and edge cases of the text-built formats


def test_json_exports_hold_one_event_a_line(files: dict[str, bytes]) -> None:
    """Readable and greppable without indentation: each line between the brackets is one event."""
    for name, key in (("events.json", "id"), ("timelinejs.json", "unique_id")):
        lines = files[f"proxy-attacks/{name}"].decode("utf-8").split("\n")
        assert lines[-1] == "" and lines[-2] == "]}", name
        records = [json.loads(line.removesuffix(",")) for line in lines[1:-2]]
        assert [record[key] for record in records] == [
            "hamas-attack", "attacks-begin", "kh-strikes"
        ], name


def test_an_empty_timeline_writes_an_empty_event_list() -> None:
    site = sample_site()
    files = export_timeline(site, Timeline(site.timelines[0].config, (), None))
    assert files["proxy-attacks/events.json"] == (
        '{"timeline":"proxy-attacks","title":"' + TITLE + '","events":[]}\n'
    ).encode("utf-8")


def _site_with(event: Event, articles: tuple[Article, ...] = (SYRIA, IRAQ, WIRE)) -> Site:
    site = sample_site()
    timeline = Timeline(site.timelines[0].config, (event,), date(2024, 1, 25))
    return Site(site.config, (timeline,), articles, site.updated)


def test_feed_drops_characters_xml_cannot_carry_and_keeps_cdata_closed() -> None:
    what = "Talks \x01stall]]\x0b> <b>here</b> & \ufffethere"
    event = Event(
        id="Talks.v2", timeline=SLUG, date=KH_STRIKES.date, what=what,
        sources=KH_STRIKES.sources, tags=("a b",), quote=None,
    )
    site = _site_with(event)
    feed = ET.fromstring(export_timeline(site, site.timelines[0])["proxy-attacks/feed.xml"])
    entry = feed.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}summary") == "Talks stall]]> <b>here</b> & there"
    content = entry.findtext(f"{ATOM}content") or ""
    assert "Talks stall]]&gt; &lt;b&gt;here&lt;/b&gt; &amp; there</p>" in content
    assert entry.findtext(f"{ATOM}id") == "tag:dateline,2024:proxy-attacks/Talks.v2"
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == ["a b"]


def test_feed_percent_encodes_an_id_that_is_not_a_slug() -> None:
    event = Event(
        id='x"y z', timeline=SLUG, date=KH_STRIKES.date, what="w",
        sources=KH_STRIKES.sources, tags=(), quote=None,
    )
    site = _site_with(event)
    feed = ET.fromstring(export_timeline(site, site.timelines[0])["proxy-attacks/feed.xml"])
    assert feed.findtext(f"{ATOM}entry/{ATOM}id") == "tag:dateline,2024:proxy-attacks/x%22y%20z"
    assert feed.find(f"{ATOM}entry/{ATOM}link").get("href") == 'index.html#x"y z'  # type: ignore[union-attr]


def test_updated_dates_do_not_depend_on_the_order_of_the_sites_articles() -> None:
    site = _site_with(KH_STRIKES, articles=(WIRE, SYRIA, IRAQ))  # not sorted by path
    files = export_timeline(site, site.timelines[0])
    feed = ET.fromstring(files["proxy-attacks/feed.xml"])
    assert feed.findtext(f"{ATOM}entry/{ATOM}updated") == "2024-01-25T00:00:00Z"
    assert "DTSTAMP:20240125T000000Z" in _unfold(files["proxy-attacks/calendar.ics"])


def test_folding_a_long_ascii_line_cuts_every_75_octets() -> None:
    line = "DESCRIPTION:" + "abcdefghij" * 20  # 212 characters
    pieces = fold_line(line)
    assert [len(piece) for piece in pieces] == [75, 75, 64]  # 75 + 74 + 63 = 212, plus spaces
    assert pieces[1] == " " + line[75:149]
    assert fold_line("SUMMARY:short") == ["SUMMARY:short"]


def test_script_safe_json_without_indent_escapes_markup_for_page_scripts() -> None:
    text = script_safe_json({"b": "</script><!-- & é", "a": 1}, indent=None, sort_keys=True)
    assert text == '{"a": 1, "b": "\\u003c/script\\u003e\\u003c!-- \\u0026 é"}'
    assert json.loads(text) == {"a": 1, "b": "</script><!-- & é"}


def test_a_cdata_section_survives_text_that_would_close_it() -> None:
    """Dropping a control character must not leave a "]]>" that ends the section early."""
    document = xml_document("<x>" + xml_cdata("a]]\x0b>b ]]>c") + "</x>")
    assert ET.fromstring(document).text == "a]]>b ]]>c"


# Timed events: the real clients read the same instants.

def _timed(event_id: str, start: str, end: str, granularity: str = "minute") -> Event:
    from dateline.model import Timing

    day = date.fromisoformat(start[:10])
    timing = Timing(start, end, "Asia/Baghdad", granularity, False)  # type: ignore[arg-type]
    return Event(
        id=event_id, timeline=SLUG,
        date=ResolvedDate(day, day, "day", False, day.isoformat(), "read as written",
                          timing=timing),
        what=f"{event_id} happens", sources=(_source(IRAQ, "7:40 a.m. Tuesday", 10),),
        tags=(), quote=None,
    )


BLAST = _timed("blast", "2024-01-23T07:40:00+03:00", "2024-01-23T07:40:00+03:00")
RAID = _timed("raid", "2024-01-23T02:00:00+03:00", "2024-01-23T04:00:00+03:00", "hour")


@pytest.fixture
def timed_files() -> dict[str, bytes]:
    site = sample_site()
    timeline = Timeline(site.timelines[0].config, (BLAST, HAMAS_ATTACK, RAID), date(2024, 1, 25))
    return export_timeline(site, timeline)


def test_icalendar_reads_timed_events_at_their_instants(timed_files: dict[str, bytes]) -> None:
    from datetime import UTC, datetime

    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(timed_files["proxy-attacks/calendar.ics"])
    events = {str(item["UID"]).split("@")[0]: item for item in calendar.walk("VEVENT")}
    assert events["blast"]["DTSTART"].dt == datetime(2024, 1, 23, 4, 40, tzinfo=UTC)
    assert "DTEND" not in events["blast"]
    assert events["raid"]["DTSTART"].dt == datetime(2024, 1, 22, 23, 0, tzinfo=UTC)
    assert events["raid"]["DTEND"].dt == datetime(2024, 1, 23, 1, 0, tzinfo=UTC)
    assert events["hamas-attack"]["DTSTART"].dt == date(2023, 10, 7)


def test_feedparser_reads_a_timed_entry_at_its_instant(timed_files: dict[str, bytes]) -> None:
    feedparser = pytest.importorskip("feedparser")
    feed = feedparser.parse(timed_files["proxy-attacks/feed.xml"])
    entries = {entry.id.rsplit("/", 1)[-1]: entry for entry in feed.entries}
    assert tuple(entries["blast"].published_parsed)[:6] == (2024, 1, 23, 4, 40, 0)
    assert "published" not in entries["hamas-attack"]
    assert "7:40 a.m. UTC+3" in entries["blast"].title


def test_timed_events_in_json_csv_and_timelinejs(timed_files: dict[str, bytes]) -> None:
    document = json.loads(timed_files["proxy-attacks/events.json"])
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert _schema_errors(document, schema, schema, "$") == []
    events = {event["id"]: event for event in document["events"]}
    assert [event["id"] for event in document["events"]] == ["hamas-attack", "raid", "blast"]
    assert (events["blast"]["start"], events["blast"]["end"]) == (
        "2024-01-23T07:40:00+03:00", "2024-01-23T07:40:00+03:00")
    assert (events["blast"]["granularity"], events["blast"]["zone"]) == ("minute", "Asia/Baghdad")
    assert events["hamas-attack"]["start"] == "2023-10-07" and "zone" not in events["hamas-attack"]
    rows = {row["id"]: row for row in csv.DictReader(
        io.StringIO(timed_files["proxy-attacks/events.csv"].decode("utf-8")))}
    assert (rows["blast"]["time"], rows["blast"]["zone"]) == ("07:40", "Asia/Baghdad")
    assert rows["raid"]["time"] == "02:00/04:00"
    assert (rows["hamas-attack"]["time"], rows["hamas-attack"]["zone"]) == ("", "")
    slides = {s["unique_id"]: s for s in json.loads(timed_files["proxy-attacks/timelinejs.json"])[
        "events"]}
    assert slides["blast"]["start_date"] == {"year": "2024", "month": "1", "day": "23",
                                             "hour": "7", "minute": "40"}
    assert slides["raid"]["end_date"]["hour"] == "4"
    assert slides["blast"]["display_date"] == "Tue, Jan. 23, 2024, 7:40 a.m. UTC+3"


def test_a_timed_date_shows_its_time_in_each_style() -> None:
    assert format_date(BLAST.date, "ap") == "Tue, Jan. 23, 2024, 7:40 a.m. UTC+3"
    assert format_date(BLAST.date, "iso") == "2024-01-23, 07:40 UTC+3"
    assert format_date(BLAST.date, "long") == "Tuesday 23 January 2024, 07:40 UTC+3"
    assert format_date(RAID.date, "ap") == "Tue, Jan. 23, 2024, 2\u20134 a.m. UTC+3"
    assert format_date(RAID.date, "iso", zone=False) == "2024-01-23, 02:00\u201304:00"


def test_the_timeline_page_names_the_zone_once_a_day_and_gives_instants_to_json_ld() -> None:
    from dateline.render.contexts import timeline_context

    site = sample_site()
    timeline = Timeline(site.timelines[0].config, (BLAST, HAMAS_ATTACK, RAID), date(2024, 1, 25))
    context = timeline_context(site, timeline, timeline.config.title)
    items = json.loads(str(context["json_ld"]))["itemListElement"]
    by_name = {item["item"]["name"]: item["item"] for item in items}
    assert by_name["blast happens"]["startDate"] == "2024-01-23T07:40:00+03:00"
    assert by_name["raid happens"]["endDate"] == "2024-01-23T04:00:00+03:00"
    assert by_name[HAMAS_ATTACK.what]["startDate"] == "2023-10-07"
    assert by_name["raid happens"]["description"] == "Tue, Jan. 23, 2024, 2\u20134 a.m. UTC+3"
    assert by_name["blast happens"]["description"] == "Tue, Jan. 23, 2024, 7:40 a.m."
