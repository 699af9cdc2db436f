"""The map's "Your own tools" rows, read whole, and its check-in suggestion."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from course import wording
from course.paths import bundled_lessons
from course.ui.app import CourseApp
from course.ui.screens.course_map import MapScreen
from course.ui.tools import SUMMARY_ROW_WIDTH, available_tools
from progress import database_path, open_store
from progress.checkins import save_checkin
from tests.ui.helpers import data_folder, lessons_folder, running, settle, wait_for
from tests.ui.test_checkin import answer, open_checkin


def list_lines(app: CourseApp) -> list[str]:
    """The map's list as it is drawn, one string a screen line."""
    lessons = app.screen.query_one("#map-lessons", OptionList)
    return [lessons.render_line(y).text.rstrip() for y in range(lessons.size.height)]


def test_every_tool_row_fits_the_narrowest_map() -> None:
    for item in available_tools():
        row = f"{item.key} {item.title} · {item.summary}"
        assert len(row) <= SUMMARY_ROW_WIDTH, row


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_each_tool_summary_is_on_the_map_whole_on_one_line(size: tuple[int, int]) -> None:
    # The whole course: its list scrolls, so the scrollbar takes its columns too.
    async with running(bundled_lessons(), size=size) as (app, _):
        lessons = app.screen.query_one("#map-lessons", OptionList)
        assert lessons.show_vertical_scrollbar
        lines = list_lines(app)
        tools = available_tools()
        assert tools
        for item in tools:
            assert f"{item.key} {item.title} · {item.summary}" in lines, (item.id, lines)


def checked_in(days_ago: int) -> None:
    """A check-in in the store the next app opens, ``days_ago`` days back."""
    with open_store(database_path(data_folder())).store as store:
        at = datetime.now(UTC) - timedelta(days=days_ago)
        save_checkin(store, "phq9-v1", [1] * 9, 1, 9, True, at=at)


async def test_an_old_check_in_brings_one_calm_line_that_a_new_one_takes_away(
    tmp_path: Path,
) -> None:
    checked_in(20)
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        line = app.screen.query_one("#map-checkin", Static)
        await wait_for(pilot, lambda: line.display)
        expected = wording.checkin()["suggestion"].format(days=20)
        assert str(line.render()) == expected
        await open_checkin(app, pilot)
        await pilot.press("enter")
        await answer(pilot, *[0] * 9)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MapScreen))
        await wait_for(pilot, lambda: not line.display)


@pytest.mark.parametrize("days_ago", [None, 13])
async def test_no_line_before_a_first_check_in_or_soon_after_one(
    tmp_path: Path, days_ago: int | None
) -> None:
    if days_ago is not None:
        checked_in(days_ago)
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, MapScreen)
        # Filled after the first frame; settled, it has had its chance.
        screen.show_checkin_suggestion()
        await settle(pilot)
        assert not screen.query_one("#map-checkin", Static).display
        assert app.session.checkins.last_taken() is not None or days_ago is None


@pytest.mark.parametrize("key", ["c", "enter"])
async def test_a_new_learner_is_offered_the_first_lesson(tmp_path: Path, key: str) -> None:
    from textual.widgets import Button

    from course.ui.screens.lesson import LessonScreen

    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        button = app.screen.query_one("#map-continue", Button)
        assert button.display and button.has_focus
        assert str(button.label) == "Start with: First lesson (Enter)"
        await pilot.press(key)
        await wait_for(pilot, lambda: isinstance(app.screen, LessonScreen))
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        assert screen.lesson.id == "first" and screen.index == 0
