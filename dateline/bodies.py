"""Article bodies as Markdown to HTML that is safe to publish, before any date is known.

Raw HTML in a body is sanitised with an allow-list (nh3) rather than escaped, so reporters can
use a table or an abbreviation, but never a script, a style, a frame or an event handler. No date
is needed, so a body is converted in a worker and cached by its article's bytes alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import markdown
import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "li", "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "noscript",
    "template", "svg", "math", "textarea", "select", "button", "form",
})
MARKDOWN_EXTENSIONS = ("tables", "sane_lists")

# A tag as nh3 serialises it (attributes double-quoted, ">" escaped inside them), or a run of text.
TOKEN = re.compile(r'(<(?:[^>"]|"[^"]*")*>)|([^<]+)')
HEADING_TAG = re.compile(r"^<(/?)h([1-6])\b")
EXTERNAL_HREF = re.compile(r'<a\b[^>]*\bhref="(?:https?:)?//', re.IGNORECASE)


def new_converter() -> markdown.Markdown:
    """A Markdown converter to reuse across bodies (building one costs more than converting)."""
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), output_format="html")


def body_html(body: str, converter: markdown.Markdown | None = None) -> str:
    """Markdown to sanitised HTML, headings moved down one level (the page owns the h1)."""
    converter = converter or new_converter()
    raw = converter.reset().convert(body)
    clean = nh3.clean(
        raw,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        link_rel=None,
        strip_comments=True,
    )
    return "".join(_adjust_tag(token) for token in _tokens(clean))


def _tokens(html: str) -> Iterator[str]:
    for match in TOKEN.finditer(html):
        yield match.group(0)


def _adjust_tag(token: str) -> str:
    """Demote headings by one level; give external links rel="noopener noreferrer"."""
    heading = HEADING_TAG.match(token)
    if heading is not None:
        level = min(int(heading.group(2)) + 1, 6)
        return f"<{heading.group(1)}h{level}" + token[heading.end():]
    if EXTERNAL_HREF.match(token):
        return token[:-1] + ' rel="noopener noreferrer">'
    return token
