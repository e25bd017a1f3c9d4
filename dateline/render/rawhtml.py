"""Raw HTML in Markdown's output kept only where it cannot hide the text around it.

A browser (and nh3, which parses as one) reads everything after `<script>`, `<textarea>`,
`<title>`, `<xmp>`, `<plaintext>` or an unclosed comment as that element's content, and the
sanitiser then drops it with the element: prose that names a tag would lose the rest of its
article. So before sanitising, every `<` that does not open a well-formed tag of an allowed
element, closed later in the body, is written as `&lt;` and reads as the text the reporter
typed. Comments that close are the author's notes and are removed whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Where a browser starts markup: "<" then a letter, "/", "!" or "?"; any other "<" is text.
MARKUP_START = re.compile(r"<[A-Za-z/!?]")
# A start or end tag a browser reads exactly as written: a name, then attributes whose values
# are quoted or plain words. Anything looser is shown as text, never guessed at.
WELL_FORMED_TAG = re.compile(
    r"""<(/?)([A-Za-z][A-Za-z0-9]*)"""
    r"""((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"""
)
# Elements with no content, and those whose end tag a browser supplies at the next block.
VOID_ELEMENTS = frozenset({"br", "hr", "img"})
OPTIONAL_END_ELEMENTS = frozenset({
    "dd", "dt", "li", "p", "tbody", "td", "tfoot", "th", "thead", "tr",
})


def text_outside_allowed_tags(html: str, allowed: Iterable[str]) -> str:
    """The HTML with each `<` that is not part of a kept tag or a closed comment escaped.

    A kept tag names an allowed element, is well formed, and, unless the element is void or
    its end tag optional, has a partner: a start tag needs a later end tag and an end tag an
    earlier start tag. An unpartnered `<b>` or `<pre>` would restyle the rest of the body.
    """
    names = frozenset(name.lower() for name in allowed)
    pieces: list[str] = []  # text, then one "<..." candidate, alternately
    tags: dict[int, tuple[str, bool]] = {}  # index in pieces -> (name, is_end)
    last_comment_end = html.rfind("-->")  # a comment opened after it never closes
    done = 0
    position = 0
    while (start := MARKUP_START.search(html, position)) is not None:
        at = start.start()
        if html.startswith("<!--", at) and last_comment_end >= at + 4:
            pieces.append(html[done:at])
            done = position = html.index("-->", at + 4) + 3
            continue
        tag = WELL_FORMED_TAG.match(html, at)
        if tag is None or tag.group(2).lower() not in names:
            pieces += (html[done:at], "&lt;")
            done = position = at + 1
            continue
        pieces.append(html[done:at])
        tags[len(pieces)] = (tag.group(2).lower(), tag.group(1) == "/")
        pieces.append(tag.group(0))
        done = position = tag.end()
    pieces.append(html[done:])
    for index in _unpartnered(tags):
        pieces[index] = "&lt;" + pieces[index][1:]
    return "".join(pieces)


def _unpartnered(tags: dict[int, tuple[str, bool]]) -> list[int]:
    """The tags (by index) a browser would leave open or find nothing to close, matched per
    element name in document order like brackets."""
    open_by_name: dict[str, list[int]] = {}
    unpartnered: list[int] = []
    for index, (name, is_end) in tags.items():
        if name in OPTIONAL_END_ELEMENTS:
            continue
        if name in VOID_ELEMENTS:
            if is_end:
                unpartnered.append(index)
            continue
        opened = open_by_name.setdefault(name, [])
        if not is_end:
            opened.append(index)
        elif opened:
            opened.pop()
        else:
            unpartnered.append(index)
    for opened in open_by_name.values():
        unpartnered += opened
    return unpartnered
