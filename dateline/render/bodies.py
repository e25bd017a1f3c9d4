"""Article bodies as Markdown to HTML that is safe to publish, before any date is known.

Raw HTML of allowed elements is kept and sanitised (nh3), so reporters can use a table or an
abbreviation; any other markup (a script, a style, a frame, a comment left open) is shown as the
text it is, so prose that names a tag keeps every word after it. No date is needed, so a body is
converted in a worker and cached by its article's bytes alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import cast
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown.inlinepatterns import DelimiterProcessor, InlineProcessor
from markdown.preprocessors import HtmlBlockPreprocessor
from markdown.treeprocessors import InlineProcessor as InlineTreeprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS, AtomicString, Registry

from dateline.render.rawhtml import text_outside_allowed_tags

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
# nh3 escapes "<" and ">" in text and attribute values, so every "<" of its output opens a tag and
# the first ">" closes it. Headings carry no attributes; an external link gets rel before its ">".
HEADING_TAG = re.compile(r"<(/?)h([1-5])>")
EXTERNAL_LINK_TAG = re.compile(r'(<a\b[^>]*\bhref="(?:https?:)?//[^>]*)>', re.IGNORECASE)
# Python-Markdown tries every inline pattern on every text, in Python; each stock pattern's
# expression cannot match without one of these strings, so a text lacking them all skips it.
INLINE_TRIGGERS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "backtick": ("`",),
    "escape": ("\\",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("![",),
    "image_reference": ("![",),
    "short_reference": ("[",),
    "short_image_ref": ("![",),
    "autolink": ("<",),
    "automail": ("<",),
    "linebreak": ("  \n",),
    "html": ("<",),
    "entity": ("&",),
})

# Markdown keeps a block of raw HTML unconverted up to its end tag. Only allowed elements may
# open such a block, so a line starting "<script>" or "<div>" stays a Markdown paragraph. The
# wrapper Markdown builds the document in must count as a block for line breaks to go between
# paragraphs: an allowed block element serves, and Markdown strips it again.
RAW_BLOCK_ELEMENTS = tuple(tag for tag in BLOCK_LEVEL_ELEMENTS if tag in ALLOWED_TAGS)
DOCUMENT_WRAPPER = "blockquote"

INLINE_PRIORITY = 20  # the stock "inline" treeprocessor's place: after the tree is built
HTML_BLOCK_PRIORITY = 20  # the stock "html_block" preprocessor's place

# Configuration only, like a compiled expression: built once instead of once per body.
SANITISER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    link_rel=None,
    strip_comments=True,
)


class BodyMarkdown(markdown.Markdown):
    """Python-Markdown building its document in a wrapper that counts as a block element."""

    doc_tag = DOCUMENT_WRAPPER


class ClosedRawBlocks(HtmlBlockPreprocessor):
    """Markdown's reader of raw HTML blocks, where only an element whose end tag the body holds
    may open one: an unclosed `<pre>` or `<table>` at a line start would keep every later
    paragraph from being converted. Such a tag stays in its paragraph, where it shows as text."""

    def run(self, lines: list[str]) -> list[str]:
        every = self.md.block_level_elements
        source = "\n".join(lines).lower()
        self.md.block_level_elements = [tag for tag in every if tag == "hr" or f"</{tag}" in source]
        try:
            return super().run(lines)
        finally:
            self.md.block_level_elements = every


class TriggeredInlineProcessor(InlineTreeprocessor):
    """Python-Markdown's inline pass, skipping each pattern whose trigger the text lacks: the
    stock pass would try it and find nothing, so the output is the same, and most prose skips
    nearly all of them. Patterns we know no trigger for are always tried."""

    def run(self, tree: Element, ancestors: list[str] | None = None) -> Element:
        # types-Markdown names the wrong InlineProcessor class for the registry's items.
        patterns = cast("Registry[InlineProcessor]", self.inlinePatterns)
        known = {id(patterns[name]): name for name in INLINE_TRIGGERS if name in patterns}
        self._ordered = [(pattern, _triggers(known.get(id(pattern)), pattern))
                         for pattern in patterns]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        """The stock loop (same name, so the stock pass calls it), with the trigger test."""
        if isinstance(data, AtomicString):
            return data
        apply = cast(Callable[[InlineProcessor, str, int, int], tuple[str, bool, int]],
                     self._InlineProcessor__applyPattern)  # type: ignore[attr-defined]
        ordered = self._ordered
        start_index = 0
        while patternIndex < len(ordered):
            pattern, triggers = ordered[patternIndex]
            if triggers is not None:
                for trigger in triggers:
                    if trigger in data:
                        break
                else:  # the stock pass would find nothing: go on as it would
                    patternIndex, start_index = patternIndex + 1, 0
                    continue
            data, matched, start_index = apply(pattern, data, patternIndex, start_index)
            if not matched:
                patternIndex += 1
        return data


def _triggers(name: str | None, pattern: InlineProcessor) -> tuple[str, ...] | None:
    """What a stock pattern needs in the text; None (always try it) for any other pattern."""
    if type(pattern).__module__ != "markdown.inlinepatterns":
        return None
    if type(pattern) is DelimiterProcessor:
        return tuple(pattern.tokens)  # its expression is the alternation of its tokens
    return INLINE_TRIGGERS.get(name) if name is not None else None


def new_converter() -> markdown.Markdown:
    """A Markdown converter to reuse across bodies (building one costs more than converting)."""
    converter = BodyMarkdown(extensions=list(MARKDOWN_EXTENSIONS), output_format="html")
    converter.block_level_elements = list(RAW_BLOCK_ELEMENTS)
    converter.preprocessors.register(ClosedRawBlocks(converter), "html_block", HTML_BLOCK_PRIORITY)
    converter.treeprocessors.register(
        TriggeredInlineProcessor(converter), "inline", INLINE_PRIORITY
    )
    return converter


def body_html(body: str, converter: markdown.Markdown | None = None) -> str:
    """Markdown to sanitised HTML, other markup shown as text, headings moved down one level
    (the page owns the h1), and rel="noopener noreferrer" on external links."""
    converter = converter or new_converter()
    html = converter.reset().convert(body)
    # Markdown's own tags are all allowed and closed: only raw HTML it passed through needs a look.
    if any("<" in str(raw) for raw in converter.htmlStash.rawHtmlBlocks):
        html = text_outside_allowed_tags(html, ALLOWED_TAGS)
    clean = SANITISER.clean(html)
    if "<h" in clean:
        clean = HEADING_TAG.sub(_demoted_heading, clean)
    if "<a " in clean:
        clean = EXTERNAL_LINK_TAG.sub(r'\1 rel="noopener noreferrer">', clean)
    return clean


def _demoted_heading(tag: re.Match[str]) -> str:
    return f"<{tag.group(1)}h{int(tag.group(2)) + 1}>"
