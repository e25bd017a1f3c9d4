"""One way to do each thing: one name for one idea, one table for one list, no hidden names.
Walked with `ast`, so the checks read the code as a reviewer would, without importing it."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "dateline"
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def modules() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(PACKAGE.parent)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def test_no_module_defines_a_module_getattr() -> None:
    """A module `__getattr__` makes names that readers, linters and mypy cannot see."""
    hidden = [
        path for path, tree in modules().items()
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name == "__getattr__"
    ]
    assert not hidden, hidden


def test_each_class_name_in_dates_means_one_thing() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    for path, tree in modules().items():
        if path.startswith("dateline/dates/"):
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    where[node.name].append(path)
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}


def test_month_and_weekday_names_are_written_out_once() -> None:
    for names in (MONTHS, WEEKDAYS):
        spelled = sorted(
            path for path, tree in modules().items()
            for node in ast.walk(tree)
            if isinstance(node, ast.Tuple)
            and tuple(getattr(item, "value", None) for item in node.elts) == names
        )
        assert len(spelled) == 1, (names[0], spelled)


def test_chrome_is_a_word_of_the_render_stage_only() -> None:
    """The chrome is what every page shows around its content; elsewhere the word misleads."""
    outside = sorted({
        path for path, tree in modules().items()
        if not path.startswith("dateline/render/")
        for node in ast.walk(tree)
        if (isinstance(node, ast.Name) and "chrome" in node.id.lower())
        or (isinstance(node, ast.arg) and "chrome" in node.arg.lower())
        or (isinstance(node, ast.Attribute) and "chrome" in node.attr.lower())
    })
    assert not outside, outside
