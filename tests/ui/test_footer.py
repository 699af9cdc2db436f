"""The footer shows the keys that can act, and hides the rest without rebuilding."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea
from textual.widgets._footer import FooterKey

from course.ui.screens.lesson import LessonScreen
from tests.ui.helpers import lessons_folder, running, settle, shown_keys


async def test_typing_in_a_reflection_hides_next_and_back_then_shows_them_again(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        app.open_lesson("first", 1)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        assert shown_keys(screen)[:2] == ["n", "b"]
        built = set(screen.query(FooterKey))
        screen.action_next()
        screen.action_next()  # past the quiz's second question, into the reflection
        await settle(pilot)
        assert isinstance(app.focused, TextArea)
        assert "n" not in shown_keys(screen) and "b" not in shown_keys(screen)
        assert "f1" in shown_keys(screen) and "ctrl+p" in shown_keys(screen)
        await pilot.press("tab")
        await settle(pilot)
        assert shown_keys(screen)[:2] == ["n", "b"]
        assert set(screen.query(FooterKey)) == built, "keys were shown again, not rebuilt"
