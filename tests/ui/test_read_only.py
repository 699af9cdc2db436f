"""A read-only progress file: typed text is never lost without the learner being told.

The box says, as soon as typing starts, that nothing can be saved and how to
keep it; on quit, the course prints every text it could not save, control
characters shown, not obeyed, instead of claiming that everything is saved.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from course.loader import load_course
from course.ui.app import CourseApp
from course.ui.screens.lesson import LessonScreen
from course.ui.unsaved import CANNOT_SAVE
from course.ui.widgets.cannot_save import CannotSaveNote
from course.ui.widgets.reflect_view import ReflectView
from progress import Store, database_path
from tests.ui.helpers import data_folder, lessons_folder, make_app, open_lesson, settle, wait_for
from tests.ui.test_safety_plan import open_plan, write_part

REFLECT_STEP = 2


def read_only_app(lessons: Path) -> CourseApp:
    """The app on a store opened read-only, as ``open_store`` does on a read-only disk."""
    made = make_app(lessons)  # creates the store and acknowledges the first run
    made.store.close()
    path = database_path(data_folder())
    conn = sqlite3.connect(
        f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    return CourseApp(load_course([lessons]), Store(conn, path, read_only=True), (), path.parent)


@asynccontextmanager
async def running_read_only(tmp_path: Path) -> AsyncIterator[tuple[CourseApp, Pilot[None]]]:
    app = read_only_app(lessons_folder(tmp_path / "lessons"))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            yield app, pilot
    finally:
        app.store.close()


async def open_reflection(app: CourseApp, pilot: Pilot[None]) -> ReflectView:
    await open_lesson(pilot, "first", REFLECT_STEP)
    screen = app.screen
    assert isinstance(screen, LessonScreen)
    view = screen.query_one(ReflectView)
    view.focus()
    await pilot.press("enter")  # into the box, as a learner would
    await settle(pilot)
    assert isinstance(app.focused, TextArea)
    return view


def leaving(app: CourseApp) -> str:
    return str(app.saved_line())


async def test_typing_a_reflection_says_it_cannot_be_saved_and_quit_prints_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with running_read_only(tmp_path) as (app, pilot):
        assert app.session.read_only
        view = await open_reflection(app, pilot)
        note = view.query_one(CannotSaveNote)
        assert not note.display, "no warning for someone only reading"
        await pilot.press(*"words to keep")
        await wait_for(pilot, lambda: note.display)
        assert str(note.render()) == CANNOT_SAVE
        assert "copy it" in CANNOT_SAVE and "prints it in this terminal" in CANNOT_SAVE
        # After the quiet moment the save is refused, and the app keeps the text.
        await wait_for(pilot, lambda: bool(app.unsaved))
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
    said = leaving(app)
    assert "could not be saved" in said and "everything is saved" not in said
    assert "== Reflection in First lesson: What do you think? ==\nwords to keep" in said
    printed = capsys.readouterr().err  # Textual prints it once the app has closed
    assert "What do you think? ==\nwords to keep" in printed


async def test_quitting_mid_pause_still_prints_what_was_typed_harmlessly(tmp_path: Path) -> None:
    async with running_read_only(tmp_path) as (app, pilot):
        view = await open_reflection(app, pilot)
        view.save_delay = view.longest_wait = 60.0  # the save never comes before quit
        area = view.query_one(TextArea)
        area.insert("set \x1b]52;c;aGk=\x07 clip")
        await pilot.press(*" and more")
        await settle(pilot)
        assert not app.unsaved, "nothing was refused yet: the quit must find it"
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
    said = leaving(app)
    assert "\x1b" not in said and "\x07" not in said
    assert "set \u241b]52;c;aGk=\u2407 clip and more" in said


async def test_a_safety_plan_part_left_unsaved_is_printed_on_quit(tmp_path: Path) -> None:
    async with running_read_only(tmp_path) as (app, pilot):
        screen = await open_plan(app, pilot)
        await write_part(pilot, screen, "helpers", "Sam: 555-0142")
        assert screen.editor is not None
        note = screen.editor.query_one(CannotSaveNote)
        await wait_for(pilot, lambda: note.display)
        await pilot.press("escape")  # leaves the part: the save is refused
        await wait_for(pilot, lambda: screen.editor is None and bool(app.unsaved))
        assert app.session.safety_plan.parts() == {}
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
    assert "== My safety plan: " in leaving(app) and "\nSam: 555-0142" in leaving(app)


async def test_read_only_with_nothing_typed_does_not_claim_it_saved(tmp_path: Path) -> None:
    async with running_read_only(tmp_path) as (app, pilot):
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
    said = leaving(app)
    assert "could only be read" in said and "nothing new was saved" in said


async def test_a_writable_store_still_says_everything_is_saved(tmp_path: Path) -> None:
    app = make_app(lessons_folder(tmp_path / "lessons"))
    try:
        async with app.run_test() as pilot:
            view = await open_reflection(app, pilot)
            assert not view.query(CannotSaveNote)
            await pilot.press(*"saved words")
            await pilot.press("ctrl+q")
            await wait_for(pilot, lambda: not app.is_running)
        assert leaving(app) == f"trd-course: everything is saved, in {app.store.path}."
    finally:
        app.store.close()
