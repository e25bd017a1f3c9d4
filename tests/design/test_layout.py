"""The package layout is the pipeline: each stage imports only the stages before it, and no
module imports itself back through others. Walked with `ast`, so lazy imports count too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "dateline"

# The stages in pipeline order; a module may import from its own stage or an earlier one.
STAGES = (
    ("dateline.version", "dateline.model", "dateline.errors", "dateline.display",
     "dateline.jsontext"),
    ("dateline.dates",),
    ("dateline.load",),
    ("dateline.assemble",),
    ("dateline.render",),
    ("dateline.export",),
    ("dateline.authoring",),
    ("dateline.engine",),
    ("dateline.cli", "dateline.__main__"),
    ("dateline",),  # the package itself: the library API, over the stages it re-exports
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> int:
    """The stage a module belongs to: the longest stage prefix that names it."""
    best, best_length = -1, -1
    for index, prefixes in enumerate(STAGES):
        for prefix in prefixes:
            if prefix == "dateline" and module != "dateline":
                continue  # the package's own __init__ only, not every module under it
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    if best == -1:
        raise AssertionError(f"{module} belongs to no stage: add it to STAGES")
    return best


def imported_modules(path: Path) -> set[str]:
    """The dateline modules a file imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("dateline"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dateline"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if is_module(candidate) else str(node.module))
    return found


def is_module(name: str) -> bool:
    where = PACKAGE.parent / name.replace(".", "/")
    return where.with_suffix(".py").exists() or (where / "__init__.py").exists()


GRAPH = {module_name(path): imported_modules(path) for path in sorted(PACKAGE.rglob("*.py"))}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_a_module_imports_no_later_stage(module: str) -> None:
    later = sorted(name for name in GRAPH[module] if stage_of(name) > stage_of(module))
    assert not later, f"{module} (stage {stage_of(module)}) imports a later stage: {later}"


def test_no_module_imports_itself_back() -> None:
    """Depth-first search for a cycle; a package's __init__ importing its own modules is fine,
    a module importing its package's __init__ is counted as importing the package."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = "open"
        path.append(module)
        for name in sorted(GRAPH.get(module, ())):
            if name == module or name not in GRAPH:
                continue
            if module.startswith(name + "."):
                continue  # a module reading its own package's exports
            if state.get(name) == "open":
                cycle = path[path.index(name):] + [name]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if name not in state:
                visit(name)
        path.pop()
        state[module] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
