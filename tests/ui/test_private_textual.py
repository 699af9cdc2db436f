"""Textual's private API is reached only from course/ui/textual_fixes.py.

A precise form of ``grep "\\._[a-z_]*("``: that grep also finds every call of
our own private helpers (``self._show(...)``) and ``super().__init__()``. Here
a private attribute counts as Textual's when no code of ours defines a name
like it, so a new reach into Textual fails this test wherever it is written.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = ROOT / "course" / "ui" / "textual_fixes.py"


def _sources() -> list[Path]:
    return sorted([*(ROOT / "course").rglob("*.py"), *(ROOT / "progress").rglob("*.py")])


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _defined_here(trees: list[ast.AST]) -> set[str]:
    """Every private name our own code defines: functions, classes, attributes, imports."""
    names: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.alias):
                names.add(node.asname or node.name.split(".")[0])
            elif isinstance(node, ast.arg):
                names.add(node.arg)
    return {name for name in names if _private(name)}


def test_only_textual_fixes_reaches_into_textual() -> None:
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _sources()}
    ours = _defined_here([tree for path, tree in trees.items() if path != ALLOWED])
    found: list[str] = []
    for path, tree in trees.items():
        if path == ALLOWED or not path.is_relative_to(ROOT / "course" / "ui"):
            continue  # only course/ui imports Textual (tests/test_import_hygiene.py)
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual._"):
                found.append(f"{where} imports {node.module}")
            elif isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in ours:
                found.append(f"{where} uses .{node.attr}")
    assert found == [], "private Textual API outside textual_fixes.py:\n" + "\n".join(found)


def test_the_check_finds_a_reach_into_textual() -> None:
    """The check itself: Textual's private names are not ones we define."""
    ours = _defined_here([ast.parse(p.read_text(encoding="utf-8")) for p in _sources()])
    for textual_private in ("_register", "_refresh_layout", "_driver", "_compositor"):
        assert textual_private not in ours
