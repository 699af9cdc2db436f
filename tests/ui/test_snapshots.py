"""What the screens look like at 80x24 (pytest --snapshot-update to accept changes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, OptionList

from course.ui.app import CourseApp
from course.ui.screens.lesson import LessonScreen
from course.ui.widgets.quiz_view import ChoiceRadio, QuestionView
from tests.ui.helpers import click_button, lessons_folder, make_app, settle

SnapCompare = Any


def _app(tmp_path: Path, acknowledged: bool = True) -> CourseApp:
    return make_app(lessons_folder(tmp_path / "lessons"), acknowledged=acknowledged)


async def _open_first(pilot: Pilot[None]) -> LessonScreen:
    await settle(pilot)
    options = pilot.app.screen.query_one("#map-lessons", OptionList)
    options.focus()
    options.highlighted = options.get_option_index("lesson:first")
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, LessonScreen)
    return screen


class TestScreens:
    def test_welcome(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        assert snap_compare(_app(tmp_path, acknowledged=False), run_before=settle)

    def test_map_with_some_progress(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        app = _app(tmp_path)
        app.store.mark_started("first")
        app.store.set_position("first", "check")
        app.store.mark_completed("second")
        assert snap_compare(app, run_before=settle)

    def test_read_step(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await _open_first(pilot)

        assert snap_compare(_app(tmp_path), run_before=run_before)

    def test_quiz_after_a_wrong_answer(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            screen = await _open_first(pilot)
            screen.show_step(1)
            await settle(pilot)
            question = screen.query(QuestionView).first()
            await pilot.click(list(question.query(ChoiceRadio))[1])
            await click_button(pilot, question.query_one(".check-answer", Button))

        assert snap_compare(_app(tmp_path), run_before=run_before)

    def test_help_modal(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await _open_first(pilot)
            await pilot.press("f1")
            await settle(pilot)

        assert snap_compare(_app(tmp_path), run_before=run_before)

    def test_summary(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            screen = await _open_first(pilot)
            screen.show_step(4)
            await settle(pilot)

        assert snap_compare(_app(tmp_path), run_before=run_before)
