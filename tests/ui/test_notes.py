"""My notes: reflections and plans gathered, own items changed, an export written."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.widgets import Input, Static

from course.ui.screens.course_map import MapScreen
from course.ui.screens.notes import AskText, NotesScreen, OwnItemRow
from tests.ui.helpers import lessons_folder, running, settle, shown_keys, wait_for


def texts(screen: NotesScreen) -> list[str]:
    return [str(s.render()) for s in screen.query(Static)]


async def test_notes_show_edit_remove_and_export(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=(80, 24)) as (app, pilot):
        app.store.save_reflection("first", "think", "I sleep badly after 2am")
        app.store.tick("first", "todo", "two")
        app.store.add_plan_item("first", "todo", "Call my sister", ticked=True)
        app.store.add_plan_item("first", "todo", "Walk at noon", ticked=True)
        assert isinstance(app.screen, MapScreen)
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        shown = texts(screen)
        assert "I sleep badly after 2am" in shown
        assert "Reflection: What do you think?" in shown
        assert "[x] Do another" in shown and "[ ] Do one thing" in shown
        assert "[x] Call my sister (your own)" in shown

        rows = list(screen.query(OwnItemRow))
        await pilot.click(rows[0].query_one(".note-edit"))
        await settle(pilot)
        assert isinstance(app.screen, AskText)
        field = app.screen.query_one(Input)
        field.value = "Call my sister on Sunday"
        await pilot.press("enter")
        await settle(pilot)
        await wait_for(pilot, lambda: "[x] Call my sister on Sunday (your own)" in texts(screen))

        rows = list(screen.query(OwnItemRow))
        await pilot.click(rows[1].query_one(".note-remove"))
        await settle(pilot)
        await wait_for(pilot, lambda: len(screen.query(OwnItemRow)) == 1)
        state = app.store.plan("first", "todo")
        assert [i.text for i in state.own_items] == ["Call my sister on Sunday"]

        target = tmp_path / "out" / "notes.md"
        target.parent.mkdir()
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, AskText)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: target.exists())
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        written = target.read_text()
        assert "I sleep badly after 2am" in written and "Call my sister on Sunday" in written
        assert "Walk at noon" not in written


async def test_notes_when_nothing_is_written_say_so(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert any("Nothing here yet" in t for t in texts(screen))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MapScreen)


async def test_notes_link_to_my_treatments_by_key_and_button(tmp_path: Path) -> None:
    from course.ui.screens.treatments import TreatmentsScreen

    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await pilot.press("m")
        await settle(pilot)
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TreatmentsScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is notes)
        await pilot.click("#notes-treatments-button")
        await wait_for(pilot, lambda: isinstance(app.screen, TreatmentsScreen))


async def test_a_removed_item_comes_back_with_u(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=(80, 24)) as (app, pilot):
        app.store.add_plan_item("first", "todo", "Call my sister", ticked=False)
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert "u" not in shown_keys(screen), "nothing to put back yet"
        await pilot.click(screen.query_one(OwnItemRow).query_one(".note-remove"))
        await wait_for(pilot, lambda: not screen.query(OwnItemRow))
        assert app.store.plan("first", "todo").own_items == ()
        await wait_for(pilot, lambda: "u" in shown_keys(screen))  # the footer, at 80 columns
        await pilot.press("u")
        await wait_for(pilot, lambda: len(screen.query(OwnItemRow)) == 1)
        state = app.store.plan("first", "todo")
        assert [i.text for i in state.own_items] == ["Call my sister"]
        assert not any(t.startswith("mine:") for t in state.ticked), "its tick came back as it was"
        await wait_for(pilot, lambda: "u" not in shown_keys(screen))
