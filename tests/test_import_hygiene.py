"""The layers in DESIGN.md hold: the domain and the store never pull in Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

DOMAIN = [
    "course",
    "course.model",
    "course.problems",
    "course.schema",
    "course.toml_lines",
    "course.loader",
    "course.paths",
    "course.cli",
    "course.commands.validate",
]


def _modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return set(output.split())


@pytest.mark.parametrize("module", DOMAIN)
def test_domain_imports_neither_textual_nor_sqlite(module: str) -> None:
    loaded = _modules_after_import(module)
    assert module in loaded
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "rich"}}
    assert "sqlite3" not in loaded


def test_progress_imports_no_textual_and_nothing_from_course() -> None:
    loaded = _modules_after_import("progress")
    assert "progress" in loaded
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "rich", "course"}}
