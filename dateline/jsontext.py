"""JSON text that is safe to place inside an HTML <script> element as well as in a file."""

from __future__ import annotations

import json
from json.encoder import encode_basestring

# Lossless for every JSON reader; stops "</script>" or "<!--" in reporters' text from closing
# or commenting out the element the JSON is embedded in, and stops a browser sniffing it as HTML.
HTML_SENSITIVE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def json_string(text: str) -> str:
    """A JSON string literal, UTF-8 kept as is (C encoder); pass the finished text through
    `make_script_safe`, which escapes markup characters in one pass over the whole document."""
    return encode_basestring(text)


def make_script_safe(json_text: str) -> str:
    """Escape <, > and & in finished JSON text: they can only occur inside its strings."""
    for raw, escaped in HTML_SENSITIVE:  # str.replace is many times faster than translate
        json_text = json_text.replace(raw, escaped)
    return json_text


def script_safe_json(value: object, *, indent: int | None = None, sort_keys: bool = False) -> str:
    """`json.dumps` made script-safe; indent=None keeps CPython's C encoder (indent forces the
    pure-Python one, many times slower)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=sort_keys)
    return make_script_safe(text)
