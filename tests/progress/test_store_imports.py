"""The layer rule from DESIGN.md: ``progress`` imports neither ``course`` nor Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_progress_imports_nothing_from_course_or_the_ui() -> None:
    code = (
        "import sys, progress\n"
        "banned = ('course', 'textual', 'rich', 'platformdirs')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in banned))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    # platformdirs is only imported when the default folder is asked for, so a
    # crash-test child or the CLI's --data-dir path starts without it.
    assert out.strip() == "[]"
