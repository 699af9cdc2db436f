"""Opening a lesson shows that lesson, however soon after the map appears."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Static

from course.ui.app import LESSON_SCREEN
from course.ui.screens.course_map import MapScreen
from course.ui.screens.lesson import LessonScreen
from tests.ui.helpers import lessons_folder, make_app, open_lesson, running, settle, wait_for


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.35, 1.0])
async def test_continue_soon_after_the_map_appears_shows_the_right_title(
    tmp_path: Path, delay: float
) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    app = make_app(lessons)
    app.store.mark_started("second")
    app.store.set_position("second", "page")  # some progress: Continue goes to lesson 2
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()  # the map's first frame
            await asyncio.sleep(delay)  # the learner's reaction time, the point of the test
            await pilot.press("c")
            await wait_for(pilot, lambda: isinstance(app.screen, LessonScreen))
            screen = app.screen
            assert isinstance(screen, LessonScreen)
            await wait_for(pilot, lambda: bool(screen.query(".step-view")))
            assert str(screen.query_one("#lesson-title", Static).render()) == "Second lesson"
            assert str(screen.query_one("#lesson-step", Static).render()) == "Step 1 of 1 · Read"
    finally:
        app.store.close()


async def test_the_lesson_code_is_readied_while_the_map_is_read_and_saves_nothing(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await wait_for(pilot, lambda: app.lessons_ready)
        assert isinstance(app.screen, MapScreen)
        assert app.store.position() is None, "readying is not visiting: nothing is saved"
        assert app.store.lesson("first") is None


async def test_one_lesson_screen_serves_every_lesson(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await open_lesson(pilot, "first", 1)
        first = app.screen
        assert isinstance(first, LessonScreen) and first is app.get_screen(LESSON_SCREEN)
        await pilot.press("escape")
        await settle(pilot)
        await open_lesson(pilot, "second")
        assert app.screen is first
        assert str(first.query_one("#lesson-title", Static).render()) == "Second lesson"
        assert [view.display for view in first.query(".step-view")] == [True]


async def test_a_lesson_chosen_twice_before_its_screen_mounts_shows_the_last(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        from course.ui.messages import LessonChosen

        app.post_message(LessonChosen("first", 1))
        app.post_message(LessonChosen("second"))  # before the screen has mounted
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        await wait_for(pilot, lambda: bool(screen.query(".step-view")))
        assert str(screen.query_one("#lesson-title", Static).render()) == "Second lesson"
        assert [view.display for view in screen.query(".step-view")] == [True]
