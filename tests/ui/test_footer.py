"""The footer shows the keys that can act, and hides the rest without rebuilding."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from course.ui.screens.lesson import LessonScreen
from course.ui.screens.notes import NotesScreen
from course.ui.textual_fixes import FooterKey
from course.ui.widgets.footer import QuietFooter, drop_order
from tests.ui.helpers import lessons_folder, open_lesson, running, settle, shown_keys, wait_for


async def test_typing_in_a_reflection_hides_next_and_back_then_shows_them_again(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await open_lesson(pilot, "first", 1)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        assert shown_keys(screen)[:2] == ["n", "b"]
        screen.action_next()
        screen.action_next()  # past the quiz's second question, to the reflection
        await settle(pilot)
        assert shown_keys(screen)[:2] == ["n", "b"], "the footer stays as it was: no rebuild"
        built = set(screen.query(FooterKey))
        await pilot.press("tab")  # into the box
        assert isinstance(app.focused, TextArea)
        assert "n" not in shown_keys(screen) and "b" not in shown_keys(screen)
        assert "f1" in shown_keys(screen) and "ctrl+p" in shown_keys(screen)
        await pilot.press("shift+tab")  # out again, back to the step
        await settle(pilot)
        assert shown_keys(screen)[:2] == ["n", "b"]
        assert set(screen.query(FooterKey)) == built, "keys were shown again, not rebuilt"


async def test_get_help_now_stays_whole_at_60_columns(tmp_path: Path) -> None:
    for size in ((60, 20), (80, 24)):
        async with running(lessons_folder(tmp_path / f"lessons{size[0]}"), size=size) as (
            app,
            pilot,
        ):
            await open_lesson(pilot, "first", 1)
            await settle(pilot)
            screen = app.screen
            footer = screen.query_one(QuietFooter)
            shown = [k for k in screen.query(FooterKey) if k.display]
            assert any(k.action == "help" for k in shown)
            assert sum(k.outer_size.width for k in shown) <= footer.size.width
            text = "".join(str(k.render()) for k in shown)
            assert "Get help now" in text, text


def test_the_key_that_leaves_goes_last() -> None:
    shown = ["back", "export", "treatments", "quit", "help", "show_keys"]
    assert drop_order(shown) == ["show_keys", "quit", "treatments", "export", "back"]
    assert drop_order(["next", "back", "to_map", "quit", "help"]) == [
        "quit",
        "next",
        "to_map",
        "back",
    ]


async def test_my_notes_at_60_columns_keeps_its_way_back(tmp_path: Path) -> None:
    """My notes has no Back button: at 60 columns a mouse user's way out is the footer."""
    async with running(lessons_folder(tmp_path / "lessons"), size=(60, 20)) as (app, pilot):
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        await settle(pilot)
        footer = app.screen.query_one(QuietFooter)
        shown = [k for k in app.screen.query(FooterKey) if k.display]
        assert {"back", "help"} <= {k.action for k in shown}, [k.action for k in shown]
        assert sum(k.outer_size.width for k in shown) <= footer.size.width
