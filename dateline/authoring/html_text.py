"""A news page as Markdown: its paragraphs, links and emphasis, and what the page says of itself.

News pages hold the story among menus, scripts and asides; the standard library's HTMLParser
is enough to keep the story: paragraphs, headings, list items and quotes become Markdown
blocks, `<a href>` a link, `<em>`/`<strong>` emphasis, and everything inside script, style, nav,
aside, header, footer, form and figure is left out. When the page has an `<article>`, only that
is read. The page's own title and publication date (Open Graph and schema.org meta, `<time>`)
are collected on the way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

SKIPPED = frozenset({"script", "style", "nav", "aside", "header", "footer", "form", "figure",
                     "noscript", "template", "svg", "button", "iframe", "select", "textarea"})
BLOCKS = {"p": "", "h1": "# ", "h2": "## ", "h3": "### ", "h4": "#### ", "h5": "##### ",
          "h6": "###### ", "li": "- ", "blockquote": "> ", "div": "", "section": "",
          "pre": "", "td": "", "dd": "", "dt": ""}
EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**"}
VOID = frozenset({"br", "img", "meta", "link", "hr", "input", "source", "wbr", "col", "area",
                  "base", "embed", "param", "track"})
PUBLISHED_META = ("article:published_time", "datepublished", "pubdate", "publishdate",
                  "date", "dc.date", "dc.date.issued", "dcterms.created", "og:published_time",
                  "sailthru.date", "parsely-pub-date")
TITLE_META = ("og:title", "twitter:title", "headline")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")
LINK_SCHEMES = ("http", "https", "mailto")


@dataclass
class Page:
    """What a page gives an article: its Markdown blocks, title, date and address."""

    blocks: list[str] = field(default_factory=list)
    title: str | None = None
    heading: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None

    @property
    def markdown(self) -> str:
        return "\n\n".join(self.blocks)


class _Reader(HTMLParser):
    """Collects the blocks of one region of the page (all of it, or its `<article>`)."""

    def __init__(self, only_article: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.only_article = only_article
        self.article_depth = 0
        self.skip_depth = 0
        self.stack: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.link: str | None = None
        self.in_title = False
        self.title_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            self.meta(values)
            return
        if tag == "link" and values.get("rel", "").lower() == "canonical":
            self.page.url = self.page.url or values.get("href") or None
            return
        if tag == "time" and self.page.published is None and values.get("datetime"):
            self.page.published = values["datetime"]
        if tag in VOID:
            if tag == "br" and self.reading:
                self.current.append("  \n")
            return
        self.stack.append(tag)
        if tag == "title":
            self.in_title = True
        elif tag == "article":
            self.article_depth += 1
        elif tag in SKIPPED:
            self.skip_depth += 1
        elif not self.reading:
            return
        elif tag in BLOCKS:
            self.flush()
            self.prefix = BLOCKS[tag]
        elif tag in EMPHASIS:
            self.current.append(EMPHASIS[tag])
        elif tag == "a":
            self.link = self.address(values.get("href", ""))
            if self.link:
                self.current.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            self.close_tag(open_tag)
            if open_tag == tag:
                break

    def close_tag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "article":
            self.flush()
            self.article_depth -= 1
        elif tag in SKIPPED:
            self.skip_depth -= 1
        elif not self.reading:
            return
        elif tag in BLOCKS:
            if tag == "h1" and self.page.heading is None:
                self.page.heading = " ".join("".join(self.current).split()) or None
            self.flush()
        elif tag in EMPHASIS:
            self.current.append(EMPHASIS[tag])
        elif tag == "a" and self.link:
            self.current.append(f"]({self.link})")
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_text.append(data)
        elif self.reading:
            self.current.append(MARKDOWN_SPECIAL.sub(r"\\\1", data).replace("<", "&lt;"))

    @property
    def reading(self) -> bool:
        return self.skip_depth == 0 and (self.article_depth > 0 or not self.only_article)

    def flush(self) -> None:
        lines = "".join(self.current).split("  \n")
        text = "  \n".join(" ".join(line.split()) for line in lines).strip()
        if text.strip("*[]() \n"):
            self.page.blocks.append(self.prefix + text)
        self.current = []
        self.prefix = ""

    def meta(self, values: dict[str, str]) -> None:
        name = (values.get("property") or values.get("name") or values.get("itemprop")
                or "").lower()
        content = values.get("content", "").strip()
        if not content:
            return
        if name in PUBLISHED_META and self.page.published is None:
            self.page.published = content
        elif name in TITLE_META and self.page.title is None:
            self.page.title = content
        elif name == "og:url" and self.page.url is None:
            self.page.url = content
        elif name == "og:site_name" and self.page.site is None:
            self.page.site = content

    def address(self, href: str) -> str | None:
        """A link the article may keep: absolute http(s) or mailto, relative ones made
        absolute against the page's own address when it gives one."""
        href = href.strip()
        if self.page.url and not urlsplit(href).scheme:
            href = urljoin(self.page.url, href)
        if urlsplit(href).scheme not in LINK_SCHEMES or re.search(r"[\s()<>\x00-\x1f]", href):
            return None
        return href


def read_page(html: str) -> Page:
    """The page's story as Markdown, with its title, publication date and address."""
    only_article = re.search(r"<article\b", html, re.IGNORECASE) is not None
    reader = _Reader(only_article)
    reader.feed(html)
    reader.close()
    reader.flush()
    page = reader.page
    title = " ".join("".join(reader.title_text).split())
    page.title = page.title or page.heading or title or None
    if page.heading and page.blocks and page.blocks[0] == f"# {page.heading}":
        page.blocks.pop(0)  # the headline is the article's title, not a line of its body
    return page
