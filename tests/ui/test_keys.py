"""F2 lists the course's keys for the screen on show, in words."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from course.ui.screens.keys import KeysScreen
from course.ui.screens.lesson import LessonScreen
from tests.ui.helpers import lessons_folder, open_lesson, running, settle


def lines(app: object) -> list[str]:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, KeysScreen)
    return [str(s.render()) for s in screen.query(".key-line").results(Static)]


async def test_keys_inside_a_reflection_are_the_courses_not_the_text_boxs(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await open_lesson(pilot, "first", 2)
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("tab")  # into the text box
        await pilot.press("f2")
        await settle(pilot)
        shown = lines(app)
        assert "F1: Get help now" in shown
        assert "n or →: Next" not in shown, "in a text box n is a letter"
        assert "Enter: Write" not in shown, "in a text box Enter is a new line"
        assert any(line.startswith("Tab / Shift+Tab:") for line in shown)
        assert not any("cursor" in line.lower() or "select" in line.lower() for line in shown)
        assert len(shown) < 12, shown
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("shift+tab")  # out of the box, onto the step
        await pilot.press("f2")
        await settle(pilot)
        outside = lines(app)
        assert "n or →: Next" in outside and "Enter: Write" in outside


async def test_keys_on_the_map_name_the_tools_and_continue(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await pilot.press("f2")
        await settle(pilot)
        shown = lines(app)
        assert "m: My notes" in shown and "M: My notes" not in shown
        assert "F1: Get help now" in shown and "Ctrl+Q: Quit" in shown


async def test_f2_answers_in_a_dialog_too(tmp_path: Path) -> None:
    from course.ui.screens.help import HelpScreen
    from course.ui.screens.keys import KeysScreen

    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, KeysScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
