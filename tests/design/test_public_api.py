"""dateline uses the standard library through its public names only: private modules (`re._parser`,
`_sre`) and attributes change between Python releases without notice. Walked with `ast`, so
imports by name (`importlib.import_module("re._parser")`) count too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "dateline"
MODULES = sorted(PACKAGE.rglob("*.py"))
DOCUMENTED = frozenset({"os._exit"})  # public despite the underscore (the library reference)


def is_private(dotted: str) -> bool:
    """A module path with a part named `_x` (dunder names such as `__future__` are public)."""
    return any(part.startswith("_") and not part.endswith("__") for part in dotted.split("."))


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module a file imports, with its line: statements and `import_module("...")`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, node.module)]
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value))
    return found


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_private_module_is_imported(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [f"line {line}: {name}" for line, name in imported_modules(tree)
               if not name.startswith("dateline") and is_private(name)]
    assert not private, private


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_private_attribute_of_an_imported_module_is_used(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree)
               if isinstance(node, ast.Import) for alias in node.names}
    used = [f"line {node.lineno}: {node.value.id}.{node.attr}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id in modules and is_private(node.attr)
            and f"{node.value.id}.{node.attr}" not in DOCUMENTED]
    assert not used, used


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_module_computes_its_attributes(path: Path) -> None:
    """A module-level `__getattr__` hides what a module holds from readers and type checkers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not [node.lineno for node in tree.body
                if isinstance(node, ast.FunctionDef) and node.name == "__getattr__"]
