"""The terminal cursor sits on the focused choice, map row, button or text box."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.geometry import Offset
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, OptionList, TextArea

from course.loader import load_course
from course.ui.app import CourseApp
from course.ui.focus_cursor import MARK_COLUMN, cursor_for
from course.ui.screens.lesson import LessonScreen
from course.ui.widgets.choice_box import ChoiceBox
from progress import database_path, open_store
from tests.ui.helpers import data_folder, lessons_folder, open_lesson, settle, wait_for

WiredApp = CourseApp  # the cursor follows focus in the app itself


@asynccontextmanager
async def wired(tmp_path: Path) -> AsyncIterator[tuple[CourseApp, Pilot[None]]]:
    lessons = lessons_folder(tmp_path / "lessons")
    data = data_folder()
    opened = open_store(database_path(data))
    opened.store.acknowledge_first_run()
    app = WiredApp(load_course([lessons]), opened.store, opened.notices, data)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            yield app, pilot
    finally:
        opened.store.close()


def _under_cursor(app: CourseApp) -> Widget:
    widget, _ = app.screen.get_widget_at(*app.cursor_position)
    return widget


async def _cursor_on(pilot: Pilot[None], app: CourseApp, widget: Widget) -> None:
    await wait_for(pilot, lambda: cursor_for(widget) == app.cursor_position != Offset(0, 0))
    assert _under_cursor(app) is widget


async def test_the_cursor_is_on_the_highlighted_map_row(tmp_path: Path) -> None:
    async with wired(tmp_path) as (app, pilot):
        lessons = app.screen.query_one("#map-lessons", OptionList)
        lessons.focus()
        await settle(pilot)
        for index in (
            lessons.get_option_index("lesson:first"),
            lessons.get_option_index("lesson:second"),
        ):
            lessons.highlighted = index
            await settle(pilot)
            await _cursor_on(pilot, app, lessons)
            row = lessons.render_line(app.cursor_position.y - lessons.content_region.y)
            title = (
                "First lesson"
                if index == lessons.get_option_index("lesson:first")
                else "Second lesson"
            )
            assert title in row.text


async def test_the_cursor_is_on_the_focused_quiz_choice_and_follows_it(tmp_path: Path) -> None:
    async with wired(tmp_path) as (app, pilot):
        await open_lesson(pilot, "first", 1)
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceBox))
        first = app.focused
        assert isinstance(first, ChoiceBox)
        await _cursor_on(pilot, app, first)
        assert app.cursor_position == first.content_region.offset + Offset(MARK_COLUMN, 0)
        # Inside the mark: "▸( )", the cursor on the space between the brackets.
        assert str(first.render())[MARK_COLUMN - 1 : MARK_COLUMN + 2] == "( )"
        await pilot.press("down")
        await wait_for(pilot, lambda: app.focused is not first)
        second = app.focused
        assert isinstance(second, ChoiceBox)
        await _cursor_on(pilot, app, second)
        assert app.cursor_position.y > first.region.y


async def test_the_cursor_is_in_the_reflection_box_and_on_a_button(tmp_path: Path) -> None:
    async with wired(tmp_path) as (app, pilot):
        await open_lesson(pilot, "first", 0)
        await wait_for(pilot, lambda: isinstance(app.focused, Button))
        next_button = app.focused
        assert isinstance(next_button, Button)
        await _cursor_on(pilot, app, next_button)
        await open_lesson(pilot, "first", 2)
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        area = screen.query_one(TextArea)
        area.focus()
        await settle(pilot)
        await _cursor_on(pilot, app, area)
        await pilot.press("h", "i")
        await wait_for(pilot, lambda: area.text.endswith("hi"))
        assert _under_cursor(app) is area


async def test_nothing_on_screen_has_no_cursor_place(tmp_path: Path) -> None:
    assert cursor_for(None) is None
    async with wired(tmp_path) as (app, _pilot):
        button = app.screen.query_one("#map-continue", Button)
        button.display = False  # as when every lesson is done: nowhere to continue
        await _pilot.pause()
        assert cursor_for(button) is None
