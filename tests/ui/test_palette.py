"""The command palette jumps to a lesson by title and finds words in lessons."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from course.ui.screens.lesson import LessonScreen
from tests.ui.helpers import lessons_folder, running, settle


async def _run_palette(tmp_path: Path, query: str) -> tuple[str, str]:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*query)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        result = (screen.lesson.id, str(screen.query_one("#lesson-step", Static).render()))
    return result


async def test_jump_to_a_lesson_by_title(tmp_path: Path) -> None:
    assert await _run_palette(tmp_path, "Second lesson") == ("second", "Step 1 of 1 · Read")


async def test_search_the_text_of_lessons(tmp_path: Path) -> None:
    assert await _run_palette(tmp_path, "do another") == ("first", "Step 4 of 4 · Plan")
