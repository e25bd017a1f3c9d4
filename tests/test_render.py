"""The HTML site, page kind by page kind, checked by parsing what a browser would receive."""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from sample_site import build_site

from dateline.engine.pipeline import BUNDLED_TEMPLATES
from dateline.model import Site
from dateline.render.bodies import body_html
from dateline.render.contexts import events_of_article
from dateline.render.pages import (
    article_page,
    events_by_key,
    home_page,
    make_environment,
    render_page,
    site_kit,
    static_files,
    tag_pages,
    timeline_page,
)
from dateline.render.views import Nav

EXPORT_FILES = {"events.json", "events.csv", "feed.xml", "calendar.ics", "timelinejs.json",
                "brief.pdf"}
LANDMARKS = ("header", "nav", "main", "footer")


class Page(HTMLParser):
    """What the tests look at in one page: elements with attributes, text, scripts."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text_of: dict[int, str] = {}
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._open: list[int] = []
        self._script: dict[str, str] | None = None
        self._script_text = ""
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes))
        if tag == "script":
            self._script, self._script_text = attributes, ""
        if tag not in {"meta", "link", "img", "br", "hr", "input"}:
            self._open.append(len(self.elements) - 1)
            self.text_of[len(self.elements) - 1] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, self._script_text))
            self._script = None
        while self._open:
            index = self._open.pop()
            if self.elements[index][0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text += data
        for index in self._open:
            self.text_of[index] += data

    def all(self, tag: str, **wanted: str) -> list[int]:
        return [
            index for index, (name, attrs) in enumerate(self.elements)
            if name == tag and all(attrs.get(k.rstrip("_")) == v for k, v in wanted.items())
        ]

    def text(self, index: int) -> str:
        return " ".join(self.text_of.get(index, "").split())

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.elements if "id" in attrs}


def render_site(site: Site, env: jinja2.Environment) -> dict[str, bytes]:
    """Every page and static file, made by the calls the build makes for each of its units."""
    kit, events = site_kit(site), events_by_key(site)
    made = [home_page(site), *(timeline_page(site, t) for t in site.timelines)]
    made += [
        article_page(site, a, body_html(a.body), events_of_article(a, events), kit)
        for a in site.articles
    ]
    made += tag_pages(site, kit)
    files = {page.path: render_page(env, page) for page in made} | static_files(env)
    return dict(sorted(files.items()))


@pytest.fixture(scope="module")
def pages() -> dict[str, bytes]:
    return render_site(build_site(), make_environment([BUNDLED_TEMPLATES]))


def parse(pages: dict[str, bytes], path: str) -> Page:
    return Page(pages[path].decode("utf-8"))


def html_paths(pages: dict[str, bytes]) -> list[str]:
    return [path for path in pages if path.endswith(".html")]


def test_every_page_kind_is_produced(pages: dict[str, bytes]) -> None:
    assert set(pages) >= {
        "index.html", "proxy-attacks/index.html", "yemen/index.html",
        "articles/2024-01-24-iraq.html", "articles/2024-01-25-wire.html",
        "articles/2024-01-12-yemen.html", "tags/iraq.html", "tags/strikes.html",
        "tags/yemen.html", "static/style.css",
    }


def test_each_page_has_one_h1_lang_landmarks_and_skip_link(pages: dict[str, bytes]) -> None:
    for path in html_paths(pages):
        page = parse(pages, path)
        assert len(page.all("h1")) == 1, path
        assert page.all("html", lang="en"), path
        for landmark in LANDMARKS:
            assert page.all(landmark), (path, landmark)
        skip = page.all("a", href="#main")
        assert skip and page.text(skip[0]) == "Skip to content", path
        assert "main" in page.ids(), path


def test_headings_never_skip_a_level(pages: dict[str, bytes]) -> None:
    for path in html_paths(pages):
        page = parse(pages, path)
        levels = [int(name[1]) for name, _ in page.elements if name in {"h1", "h2", "h3", "h4"}]
        assert levels[0] == 1, path
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (path, levels)


def test_relative_links_resolve_to_files_and_ids(pages: dict[str, bytes]) -> None:
    for path in html_paths(pages):
        page = parse(pages, path)
        for tag, attrs in page.elements:
            target = attrs.get("href") or attrs.get("src")
            if tag not in {"a", "link", "img"} or not target:
                continue
            if target.startswith(("https://", "http://", "mailto:")):
                continue
            assert not target.startswith("/"), (path, target)
            file_part, _, fragment = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), file_part))
            if not file_part:
                resolved = path
            if posixpath.basename(resolved) in EXPORT_FILES and resolved.count("/") == 1:
                continue  # written beside the timeline page by the exports
            assert resolved in pages, (path, target)
            assert not resolved.endswith("/"), (path, target)
            if fragment:
                assert fragment in parse(pages, resolved).ids(), (path, target)


def test_no_script_but_json_ld_which_cannot_break_out(pages: dict[str, bytes]) -> None:
    for path in html_paths(pages):
        page = parse(pages, path)
        for attrs, content in page.scripts:
            assert attrs == {"type": "application/ld+json"}, path
            assert "</" not in content and "<!--" not in content, path
            json.loads(content)
        assert pages[path].lower().count(b"<script") == len(page.scripts), path


def test_timeline_page_structure(pages: dict[str, bytes]) -> None:
    page = parse(pages, "proxy-attacks/index.html")
    ol_events = page.all("li", class_="event")
    ids = [page.elements[i][1]["id"] for i in page.all("li") if "event" in
           page.elements[i][1].get("class", "").split()]
    assert ids == ["attacks-begin", "fighting", "al-asad", "kh-strikes"]
    assert len(ol_events) == 2  # the two plain ones; approximate ones carry a second class
    assert [page.text(i) for i in page.all("h2")] == ["2023", "2024"]
    assert [page.text(i) for i in page.all("h3")] == ["October 2023", "January 2024"]
    starts = [attrs["datetime"] for name, attrs in page.elements if name == "time"]
    assert starts == ["2023-10-15", "2024-01-01", "2024-01-20", "2024-01-23"]
    times = [page.text(i) for i in page.all("time")]
    assert times == ["Oct. 15\u201319, 2023", "early Jan. 2024", "Jan. 20\u201321, 2024",
                     "Tue, Jan. 23, 2024"]
    summaries = [page.text(i) for i in page.all("summary")]
    assert summaries == ["How this date was read"] * 4
    assert page.all("link", rel="alternate", type="application/atom+xml", href="feed.xml")
    hrefs = {attrs.get("href") for name, attrs in page.elements if name == "a"}
    assert EXPORT_FILES <= hrefs
    assert {"#kh-strikes", "../tags/iraq.html", "../tags/strikes.html"} <= hrefs


def test_approximate_dates_show_badge_and_span(pages: dict[str, bytes]) -> None:
    page = parse(pages, "proxy-attacks/index.html")
    badges = [page.text(i) for i in page.all("span", class_="approx")]
    assert badges == ["approx.", "approx."]
    spans = [page.text(i) for i in page.all("span", class_="approx-span")]
    assert spans == ["Jan. 1\u201310, 2024"]


def test_merged_event_lists_both_sources_as_footnotes(pages: dict[str, bytes]) -> None:
    page = parse(pages, "proxy-attacks/index.html")
    source_items = [i for i in page.all("li") if page.elements[i][1].get("id", "").startswith(
        "kh-strikes-src-")]
    assert len(source_items) == 2
    hrefs = {attrs.get("href") for name, attrs in page.elements if name == "a"}
    assert "../articles/2024-01-24-iraq.html#at-kh-strikes" in hrefs
    assert "../articles/2024-01-25-wire.html#at-kh-strikes" in hrefs
    assert "https://example.org/iraq?a=1&b=2" in hrefs
    assert b"explanation" in pages["proxy-attacks/index.html"]
    assert "Tuesday: the latest Tuesday on or before the reference, Wed 24 Jan 2024" in page.text(
        page.all("details")[3])


def test_order_and_date_style_per_timeline(pages: dict[str, bytes]) -> None:
    page = parse(pages, "yemen/index.html")
    assert [page.text(i) for i in page.all("time")] == ["Thursday 11 January 2024",
                                                         "December 2023"]
    assert [page.text(i) for i in page.all("h2")] == ["2024", "2023"]


def test_timeline_json_ld_lists_events(pages: dict[str, bytes]) -> None:
    (attrs, content), = parse(pages, "proxy-attacks/index.html").scripts
    data = json.loads(content)
    assert data["@type"] == "ItemList"
    items = [element["item"] for element in data["itemListElement"]]
    assert [item["@type"] for item in items] == ["Event"] * 4
    assert items[0]["startDate"] == "2023-10-15" and items[0]["endDate"] == "2023-10-19"
    assert items[3]["name"] == "US aircraft strike three militia sites <script>x</script>."


def test_text_is_escaped_not_interpreted(pages: dict[str, bytes]) -> None:
    timeline = pages["proxy-attacks/index.html"].decode()
    assert "<script>x</script>" not in timeline
    assert "&lt;script&gt;x&lt;/script&gt;" in timeline
    assert "&lt;em&gt;reported&lt;/em&gt;" in timeline
    article = pages["articles/2024-01-24-iraq.html"].decode()
    assert "<h1>US strikes &lt;b&gt;militia&lt;/b&gt; sites &amp; depots in Iraq</h1>" in article


def test_hostile_body_is_sanitised(pages: dict[str, bytes]) -> None:
    page = parse(pages, "articles/2024-01-24-iraq.html")
    names = {name for name, _ in page.elements}
    assert not names & {"iframe", "style", "object", "embed"}
    for _, attrs in page.elements:
        assert not any(name.startswith("on") for name in attrs)
        assert "style" not in attrs
        assert not attrs.get("href", "").lower().startswith("javascript:")
    assert not any("alert(" in attrs.get("href", "") + attrs.get("src", "")
                   for _, attrs in page.elements)
    assert '<script>alert("body")</script>' in " ".join(page.text_of.values())  # as text
    good = page.all("a", href="https://example.org/more")
    assert good and page.elements[good[0]][1]["rel"] == "noopener noreferrer"


def test_article_marks_dated_phrases_and_links_to_events(pages: dict[str, bytes]) -> None:
    page = parse(pages, "articles/2024-01-24-iraq.html")
    marks = {page.elements[i][1]["id"]: page.text(i) for i in page.all("mark")}
    assert marks == {"at-kh-strikes": "Tuesday (local time)", "at-al-asad": "over the weekend",
                     "at-attacks-begin": "roughly 10 days after"}
    body = pages["articles/2024-01-24-iraq.html"].decode()
    assert ('<mark id="at-kh-strikes"><a href="../proxy-attacks/index.html#kh-strikes">'
            '<time datetime="2024-01-23">Tuesday (local time)</time></a></mark>') in body
    (_, content), = page.scripts
    data = json.loads(content)
    assert data["@type"] == "NewsArticle"
    assert data["dateline"] == "BAGHDAD [Iraq], January 24"
    assert data["datePublished"] == "2024-01-24"
    assert data["headline"] == "US strikes <b>militia</b> sites & depots in Iraq"


def test_article_without_the_phrase_still_has_the_anchor(pages: dict[str, bytes]) -> None:
    page = parse(pages, "articles/2024-01-12-yemen.html")
    assert "at-houthi-strikes" in page.ids()  # marked in the body
    assert not page.all("mark", id="at-tensions")  # "December" is not in the body
    anchored = page.all("li", id="at-tensions")
    assert anchored and "December 2023" in page.text(anchored[0])


def test_home_page_lists_timelines_with_span_count_and_update(pages: dict[str, bytes]) -> None:
    page = parse(pages, "index.html")
    assert page.text(page.all("h1")[0]) == "Regional desk"
    cards = [page.text(i) for i in page.all("li", class_="timeline-card")]
    assert "Oct. 15, 2023 \u2013 Jan. 23, 2024" in cards[0]
    assert "4 events" in cards[0] and "last updated Jan. 25, 2024" in cards[0]
    assert "December 2023 \u2013 11 January 2024" in cards[1]  # a month opens it: no day
    assert "2 events" in cards[1] and "last updated 12 January 2024" in cards[1]
    assert page.all("a", href="proxy-attacks/index.html")


def test_tag_page_lists_events_across_timelines_chronologically(pages: dict[str, bytes]) -> None:
    page = parse(pages, "tags/strikes.html")
    event_links = [attrs["href"] for name, attrs in page.elements
                   if name == "a" and "index.html#" in attrs.get("href", "")]
    assert event_links == [
        "../yemen/index.html#houthi-strikes", "../proxy-attacks/index.html#kh-strikes"
    ]
    hrefs = {attrs.get("href") for name, attrs in page.elements if name == "a"}
    assert "../articles/2024-01-25-wire.html" in hrefs
    assert [page.text(h) for h in page.all("h2")][:1] == ["2024"]


def test_same_site_renders_the_same_bytes(pages: dict[str, bytes]) -> None:
    again = render_site(build_site(), make_environment([BUNDLED_TEMPLATES]))
    assert again == pages


def test_a_sites_own_templates_come_first(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "style.css").write_text("body { color: green }\n")
    (tmp_path / "index.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Own {{ site_title }}</h1>{% endblock %}'
    )
    pages = render_site(build_site(), make_environment([tmp_path, BUNDLED_TEMPLATES]))
    assert pages["static/style.css"] == b"body { color: green }\n"
    assert b"<h1>Own Regional desk</h1>" in pages["index.html"]
    assert b"How this date was read" in pages["proxy-attacks/index.html"]


def test_a_template_using_an_unknown_name_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "tag.html").write_text("{{ no_such_variable }}")
    with pytest.raises(jinja2.UndefinedError):
        render_site(build_site(), make_environment([tmp_path, BUNDLED_TEMPLATES]))


@pytest.mark.parametrize("title", ["Plain", "Q&A <b>\"hot\"</b> 'days'", "NUL\0inside"])
def test_nav_printed_whole_is_the_escaped_loop(title: str) -> None:
    env = jinja2.Environment(autoescape=True)
    nav = Nav("../", ((title, "a-b"), ("Second & last", "second")))
    whole = env.from_string("{{ nav }}").render(nav=nav)
    looped = env.from_string(
        '{% for link in nav %}<li><a href="{{ link.href }}">{{ link.text }}</a></li>\n{% endfor %}'
    ).render(nav=nav)
    assert whole == looped
    assert whole.count("<li>") == 2 and '<a href="../second/index.html">Second &amp; last' in whole
    assert "<b>" not in whole
