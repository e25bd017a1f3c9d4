"""`build.py resolve`: one expression for a person, or JSON lines for a program."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import BinaryIO

from dateline.dates import resolve
from dateline.errors import DateError
from dateline.jsontext import json_string, read_json_object
from dateline.model import Direction, ResolvedDate, Span


def parse_day(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise DateError(f"{what} must be a date written YYYY-MM-DD, not {value!r}") from None


def parse_anchor(value: str) -> Span:
    """`YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD`."""
    first, _, last = value.partition("..")
    start = parse_day(first, "anchor")
    end = parse_day(last, "anchor") if last else start
    if end < start:
        raise DateError(f"anchor {value!r} ends before it starts")
    return Span(start, end)


def as_json(resolved: ResolvedDate) -> dict[str, str | bool]:
    """The contract's output object, keys in the contract's order."""
    return {
        "start": resolved.start.isoformat(),
        "end": resolved.end.isoformat(),
        "granularity": resolved.granularity,
        "approximate": resolved.approximate,
        "timex": resolved.timex,
        "explanation": resolved.explanation,
    }


def read_request(line: bytes) -> ResolvedDate | str:
    """One input line resolved, or the message of what is wrong with it."""
    request = read_json_object(line)
    if isinstance(request, str):
        return request
    return resolve_request(request)


def resolve_request(request: dict[str, object]) -> ResolvedDate | str:
    """A request object's fields checked and resolved, or the message of what is wrong."""
    text, ref = request.get("text"), request.get("ref")
    direction = request.get("direction", "past")
    try:
        if not isinstance(text, str):
            raise DateError('"text" must be a string')
        if not isinstance(ref, str):
            raise DateError('"ref" must be a date written YYYY-MM-DD')
        if direction not in ("past", "future"):
            raise DateError('"direction" must be "past" or "future"')
        anchor = request.get("anchor")
        if anchor is not None and not isinstance(anchor, str):
            raise DateError('"anchor" must be a string')
        return resolve_strings(text, ref, anchor, direction, '"ref"')
    except DateError as problem:
        return problem.message


def answer_line(line: bytes) -> bytes:
    """The output line for one input line, UTF-8: the text json.dumps(..., ensure_ascii=False)
    gives. A lone surrogate (from a "\\ud800" escape, which JSON allows) has no UTF-8 form:
    that answer is written with JSON's \\u escapes."""
    answer = read_request(line)
    # written directly, not with json.dumps: 26% more --jsonl lines/s (callgrind, bench corpus)
    if isinstance(answer, str):
        text = f'{{"error": {json_string(answer)}}}'
    else:
        text = (f'{{"start": "{answer.start.isoformat()}", "end": "{answer.end.isoformat()}", '
                f'"granularity": "{answer.granularity}", '
                f'"approximate": {"true" if answer.approximate else "false"}, '
                f'"timex": {json_string(answer.timex)}, '
                f'"explanation": {json_string(answer.explanation)}}}')
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        value = {"error": answer} if isinstance(answer, str) else as_json(answer)
        return json.dumps(value).encode("ascii")


def resolve_strings(
    text: str, ref: str, anchor: str | None, direction: str, ref_name: str
) -> ResolvedDate:
    """Resolve with every argument as typed by a person or a program; bad ones are DateErrors."""
    resolved_direction: Direction = "future" if direction == "future" else "past"
    return resolve(
        text,
        parse_day(ref, ref_name),
        anchor=parse_anchor(anchor) if anchor else None,
        direction=resolved_direction,
    )


def resolve_batch(lines: BinaryIO, out: BinaryIO) -> int:
    """Resolve every line in order, one answer line each; a bad line yields an error object
    and the batch goes on. The lines are split by the binary file's own line iteration, one
    pass over the bytes however long a line is. A line seen again within the same block of
    4,096 gets the answer already written for it (the answer is a pure function of the line)."""
    batch: list[bytes] = []
    answered: dict[bytes, bytes] = {}
    for line in lines:
        request = line[:-1] if line.endswith(b"\n") else line
        answer = answered.get(request)
        if answer is None:
            answer = answered[request] = answer_line(request)
        batch.append(answer)
        if len(batch) >= 4096:
            out.write(b"\n".join(batch) + b"\n")
            batch.clear()
            answered.clear()
    if batch:
        out.write(b"\n".join(batch) + b"\n")
    out.flush()
    return 0


def resolve_one(text: str | None, ref: str | None, anchor: str | None, direction: str) -> int:
    """Print the span and how it was read; a readable error and exit 1 otherwise."""
    if text is None or ref is None:
        print('usage: python build.py resolve "EXPRESSION" --ref YYYY-MM-DD', file=sys.stderr)
        return 2
    try:
        resolved = resolve_strings(text, ref, anchor, direction, "--ref")
    except DateError as problem:
        print(f"error: {problem.message}", file=sys.stderr)
        print(f"    {text}\n    {' ' * problem.offset}^", file=sys.stderr)
        return 1
    span = resolved.start.isoformat()
    if resolved.end != resolved.start:
        span += f"..{resolved.end.isoformat()}"
    approx = ", approximate" if resolved.approximate else ""
    print(f"{span}  ({resolved.granularity}{approx}; timex {resolved.timex})")
    print(resolved.explanation)
    return 0
