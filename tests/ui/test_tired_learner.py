"""What a tired learner met going through a lesson at 80x24 and 60x20, fixed.

Each test is one stumble seen in a real terminal: Tab in a quiz picked the
next choice instead of reaching Check; Enter after Check checked again; the
feedback's last line stayed under the edge; the summary's last buttons ran
off the right; the map's rows left "7 min" alone on a line; the F2 keys on
the map had no arrows; at 60 columns the step's title was cut by the bar; at
20 rows the reflection box ran off the bottom; on a read-only store the hint
said "saved as you type" above the warning that nothing could be saved.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input, OptionList, Static, TextArea

from course.ui.screens.course_map import MapScreen, lesson_row
from course.ui.screens.keys import KeysScreen
from course.ui.screens.lesson import LessonScreen, StepBody
from course.ui.widgets.choice_box import ChoiceBox
from course.ui.widgets.meter import Meter
from course.ui.widgets.quiz_view import QuestionView
from course.ui.widgets.reflect_view import HINT, HINT_CANNOT_SAVE, ReflectView
from tests.ui.helpers import (
    UI_LESSON,
    lessons_folder,
    open_lesson,
    running,
    settle,
    wait_for,
)
from tests.ui.test_read_only import running_read_only

QUIZ, REFLECT, PLAN = 1, 2, 3

LONG_FEEDBACK = (
    UI_LESSON.replace(
        'explanation = "A is right because it is."',
        # Words that wrap two to a line without a scroll bar and one to a line with
        # one: the bar that appears with the feedback makes it twice as long.
        # Fifteen of them fit the page one way (with the bar) and not the other.
        'explanation = "' + " ".join(["w" * 37] * 15) + '"',
    )
    .replace('id = "single"', 'id = "single"\nshuffle = false', 1)
    .replace('title = "First lesson"', 'title = "First lesson with a long title to wrap"')
)


def lesson_screen(app: object) -> LessonScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, LessonScreen)
    return screen


async def test_tab_reaches_check_and_enter_after_checking_goes_on(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await open_lesson(pilot, "first", QUIZ)
        screen = lesson_screen(app)
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceBox))
        await pilot.press("enter", "tab")  # pick the first choice, then on to Check
        assert isinstance(app.focused, Button) and app.focused.has_class("check-answer")
        await pilot.press("enter")
        await settle(pilot)
        single = screen.query(QuestionView).first()
        assert single.query_one(".feedback", Static).display
        next_button = screen.query_one("#lesson-next", Button)
        assert app.focused is next_button and next_button.variant == "primary"
        await pilot.press("enter")
        await settle(pilot)
        multi = list(screen.query(QuestionView))[1]
        assert multi.display and not single.display
        # Several answers: ↓ moves between them, Tab still leaves for Check.
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceBox))
        await pilot.press("down")
        assert isinstance(app.focused, ChoiceBox)
        await pilot.press("tab")
        assert isinstance(app.focused, Button) and app.focused.has_class("check-answer")
        hints = [str(s.render()) for s in screen.query(".question-hint").results(Static)]
        assert all("Tab goes to Check" in hint for hint in hints)


async def test_shift_tab_never_lands_on_a_page_that_does_not_scroll(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons", LONG_FEEDBACK)) as (app, pilot):
        await open_lesson(pilot, "first", QUIZ)
        screen = lesson_screen(app)
        body = screen.query_one(StepBody)
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceBox))
        assert body.max_scroll_y == 0
        await pilot.press("shift+tab")
        assert app.focused is not body and isinstance(app.focused, Button), app.focused
        # Once the long explanation makes the page scroll, the page is a stop again,
        # so the keyboard alone can read to its end.
        await pilot.press("tab", "enter", "tab", "enter")
        await wait_for(pilot, lambda: body.max_scroll_y > 0)
        assert body in screen.focus_chain


async def test_tab_from_a_plan_item_goes_to_adding_ones_own(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await open_lesson(pilot, "first", PLAN)
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceBox))
        await pilot.press("tab")
        assert isinstance(app.focused, Input), app.focused


async def test_feedback_is_scrolled_into_view_to_its_last_line(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons", LONG_FEEDBACK)) as (app, pilot):
        await open_lesson(pilot, "first", QUIZ)
        screen = lesson_screen(app)
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceBox))
        await pilot.press("enter", "tab", "enter")
        body = screen.query_one(StepBody)
        feedback = screen.query(QuestionView).first().query_one(".feedback", Static)
        await wait_for(pilot, lambda: body.max_scroll_y > 0 and feedback.region.height > 0)
        await settle(pilot)
        assert feedback.region.bottom <= body.region.bottom, (feedback.region, body.region)


async def test_every_way_on_from_the_summary_is_on_screen(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=(60, 20)) as (app, pilot):
        await open_lesson(pilot, "first", 4)
        screen = lesson_screen(app)
        buttons = list(screen.query(".summary-actions Button").results(Button))
        shown = [b for b in buttons if b.display]
        assert {b.id for b in shown} >= {"summary-next", "summary-again", "summary-map"}
        for button in shown:
            assert button.region.right <= 60 and button.region.width > 0, button


def test_a_row_too_long_puts_its_details_under_the_title_together() -> None:
    short = lesson_row("○ ", "2. ", "Short", "not started · 6 min", 56)
    assert "\n" not in short.plain
    long = lesson_row(
        "○ ", "1. ", "What TRD means, and what it doesn't", "not started · 7 min", 56
    )
    title, details = long.plain.split("\n")
    assert title == "○ 1. What TRD means, and what it doesn't"
    assert details == "     not started · 7 min"


async def test_map_rows_at_60_columns_keep_status_and_minutes_on_one_line(
    tmp_path: Path,
) -> None:
    folder = lessons_folder(tmp_path / "lessons", LONG_FEEDBACK)
    async with running(folder, size=(60, 20)) as (app, pilot):
        assert isinstance(app.screen, MapScreen)
        options = app.screen.query_one("#map-lessons", OptionList)
        row = str(options.get_option("lesson:first").prompt)
        assert row.splitlines()[-1].strip() == "not started · 5 min"
        assert all(len(line) <= 56 for line in row.splitlines())
        # Wider again: one line.
        await pilot.resize_terminal(100, 24)
        await wait_for(pilot, lambda: "\n" not in str(options.get_option("lesson:first").prompt))


async def test_f2_on_the_map_names_the_arrows(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        app.screen.query_one("#map-lessons", OptionList).focus()
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, KeysScreen)
        shown = [str(s.render()) for s in app.screen.query(".key-line").results(Static)]
        assert "↓: Down the list" in shown and "↑: Up the list" in shown
        await pilot.press("escape")
        await settle(pilot)
        # The arrows still move in the list.
        options = app.screen.query_one("#map-lessons", OptionList)
        before = options.highlighted
        await pilot.press("down")
        assert options.highlighted != before


async def test_at_60_columns_the_bar_shrinks_and_the_step_title_fits(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=(60, 20)) as (app, pilot):
        await open_lesson(pilot, "first", QUIZ)
        screen = lesson_screen(app)
        assert screen.query_one("#lesson-progress", Meter).region.width == 15
        step = screen.query_one("#lesson-step", Static)
        assert step.region.width >= len("Step 2 of 4 · Check"), step.region
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: screen.query_one(Meter).region.width == 35)


async def test_at_20_rows_the_reflection_box_ends_on_screen(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=(60, 20)) as (app, pilot):
        await open_lesson(pilot, "first", REFLECT)
        screen = lesson_screen(app)
        box = screen.query_one(TextArea)
        body = screen.query_one(StepBody)
        await wait_for(pilot, lambda: box.region.height > 0)
        assert box.region.bottom <= body.region.bottom, (box.region, body.region)
        assert body.max_scroll_y == 0


async def test_a_read_only_store_does_not_say_saved_as_you_type(tmp_path: Path) -> None:
    async with running_read_only(tmp_path) as (app, pilot):
        await open_lesson(pilot, "first", REFLECT)
        view = lesson_screen(app).query_one(ReflectView)
        hint = str(view.query_one(".reflect-hint", Static).render())
        assert hint == HINT_CANNOT_SAVE
        assert "saved on this computer" not in hint and "not saved" in hint
    assert "saved on this computer as you type" in HINT


async def test_after_an_edit_or_removal_in_my_notes_the_keyboard_is_on_the_item(
    tmp_path: Path,
) -> None:
    from course.ui.screens.notes import AskText, NotesScreen, OwnItemRow

    async with running(lessons_folder(tmp_path / "lessons"), size=(80, 24)) as (app, pilot):
        app.store.save_reflection("first", "think", "\n".join(["a line"] * 12))
        app.store.add_plan_item("first", "todo", "Call my sister", ticked=True)
        app.store.add_plan_item("first", "todo", "Walk at noon", ticked=True)
        await pilot.press("m")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        rows = list(screen.query(OwnItemRow))
        # The row's text is not squeezed by wide buttons.
        assert rows[0].query_one(".note-edit", Button).region.width < 10
        rows[1].query_one(".note-edit", Button).press()
        await wait_for(pilot, lambda: isinstance(app.screen, AskText))
        app.screen.query_one(Input).value = "Walk at noon, ten minutes"
        await pilot.press("enter")

        def on_the_edited_row() -> bool:
            focused = app.focused
            row = None if focused is None else focused.parent
            return isinstance(row, OwnItemRow) and row.item.text == "Walk at noon, ten minutes"

        await wait_for(pilot, on_the_edited_row)
        focused = app.focused
        assert focused is not None
        body = screen.query_one("#notes-body")

        def seen() -> bool:
            return body.region.contains_region(focused.region)

        await wait_for(pilot, seen)
        first = next(iter(screen.query(OwnItemRow)))
        first.query_one(".note-remove", Button).press()
        await wait_for(pilot, lambda: len(screen.query(OwnItemRow)) == 1)
        await wait_for(
            pilot, lambda: app.focused is not None and isinstance(app.focused.parent, OwnItemRow)
        )


async def test_the_choice_with_the_keyboard_is_marked_by_a_shape(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await open_lesson(pilot, "first", QUIZ)
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceBox))
        screen = lesson_screen(app)
        boxes = list(screen.query(QuestionView).first().query(ChoiceBox))
        assert [str(b.render())[0] for b in boxes] == ["▸", " "]
        await pilot.press("down")
        await settle(pilot)
        assert [str(b.render())[0] for b in boxes] == [" ", "▸"]


async def test_the_welcome_shows_how_to_begin_and_scrolls_with_the_arrows(
    tmp_path: Path,
) -> None:
    from textual.containers import VerticalScroll

    from course.ui.screens.welcome import WelcomeScreen
    from tests.ui.helpers import make_app

    app = make_app(lessons_folder(tmp_path / "lessons"), acknowledged=False)
    try:
        async with app.run_test(size=(60, 20)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, WelcomeScreen)
            start = app.screen.query_one("#welcome-start", Button)
            assert app.focused is start
            assert 0 < start.region.bottom <= 19, start.region  # above the footer
            body = app.screen.query_one("#welcome-body", VerticalScroll)
            assert body.max_scroll_y > 0 and body.scroll_y == 0
            await pilot.press("down")
            await wait_for(pilot, lambda: body.scroll_y > 0)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, MapScreen))
    finally:
        app.store.close()


async def test_a_long_item_in_my_notes_wraps_under_its_text(tmp_path: Path) -> None:
    from course.ui.screens.notes import NoteLine, NotesScreen

    async with running(lessons_folder(tmp_path / "lessons"), size=(60, 20)) as (app, pilot):
        long = "Call my sister on Sunday after the market and ask her about the trip"
        app.store.add_plan_item("first", "todo", long, ticked=True)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        line = next(n for n in app.screen.query(NoteLine) if "sister" in n.text)
        await wait_for(pilot, lambda: line.region.height > 1)
        first, *rest = str(line.render()).splitlines()
        assert first.startswith("[x] Call my sister")
        assert rest and all(r.startswith("    ") and r.strip() for r in rest), rest


async def test_f2_on_a_quiz_names_the_keys_for_choosing(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await open_lesson(pilot, "first", QUIZ)
        await wait_for(pilot, lambda: isinstance(app.focused, ChoiceBox))
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, KeysScreen)
        shown = [str(s.render()) for s in app.screen.query(".key-line").results(Static)]
        assert "Space or Enter: Pick this choice" in shown
        assert "↑: Previous choice" in shown and "↓: Next choice" in shown
