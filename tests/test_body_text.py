"""Prose that names a tag keeps every paragraph: markup outside the allow-list reads as text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.cli.main import main
from dateline.render.bodies import body_html
from tests.conftest import SITE_YAML, article

# What a page may hold after sanitising; anything else would have been shown as text.
SAFE_ELEMENTS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol",
    "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
}
TAG_WORDS = (
    "<script>", "</script>", "<iframe>", "<textarea>", "<select>", "<button>", "<noscript>",
    "<style>", "<title>", "<xmp>", "<plaintext>", "<template>", "<!--", "<noembed>",
    "<noframes>", "<object>", "<form>", "<svg>", "<math>", "<div>", "</div>", "<table>",
    "<pre>", "<b>", "</i>", "<h1>", "<code>", "<a href=\"x\">", "<![CDATA[", "<?php",
    "<!DOCTYPE html>", "</br>", "<option>", "<frameset>", "<textarea rows=\"3\">",
    "<SCRIPT>", "<script type='x'>",
)
# Allowed markup a browser closes by itself: kept as markup, the text around it unharmed.
SELF_CLOSING_WORDS = ("<br>", "<li>", "<td>", "<p>", "<img src=x>")


class PageText(HTMLParser):
    """The text a reader sees, and the elements that hold it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.elements: set[str] = set()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.add(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def shown(body: str) -> PageText:
    return PageText(body_html(body))


@pytest.mark.parametrize("tag", TAG_WORDS)
def test_prose_naming_a_tag_keeps_the_later_paragraphs(tag: str) -> None:
    page = shown(f"Attackers planted a {tag} tag in the form.\n\nSecond paragraph here.\n\n"
                 "Third one.")
    assert f"Attackers planted a {tag} tag in the form." in page.text
    assert "Second paragraph here." in page.text and "Third one." in page.text
    assert page.elements <= SAFE_ELEMENTS


@pytest.mark.parametrize("tag", SELF_CLOSING_WORDS)
def test_allowed_markup_that_closes_itself_keeps_the_text_around_it(tag: str) -> None:
    page = shown(f"Attackers planted a {tag} tag in the form.\n\nSecond paragraph here.")
    assert "Attackers planted a" in page.text and "tag in the form." in page.text
    assert "Second paragraph here." in page.text


@pytest.mark.parametrize(
    "tag", ["<script>", "<div>", "<style>", "<textarea>", "<!--", "<pre>", "<table>", "<h1>",
            "<blockquote>", "<ul>"])
def test_a_paragraph_that_starts_with_a_tag_stays_markdown(tag: str) -> None:
    html = body_html(f"{tag} opens this line.\n\nThen *emphasis* follows.\n\n- and a list")
    assert "<em>emphasis</em>" in html and "<li>and a list</li>" in html
    assert f"{tag} opens this line." in PageText(html).text


def test_allowed_markup_that_closes_is_kept() -> None:
    html = body_html('A <abbr title="x>y">IRGC</abbr> and <b>bold</b>.\n\n'
                     "<table><tr><td>1</td></tr></table>\n\nAfter.")
    assert '<abbr title="x&gt;y">IRGC</abbr>' in html and "<b>bold</b>" in html
    assert "<td>1</td>" in html and "<p>After.</p>" in html


def test_a_closed_comment_stays_hidden_and_an_open_one_shows() -> None:
    page = shown("Before <!-- editor's note --> after.\n\nAn open <!-- here.\n\nLast.")
    assert "editor's note" not in page.text
    assert "Before after." in page.text and "An open <!-- here." in page.text
    assert "Last." in page.text


def test_markup_hidden_in_an_allowed_block_reads_as_text() -> None:
    page = shown("<table><tr><td><script> x</td></tr></table>\n\nNext paragraph.")
    assert "<script> x" in page.text and "Next paragraph." in page.text
    assert "script" not in page.elements


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
TAG_LIKE = st.one_of(
    st.sampled_from(TAG_WORDS + SELF_CLOSING_WORDS),
    st.builds("<{}>".format, WORD),
    st.builds("</{}>".format, WORD),
    st.builds('<{} {}="{}">'.format, WORD, WORD, WORD),
)


@st.composite
def paragraphs(draw: st.DrawFn) -> list[list[str]]:
    """Two to five paragraphs of plain words, with tag-like words dropped in anywhere."""
    count = draw(st.integers(min_value=2, max_value=5))
    result = []
    for index in range(count):
        words = [f"para{index}word{n}" for n in range(draw(st.integers(1, 4)))]
        for _ in range(draw(st.integers(0, 3))):
            words.insert(draw(st.integers(0, len(words))), draw(TAG_LIKE))
        result.append(words)
    return result


@settings(max_examples=100, deadline=None)
@given(paragraphs())
def test_tag_like_words_never_lose_a_paragraph(body: list[list[str]]) -> None:
    page = shown("\n\n".join(" ".join(words) for words in body))
    seen = set(page.text.replace("<", " ").replace(">", " ").split())
    for words in body:
        for word in words:
            if word.startswith("para"):
                assert word in seen, (word, page.text)
    assert page.elements <= SAFE_ELEMENTS


def test_the_article_page_keeps_every_paragraph(tmp_path: Path) -> None:
    """The whole way through a build: the page a reader opens, not only the body's HTML."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "site.yaml").write_text(SITE_YAML)
    body = ("Attackers planted a <script> tag in the form.\n\n<textarea> was the next field.\n\n"
            "Then a <title> and an open <!-- comment.\n\nThe last paragraph survives.\n")
    (content / "a.md").write_text(article(
        "  - id: x\n    when: Monday\n    what: X.\n", body=body))
    out = tmp_path / "site"
    assert main(["--content", str(content), "--out", str(out), "--no-pdf"]) == 0
    page = PageText((out / "articles" / "a.html").read_text("utf-8"))
    for paragraph in body.strip().split("\n\n"):
        assert paragraph in page.text
