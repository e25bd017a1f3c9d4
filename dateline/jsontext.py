"""JSON text that is safe to place inside an HTML <script> element as well as in a file."""

from __future__ import annotations

import json

# Lossless for every JSON reader; stops "</script>" or "<!--" in reporters' text from closing
# or commenting out the element the JSON is embedded in, and stops a browser sniffing it as HTML.
HTML_SENSITIVE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))
HTML_SENSITIVE_BYTES = tuple((raw.encode(), escaped.encode()) for raw, escaped in HTML_SENSITIVE)


def json_string(text: str) -> str:
    """A JSON string literal with UTF-8 kept as is. It leaves <, > and & alone: pass a finished
    document that a page may embed through `make_script_safe_bytes`."""
    return json.dumps(text, ensure_ascii=False)


def make_script_safe(json_text: str) -> str:
    """Escape <, > and & in finished JSON text: they can only occur inside its strings."""
    for raw, escaped in HTML_SENSITIVE:  # str.replace is many times faster than translate
        json_text = json_text.replace(raw, escaped)
    return json_text


def make_script_safe_bytes(json_utf8: bytes) -> bytes:
    """`make_script_safe` on UTF-8: many times faster than on text, as `bytes.replace` scans
    with memchr whatever the characters (a str holding one en dash is two bytes a character).
    A byte below 0x80 is never part of another character, so no character is split."""
    for raw, escaped in HTML_SENSITIVE_BYTES:
        json_utf8 = json_utf8.replace(raw, escaped)
    return json_utf8


def script_safe_json(value: object, *, indent: int | None = None, sort_keys: bool = False) -> str:
    """`json.dumps` made script-safe; indent=None keeps CPython's C encoder (indent forces the
    pure-Python one, many times slower)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=sort_keys)
    return make_script_safe(text)


# What to do about a line that is not a request: the same advice from every JSON-lines command.
WRITE_AN_OBJECT = "write each line as one JSON object"
JSON_KINDS = ((list, "an array"), (str, "a string"), (bool, "true or false"),
              (int, "a number"), (float, "a number"), (type(None), "null"))


def read_json_object(line: bytes) -> dict[str, object] | str:
    """One line of JSON-lines input as an object, or the message saying what is wrong with it,
    where in the line (the column json gives, or the offset of a byte that is not UTF-8), and
    what to do. `resolve --jsonl` and `annotate` both read their lines with it, so the same bad
    line gets the same message from either; each then checks its own fields."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as problem:
        return (f"not UTF-8 text: byte 0x{line[problem.start]:02x} at offset {problem.start}; "
                "write the input as UTF-8")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as problem:
        if not text.strip():
            return f"empty line; {WRITE_AN_OBJECT}"
        return f"not a JSON object: {problem.msg} at column {problem.colno}; {WRITE_AN_OBJECT}"
    except RecursionError:
        return f"not a JSON object: arrays or objects nested too deeply; {WRITE_AN_OBJECT}"
    except ValueError as problem:  # a number of more digits than int() converts
        return f"not a JSON object: {str(problem).partition(':')[0]}; {WRITE_AN_OBJECT}"
    if isinstance(value, dict):
        return value
    kind = next(name for kinds, name in JSON_KINDS if isinstance(value, kinds))
    return f"not a JSON object but {kind}; {WRITE_AN_OBJECT}"
