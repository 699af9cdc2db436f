"""The learner's own words, end to end: typed in the app, in the notes export, then forgotten.

A safety plan typed in its screen and a check-in answered in its screen must
reach the file "Export my notes" writes (private, 0600), and
``trd-course forget --yes`` must then leave no byte of them in the data
folder: not in the progress file, not in its ``-wal``.
"""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from textual.widgets import Input

from course import wording
from course.cli import main
from course.ui.screens.checkin import RESULT
from course.ui.screens.notes import AskText, NotesScreen
from progress import database_path, store_files
from tests.ui.helpers import data_folder, lessons_folder, running, settle, wait_for
from tests.ui.test_checkin import answer, start
from tests.ui.test_safety_plan import open_plan, write_part

PLAN_WORD = "Quillfeather"
"""A word no course text holds: found in a file, it can only have come from the plan."""
PLAN_TEXT = f"Call {PLAN_WORD} at 555-0142"


def files_holding(folder: Path, word: str) -> list[Path]:
    """Every file under ``folder`` whose bytes hold ``word`` (as typed, in UTF-8)."""
    needle = word.encode()
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


async def test_plan_and_check_in_reach_the_export_then_forget_leaves_no_trace(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out" / "notes.md"
    target.parent.mkdir()
    data = data_folder()
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        plan = await open_plan(app, pilot)
        await write_part(pilot, plan, "helpers", PLAN_TEXT)
        await pilot.press("escape")  # closes the part: saved
        await settle(pilot)
        await pilot.press("escape")  # back to the map
        await settle(pilot)
        assert app.session.safety_plan.parts().get("helpers") == PLAN_TEXT

        checkin = await start(app, pilot)
        await answer(pilot, 2, 2, 2, 2, 2, 2, 1, 1, 0, 1)  # total 14
        assert checkin.page == RESULT
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, AskText))
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: target.exists())
        # The -wal is where the typed words sit while the course is open.
        wal = Path(f"{database_path(data)}-wal")
        assert wal in files_holding(data, PLAN_WORD)

    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    written = target.read_text(encoding="utf-8")
    assert PLAN_TEXT in written
    check_ins = written.split(f"## {wording.checkin()['export_heading']}", 1)[1]
    assert date.today().isoformat() in check_ins
    assert "14" in check_ins and "moderate" in check_ins
    assert files_holding(data, PLAN_WORD), "the progress file holds the plan before forget"

    assert main(["--data-dir", str(data), "forget", "--yes"]) == 0
    assert not data.exists() or store_files(data) == []
    assert not database_path(data).exists()
    assert not Path(f"{database_path(data)}-wal").exists()
    assert files_holding(data.parent, PLAN_WORD) == []
    assert files_holding(tmp_path, PLAN_WORD) == [target]  # the export is the learner's to delete
