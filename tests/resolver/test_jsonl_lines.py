"""`resolve --jsonl` reads object lines through json's C scanner directly: it must accept and
refuse exactly what json.loads does, with its messages (a bad line's answer quotes them)."""

from __future__ import annotations

import json

import pytest

from dateline.cli.resolve import load_line

GOOD = ['{"text": "Monday", "ref": "2024-03-13"}\n', '{"text": "Monday", "ref": "2024-03-13"}',
        '{"text": "\\u00e9t\\u00e9", "ref": "2024-03-13", "direction": "future"}\n',
        '{"text": "Monday", "ref": "2024-03-13"}   \n', '{"text": "Monday"}\r\n', '{}\n',
        '  {"text": "Monday"}\n', '[1, 2]\n', '"Monday"\n', 'null\n']
BAD = ['{"text": "Monday"} extra\n', '{"text": "Monday"}{"a": 1}\n', '{bad\n', '{\n', '{"a": }\n',
       '\ufeff{"text": "Monday"}\n', '{"text": "Mon\nday"}', '\n', '{"a": 1,}\n']


@pytest.mark.parametrize("line", GOOD)
def test_a_good_line_reads_as_json_loads_reads_it(line: str) -> None:
    assert load_line(line) == json.loads(line)


@pytest.mark.parametrize("line", BAD)
def test_a_bad_line_fails_with_json_loads_message(line: str) -> None:
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(line)
    with pytest.raises(json.JSONDecodeError) as found:
        load_line(line)
    assert (found.value.msg, found.value.pos) == (expected.value.msg, expected.value.pos)
