"""What My notes and the F2 keys list look like at 80x24.

Run ``pytest --snapshot-update`` on this file alone to accept a change, and
look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from course.ui.app import CourseApp
from course.ui.messages import ToolChosen
from course.ui.screens.keys import KeysScreen
from course.ui.screens.notes import NotesScreen
from tests.ui.helpers import lessons_folder, make_app, settle, wait_for

SnapCompare = Any


@pytest.fixture(autouse=True)
def same_learner(monkeypatch: pytest.MonkeyPatch) -> None:
    """One learner seed for every run, so choices are drawn in one stable order."""
    monkeypatch.setattr("secrets.token_hex", lambda n=16: "5eed" * (n // 2))


def _app(tmp_path: Path) -> CourseApp:
    app = make_app(lessons_folder(tmp_path / "lessons"))
    app.store.save_reflection("first", "think", "I sleep badly after 2am, then the day is gone.")
    app.store.tick("first", "todo", "two")
    app.store.add_plan_item("first", "todo", "Call my sister on Sunday", ticked=True)
    return app


async def _open_notes(pilot: Pilot[None]) -> None:
    await settle(pilot)
    pilot.app.post_message(ToolChosen("notes"))
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NotesScreen))
    await settle(pilot)


class TestNotesAndKeys:
    def test_notes_with_a_reflection_and_an_own_item(
        self, tmp_path: Path, snap_compare: SnapCompare
    ) -> None:
        assert snap_compare(_app(tmp_path), run_before=_open_notes)

    def test_keys_on_the_notes_screen(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await _open_notes(pilot)
            await pilot.press("f2")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, KeysScreen))
            await settle(pilot)

        assert snap_compare(_app(tmp_path), run_before=run_before)

    def test_keys_on_the_map(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("f2")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, KeysScreen))
            await settle(pilot)

        assert snap_compare(_app(tmp_path), run_before=run_before)
