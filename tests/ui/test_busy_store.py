"""Another program holding the store's write lock never freezes the app or loses typing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from course.ui.screens.help import HelpScreen
from course.ui.screens.lesson import LessonScreen
from tests.ui.helpers import lessons_folder, open_lesson, running, settle, wait_for


async def test_writes_wait_behind_another_writer_while_help_and_pages_keep_working(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        app.retry_every = 0.05
        await open_lesson(pilot, "first", 2)
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        other = sqlite3.connect(app.store.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program takes the write lock
        try:
            await pilot.press("tab", *"kept while busy")
            screen.flush()
            assert app.session.is_waiting, "the save is kept, not dropped"
            await pilot.press("f1")  # help answers while the lock is held
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("shift+tab", "n")  # pages still turn
            await settle(pilot)
            assert screen.index == 3
        finally:
            other.execute("ROLLBACK")
            other.close()
        await wait_for(pilot, lambda: not app.session.is_waiting)
        saved = app.store.reflection("first", "think")
        assert saved is not None and saved.text == "kept while busy"
        position = app.store.position()
        assert position is not None and position.step_id == "todo", "kept in order, then saved"
