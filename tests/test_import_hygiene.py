"""The layers in DESIGN.md hold: the domain and the store never pull in Textual."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NOT_DOMAIN = {
    "course.__main__",  # runs the CLI
    "course.cli",  # the command line: its commands open the store
    "course.launch",  # starts the app: opens the store
    "course.session",  # the door to the store, shared by both front ends
    "course.session_safety",
    "course.session_treatments",
}
"""Modules of ``course`` that are front ends or doors, not domain: they may reach the store."""


def modules_under(package: str) -> list[str]:
    """Every module of ``package`` found on disk, so a new module is covered too."""
    folder = ROOT.joinpath(*package.split("."))
    found = [package]
    for path in sorted(folder.glob("*.py")):
        if path.stem != "__init__":
            found.append(f"{package}.{path.stem}")
    return found


DOMAIN = [m for m in modules_under("course") if m not in NOT_DOMAIN]
PLAIN = modules_under("course.plain")
COMMANDS = modules_under("course.commands")


def _modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return set(output.split())


def _loaded(modules: list[str]) -> dict[str, set[str]]:
    """Each module imported in a fresh interpreter of its own (two at a time)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(modules, pool.map(_modules_after_import, modules), strict=True))


def _ui(loaded: set[str]) -> set[str]:
    return {m for m in loaded if m.split(".")[0] in {"textual", "rich"} or m == "course.ui"}


def test_the_map_of_layers_covers_every_domain_module() -> None:
    assert {"course.model", "course.loader", "course.checkin", "course.brief"} <= set(DOMAIN)
    assert not {m for m in DOMAIN if m.startswith(("course.ui", "course.plain"))}


def test_domain_modules_import_neither_textual_nor_sqlite() -> None:
    problems = {}
    for module, loaded in _loaded(DOMAIN).items():
        assert module in loaded
        bad = _ui(loaded) | ({"sqlite3"} & loaded)
        if bad:
            problems[module] = sorted(bad)[:5]
    assert not problems, problems


def test_the_line_mode_and_the_commands_never_import_textual() -> None:
    problems = {m: sorted(_ui(loaded))[:5] for m, loaded in _loaded(PLAIN + COMMANDS).items()}
    assert not {m: bad for m, bad in problems.items() if bad}


def test_progress_imports_no_textual_and_nothing_from_course() -> None:
    for module, loaded in _loaded(modules_under("progress")).items():
        assert module in loaded
        assert not {m for m in loaded if m.split(".")[0] in {"textual", "rich", "course"}}, module


def test_a_start_defines_only_what_the_map_needs(tmp_path: Path) -> None:
    """Start-up is judged against a bare Textual app, so the map's path stays lean.

    Each module below costs start time before the map appears (frozen
    dataclasses are slow to define on Python 3.11) and is needed only by a lesson, an
    export or a tool; this fails if one creeps back in.
    """
    code = (
        "import sys, asyncio\n"
        "from pathlib import Path\n"
        "from types import SimpleNamespace\n"
        "from course.launch import load\n"
        "from progress import database_path, open_store\n"
        "import course.ui.app as ui\n"
        "data = Path(sys.argv[1])\n"
        "opened = open_store(database_path(data))\n"
        "opened.store.acknowledge_first_run()\n"
        "result = load(SimpleNamespace(lessons=None, only=False), data)\n"
        "app = ui.CourseApp(result, opened.store, (), data)\n"
        "app.prepare_delay = 3600  # look before the lesson code is readied\n"
        "async def show_map():\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause()\n"
        "        assert type(app.screen).__name__ == 'MapScreen', app.screen\n"
        "        return sorted(sys.modules)\n"
        "print('\\n'.join(asyncio.run(show_map())))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "data")],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    loaded = set(run.stdout.split())
    assert {"course.model", "progress.records", "course.ui.screens.course_map"} <= loaded
    assert "textual.pilot" in loaded, "the map was shown, not only imported"
    lesson_only = {
        "course.ui.screens.lesson",
        "course.ui.markdown_page",
        "course.grading",
        "course.notes",
        "course.export",
        "progress.answers",
        "progress.own_work",
        "progress.snapshot",
        "course.ui.screens.safety_plan",
        "course.ui.screens.checkin",
        "course.ui.screens.treatments",
        "course.ui.screens.brief",
        "course.ui.screens.notes",
        "course.brief",
        "course.checkin",
    }
    assert not loaded & lesson_only, sorted(loaded & lesson_only)
