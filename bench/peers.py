"""The resolvers the benchmarks compare: dateline's Python API and the two peers, behind one shape.

Each maker returns a function from (text, reference, anchor day or None, direction) to an outcome:
an inclusive (start, end) pair of ISO dates, or None when the resolver gives no answer. The peers
only read a single point in time, so their pair has start == end.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Callable
from datetime import date, datetime

from dateline.errors import DateError
from dateline.model import ResolvedDate, Span

Outcome = tuple[str, str] | None
Resolver = Callable[[str, date, date | None, str], Outcome]


def dateline_resolve() -> Callable[..., ResolvedDate]:
    """The function `resolve` of the module dateline.dates.resolve (which the package re-exports);
    importing the module by name works whether or not the package's __init__ exists yet."""
    module = importlib.import_module("dateline.dates.resolve")
    function: Callable[..., ResolvedDate] = module.resolve
    return function


def clear_dateline_caches() -> None:
    """Empty every functools cache of the loaded dateline.dates modules, so a timed pass pays for
    parsing each distinct text again, as a fresh build process would."""
    for name, module in list(sys.modules.items()):
        if name.startswith("dateline.dates") and module is not None:
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def dateline_resolver() -> tuple[Resolver | None, str]:
    """dateline.dates.resolve, or None and why it could not be imported."""
    try:
        resolve = dateline_resolve()
    except (ImportError, AttributeError) as problem:
        return None, f"dateline.dates.resolve is not importable yet ({problem})"

    def run(text: str, reference: date, anchor: date | None, direction: str) -> Outcome:
        try:
            found = resolve(
                text, reference, anchor=Span(anchor, anchor) if anchor else None,
                direction="future" if direction == "future" else "past",
            )
        except DateError:
            return None
        return found.start.isoformat(), found.end.isoformat()

    return run, ""


def dateline_errors(text: str, reference: date, anchor: date | None, direction: str) -> str | None:
    """dateline's error message for an expression with a one-day anchor, or None if it resolves."""
    return dateline_message(text, reference, Span(anchor, anchor) if anchor else None, direction)


def dateline_message(text: str, reference: date, anchor: Span | None, direction: str) -> str | None:
    """dateline's error message, or None if it resolves; an exception other than DateError is a
    bug, reported as a crash rather than stopping the benchmark."""
    try:
        dateline_resolve()(text, reference, anchor=anchor,
                           direction="future" if direction == "future" else "past")
    except DateError as problem:
        return problem.message
    except Exception as problem:  # noqa: BLE001 - a crash is a finding to report, not to hide
        return f"CRASH {type(problem).__name__}: {problem}"
    return None


def dateparser_resolver() -> Resolver:
    """dateparser with the settings the issue names; PREFER_DATES_FROM follows the direction."""
    import dateparser  # type: ignore[import-untyped]

    warnings.filterwarnings("ignore", module="dateparser")

    def run(text: str, reference: date, anchor: date | None, direction: str) -> Outcome:
        settings = {"RELATIVE_BASE": datetime(reference.year, reference.month, reference.day),
                    "PREFER_DATES_FROM": direction}
        found = dateparser.parse(text, languages=["en"], settings=settings)
        if found is None:
            return None
        day = found.date().isoformat()
        return day, day

    return run


def parsedatetime_resolver() -> Resolver:
    """parsedatetime's parseDT; a parse status of 0 means it read nothing."""
    import parsedatetime  # type: ignore[import-untyped]

    calendar = parsedatetime.Calendar()

    def run(text: str, reference: date, anchor: date | None, direction: str) -> Outcome:
        base = datetime(reference.year, reference.month, reference.day)
        found, status = calendar.parseDT(text, sourceTime=base)
        if not status:
            return None
        day = found.date().isoformat()
        return day, day

    return run


PEERS: dict[str, Callable[[], Resolver]] = {
    "parsedatetime": parsedatetime_resolver,
    "dateparser": dateparser_resolver,
}
