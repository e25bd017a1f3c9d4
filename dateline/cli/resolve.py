"""`build.py resolve`: one expression for a person, or JSON lines for a program."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from json.encoder import encode_basestring
from typing import TextIO

from dateline.dates import resolve
from dateline.errors import DateError
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


def resolve_line(line: str) -> dict[str, str | bool]:
    """One JSON input line to its output object; every problem becomes {"error": ...}."""
    answer = read_request(line)
    return {"error": answer} if isinstance(answer, str) else as_json(answer)


# the C scanner json.loads ends up calling (an attribute the stubs do not declare)
SCAN_OBJECT: Callable[[str, int], tuple[object, int]] = vars(json.JSONDecoder())["scan_once"]


def load_line(line: str) -> object:
    """json.loads(line): an object line straight through the C scanner (json.loads wraps it
    in three Python calls), anything unusual through json.loads itself, for its exact errors."""
    if line[:1] == "{":
        try:
            value, end = SCAN_OBJECT(line, 0)
        except (json.JSONDecodeError, StopIteration):
            value, end = None, -1
        if end == len(line) or (end == len(line) - 1 and line[end] == "\n"):
            return value
    return json.loads(line)


def read_request(line: str) -> ResolvedDate | str:
    """One JSON input line resolved, or the message of what is wrong with it."""
    try:
        request = load_line(line)
    except json.JSONDecodeError as problem:
        return f"not a JSON object: {problem.msg}"
    if not isinstance(request, dict):
        return "each line must be a JSON object"
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


def answer_line(line: str) -> str:
    """The output line for one input line: the same text as json.dumps(resolve_line(line),
    ensure_ascii=False), written directly (no dict, no encoder walk) since batches are hot."""
    answer = read_request(line)
    if isinstance(answer, str):
        return f'{{"error": {encode_basestring(answer)}}}'
    start = answer.start.isoformat()  # (date.isoformat goes through sprintf: write one day once)
    end = start if answer.end == answer.start else answer.end.isoformat()
    return (f'{{"start": "{start}", "end": "{end}", '
            f'"granularity": "{answer.granularity}", '
            f'"approximate": {"true" if answer.approximate else "false"}, '
            f'"timex": {encode_basestring(answer.timex)}, '
            f'"explanation": {encode_basestring(answer.explanation)}}}')


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


def request_lines(lines: TextIO, chunk_size: int = 1 << 16) -> Iterator[str]:
    """The lines of `lines`, each with its newline as file iteration gives it, read in large
    chunks (a JSON error message can depend on that newline, so it is kept)."""
    rest = ""
    while chunk := lines.read(chunk_size):
        parts = (rest + chunk).split("\n")
        rest = parts.pop()
        for part in parts:
            yield part + "\n"
    if rest:
        yield rest


def resolve_batch(lines: TextIO, out: TextIO) -> int:
    """Resolve every line in order; a bad line yields an error object and the batch goes on.
    A line seen again within the same block of 4,096 gets the answer already written for it
    (the answer is a pure function of the line)."""
    batch: list[str] = []
    answered: dict[str, str] = {}
    for line in request_lines(lines):
        if not line.strip():
            continue
        answer = answered.get(line)
        if answer is None:
            answer = answered[line] = answer_line(line)
        batch.append(answer)
        if len(batch) >= 4096:
            out.write("\n".join(batch) + "\n")
            batch.clear()
            answered.clear()
    if batch:
        out.write("\n".join(batch) + "\n")
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
