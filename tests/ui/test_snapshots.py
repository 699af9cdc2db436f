"""What the screens look like at 80x24 (pytest --snapshot-update to accept changes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, OptionList

from course.ui.app import CourseApp
from course.ui.screens.lesson import LessonScreen
from course.ui.widgets.choice_box import ChoiceBox
from course.ui.widgets.quiz_view import QuestionView
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


@pytest.fixture(autouse=True)
def same_learner(monkeypatch: pytest.MonkeyPatch) -> None:
    """One learner seed for every run, so choices are drawn in one stable order."""
    monkeypatch.setattr("secrets.token_hex", lambda n=16: "5eed" * (n // 2))


def choice(question: QuestionView, item_id: str) -> ChoiceBox:
    return next(b for b in question.query(ChoiceBox) if b.item_id == item_id)


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
            await pilot.click(choice(question, "b"))
            await click_button(pilot, question.query_one(".check-answer", Button))

        assert snap_compare(_app(tmp_path), run_before=run_before)

    def test_quiz_before_checking(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            screen = await _open_first(pilot)
            screen.show_step(1)
            await settle(pilot)
            await pilot.click(choice(screen.query(QuestionView).first(), "b"))
            await settle(pilot)

        assert snap_compare(_app(tmp_path), run_before=run_before)

    def test_select_all_with_two_ticked(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            screen = await _open_first(pilot)
            screen.show_step(1, last_part=True)
            await settle(pilot)
            multi = list(screen.query(QuestionView))[1]
            await pilot.click(choice(multi, "x"))
            await pilot.click(choice(multi, "z"))
            await settle(pilot)

        assert snap_compare(_app(tmp_path), run_before=run_before)

    def test_reflect_step_on_arrival(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            screen = await _open_first(pilot)
            screen.show_step(2)
            await settle(pilot)

        assert snap_compare(_app(tmp_path), run_before=run_before)

    def test_plan_with_an_own_item(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        app = _app(tmp_path)
        app.store.add_plan_item("first", "todo", "Call my sister on Sunday", ticked=True)

        async def run_before(pilot: Pilot[None]) -> None:
            screen = await _open_first(pilot)
            screen.show_step(3)
            await settle(pilot)

        assert snap_compare(app, run_before=run_before)

    def test_welcome_at_60x20(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        assert snap_compare(
            _app(tmp_path, acknowledged=False), run_before=settle, terminal_size=(60, 20)
        )

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
