"""The lesson screen is built while the map is read, and built without a trace."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Static

from course.ui.app import LESSON_SCREEN, PREPARE_DELAY
from course.ui.screens.course_map import MapScreen
from course.ui.screens.lesson import LessonScreen
from tests.ui.helpers import choose_lesson, lessons_folder, running, settle, shown_keys


async def test_the_first_lesson_opens_in_the_screen_built_at_the_map(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await asyncio.sleep(PREPARE_DELAY + 0.2)
        await settle(pilot)
        assert isinstance(app.screen, MapScreen), "built off the stack: the map stays shown"
        prepared = app.get_screen(LESSON_SCREEN)
        assert isinstance(prepared, LessonScreen) and prepared.is_mounted
        assert not prepared.query(".step-view"), "no step is built before a lesson is opened"
        # Building it is not visiting it: nothing is saved on the learner's behalf.
        assert app.store.position() is None
        assert app.store.lesson("first") is None

        await choose_lesson(app, pilot, "second")
        shown: object = app.screen
        assert shown is prepared
        assert str(prepared.query_one("#lesson-title", Static).render()) == "Second lesson"
        assert str(prepared.query_one("#lesson-step", Static).render()) == "Step 1 of 1 · Read"
        keys = shown_keys(prepared)  # no Back on a first step
        assert keys[:2] == ["n", "escape"] and "f1" in keys
        position = app.store.position()
        assert position is not None and position.lesson_id == "second"


async def test_a_lesson_opened_while_the_screen_is_still_being_built_is_shown(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        app._prepare_lessons()
        app.open_lesson("second")  # before the screen has composed or mounted
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LessonScreen) and screen is app.get_screen(LESSON_SCREEN)
        assert str(screen.query_one("#lesson-title", Static).render()) == "Second lesson"
        assert [view.display for view in screen.query(".step-view")] == [True]
