"""A pack whose ids were renamed (with previous_ids) keeps the learner's progress."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import OptionList, Static, TextArea

from course.export import notes_markdown
from course.loader import load_course
from course.ui.screens.lesson import LessonScreen
from course.ui.widgets.choice_box import ChoiceBox
from tests.ui.helpers import UI_LESSON, lessons_folder, make_app, settle


def renamed(text: str) -> str:
    """UI_LESSON with its lesson, step, question, choice and item ids renamed."""
    text = text.replace('id = "first"\n', 'id = "first-lesson"\nprevious_ids = ["first"]\n', 1)
    text = text.replace('id = "think"\n', 'id = "ponder"\nprevious_ids = ["think"]\n')
    text = text.replace('id = "single"\n', 'id = "which-one"\nprevious_ids = ["single"]\n')
    text = text.replace(
        'id = "a"\ntext = "Answer A"', 'id = "choice-a"\nprevious_ids = ["a"]\ntext = "Answer A"'
    )
    return text.replace(
        '{ id = "two", text = "Do another" }',
        '{ id = "another", text = "Do another", previous_ids = ["two"] }',
    )


async def test_renamed_ids_keep_answers_reflections_ticks_and_place(tmp_path: Path) -> None:
    app = make_app(lessons_folder(tmp_path / "old"))
    app.store.mark_started("first")
    app.store.record_answer("first", "single", ["a"], True)
    app.store.save_reflection(
        "first", "think", "Mornings are hardest", prompt="What do you think?"
    )
    app.store.tick("first", "todo", "two")
    app.store.set_position("first", "think")
    app.store.close()

    lessons = lessons_folder(tmp_path / "new", first=renamed(UI_LESSON))
    again = make_app(lessons)
    try:
        async with again.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            options = again.screen.query_one("#map-lessons", OptionList)
            line = str(options.get_option("lesson:first-lesson").prompt)
            assert "in progress, step 3 of 4, quiz 1 of 2 right" in line, line
            await pilot.press("c")  # Continue: the reflection, under its new id
            await settle(pilot)
            screen = again.screen
            assert isinstance(screen, LessonScreen)
            assert str(screen.query_one("#lesson-step", Static).render()) == "Step 3 of 4 · Think"
            assert screen.query_one(TextArea).text == "Mornings are hardest"
            screen.show_step(1)
            await settle(pilot)
            picked = [b.item_id for b in screen.views[1].query(ChoiceBox) if b.value]
            assert picked == ["choice-a"]
            screen.show_step(3)
            await settle(pilot)
            ticked = [b.item_id for b in screen.views[3].query(ChoiceBox) if b.value]
            assert ticked == ["another"]
        text = notes_markdown(
            load_course([lessons]).course, again.store.snapshot(), datetime.now().astimezone()
        )
    finally:
        again.store.close()
    assert "Other saved notes" not in text
    assert "Mornings are hardest" in text and "[x] Do another" in text


def test_an_export_before_the_app_runs_again_translates_the_renames(tmp_path: Path) -> None:
    app = make_app(lessons_folder(tmp_path / "old"))
    app.store.save_reflection("first", "think", "Written before the rename")
    app.store.tick("first", "todo", "two")
    snapshot = app.store.snapshot()
    app.store.close()
    course = load_course([lessons_folder(tmp_path / "new", first=renamed(UI_LESSON))]).course
    text = notes_markdown(course, snapshot, datetime.now().astimezone())
    assert "Other saved notes" not in text
    assert "Written before the rename" in text and "[x] Do another" in text
