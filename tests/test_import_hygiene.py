"""The layers in DESIGN.md hold: the domain and the store never pull in Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_a_returning_start_defines_only_what_the_map_needs(tmp_path: Path) -> None:
    """Start-up is judged against a bare Textual app, so the map's path stays lean.

    Each module below costs a returning learner time before the map appears
    (about 0.6 ms per frozen dataclass on Python 3.11) and is needed only by
    a lesson, an export or a broken lesson; this fails if one creeps back in.
    """
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from course.course_cache import keep, load_with_cache\n"
        "from course.launch import lesson_folders\n"
        "from types import SimpleNamespace\n"
        "data = Path(sys.argv[1])\n"
        "folders = lesson_folders(SimpleNamespace(lessons=None, only=False), data)\n"
        "if sys.argv[2] == 'keep':\n"
        "    data.mkdir()\n"
        "    keep(*load_with_cache(folders, data), data)\n"
        "else:\n"
        "    import asyncio\n"
        "    from progress import database_path, open_store\n"
        "    import course.ui.app as ui\n"
        "    ui.PREPARE_DELAY = 3600  # look before the lesson screen is built ahead\n"
        "    opened = open_store(database_path(data))\n"
        "    opened.store.acknowledge_first_run()\n"
        "    app = ui.CourseApp(load_with_cache(folders, data)[0], opened.store, (), data)\n"
        "    async def show_map():\n"
        "        async with app.run_test(size=(80, 24)) as pilot:\n"
        "            await pilot.pause()\n"
        "            assert type(app.screen).__name__ == 'MapScreen', app.screen\n"
        "            return sorted(sys.modules)\n"
        "    print('\\n'.join(asyncio.run(show_map())))\n"
    )
    data = str(tmp_path / "data")
    subprocess.run([sys.executable, "-c", code, data, "keep"], check=True)
    run = subprocess.run(
        [sys.executable, "-c", code, data, "start"], check=True, capture_output=True, text=True
    )
    loaded = set(run.stdout.split())
    assert {"course.model", "progress.records", "course.ui.screens.course_map"} <= loaded
    assert "textual.pilot" in loaded, "the map was shown, not only imported"
    lesson_only = {
        "course.loader",
        "course.problems",
        "course.ui.screens.lesson",
        "json",
        "progress.answers",
        "progress.own_work",
        "progress.snapshot",
        "tomli",
        "tomllib",
    }
    assert not loaded & lesson_only, sorted(loaded & lesson_only)
