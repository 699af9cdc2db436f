"""The command palette jumps to a lesson by title and finds words in lessons."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList, Static

from course.ui.screens.lesson import LessonScreen
from course.ui.widgets.quiz_view import QuestionView
from tests.ui.helpers import UI_LESSON, lessons_folder, running, settle, wait_for

TRICKY_TITLE = "[@click=app.quit]Q[/] [b]x[/b] Esketamine [Spravato]"


def palette_lines(app: object) -> list[str]:
    palette = app.screen  # type: ignore[attr-defined]
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def run_palette(lessons: Path, query: str) -> tuple[str, str, list[str]]:
    async with running(lessons) as (app, pilot):
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*query)
        await wait_for(pilot, lambda: bool(palette_lines(app)))
        lines = palette_lines(app)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        shown = [q.question.id for q in screen.query(QuestionView) if q.display]
        step = str(screen.query_one("#lesson-step", Static).render())
        assert app.is_running
        return screen.lesson.id, step + (f" {shown[0]}" if shown else ""), lines


async def test_jump_to_a_lesson_by_title(tmp_path: Path) -> None:
    found = await run_palette(lessons_folder(tmp_path / "lessons"), "Second lesson")
    assert found[:2] == ("second", "Step 1 of 1 · Read")


async def test_search_the_text_of_lessons(tmp_path: Path) -> None:
    found = await run_palette(lessons_folder(tmp_path / "lessons"), "do another")
    assert found[:2] == ("first", "Step 4 of 4 · Plan")


async def test_a_search_hit_in_a_quiz_opens_the_question_that_matched(tmp_path: Path) -> None:
    found = await run_palette(lessons_folder(tmp_path / "lessons"), "choice z")
    assert found[:2] == ("first", "Step 2 of 4 · Check multi")
    assert any("question 2" in line for line in found[2])


async def test_markup_in_a_title_is_shown_as_typed_and_does_nothing(tmp_path: Path) -> None:
    title = TRICKY_TITLE.replace('"', '\\"')
    lesson = UI_LESSON.replace('title = "First lesson"', f'title = "{title}"')
    lessons = lessons_folder(tmp_path / "lessons", first=lesson)
    lesson_id, _, lines = await run_palette(lessons, "Esketamine")
    assert any(f"Open lesson: {TRICKY_TITLE}" in line for line in lines), lines
    assert lesson_id == "first"
