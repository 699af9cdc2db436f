"""A lesson in plain lines from its first page to its summary, and the app carrying on."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.ui.screens.lesson import LessonScreen
from progress import database_path, open_store
from tests.plain.helpers import DRAWN, after, drive, numbers
from tests.ui.helpers import data_folder, lessons_folder, make_app, open_lesson, settle, wait_for


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    return lessons_folder(tmp_path / "lessons")


def test_lesson_one_first_page_to_summary_is_saved_as_it_goes(lessons: Path) -> None:
    data = data_folder()
    wrong = numbers(lessons, data, "single", "b")
    right = numbers(lessons, data, "single", "a")
    both = numbers(lessons, data, "multi", "x", "y")
    code, out = drive(
        lessons,
        data,
        [
            "",  # the map: start with lesson 1
            "",  # the page
            wrong,
            right,
            "",
            both,
            "",
            "My first line",
            "  and a second, kept as typed  ",
            "",
            "1",  # tick "Do one thing"
            "",
            "map",
            "quit",
        ],
    )
    assert code == 0
    assert out.splitlines()[0].startswith("trd-course, plain line mode")
    assert "To leave, type quit or press Ctrl+D" in out.splitlines()[0]
    page = after(out, "Step 1 of 4: A page")
    assert "Some important words." in page and "**" not in page.split("Step 2")[0]
    assert "- a link (https://example.org)" in page
    quiz = after(out, "Which one is right?")
    assert quiz.index("Not quite.") < quiz.index("Correct.")
    assert "The right answer: Answer A\nYes, A." in quiz
    assert "Why: A is right because it is." in quiz
    assert "Do one thing: ticked" in out
    summary = after(out, "You finished the lesson: First lesson")
    assert "You learned the first thing." in summary and "Quiz: 2 of 2 right." in summary
    assert out.rstrip().endswith("Everything is saved. Goodbye.")
    assert not DRAWN.search(out), DRAWN.findall(out)

    store = open_store(database_path(data)).store
    try:
        snap = store.snapshot()
        single = [(a.choice_ids, a.correct) for a in snap.attempts if a.question_id == "single"]
        assert single == [(("b",), False), (("a",), True)]
        reflection = store.reflection("first", "think")
        assert reflection is not None
        assert reflection.text == "My first line\n  and a second, kept as typed  "
        assert store.plan("first", "todo").ticked == frozenset({"one"})
        progress = store.lesson("first")
        assert progress is not None and progress.completed_at is not None
        position = store.position()
        assert position is not None and (position.lesson_id, position.step_id) == (
            "second",
            "page",
        )
    finally:
        store.close()


async def _continue_in_app(lessons: Path, data: Path) -> tuple[str, int]:
    app = make_app(lessons, data)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("c")
            await wait_for(pilot, lambda: isinstance(app.screen, LessonScreen))
            screen = app.screen
            assert isinstance(screen, LessonScreen)
            return screen.lesson.id, screen.index
    finally:
        app.store.close()


async def test_after_the_summary_the_apps_continue_opens_the_next_lesson(lessons: Path) -> None:
    data = data_folder()
    right = numbers(lessons, data, "single", "a")
    drive(lessons, data, ["", "", right, "", "next", "", "", ""])
    assert await _continue_in_app(lessons, data) == ("second", 0)


async def test_a_lesson_left_in_plain_mode_continues_in_the_app_at_that_step(
    lessons: Path,
) -> None:
    data = data_folder()
    code, out = drive(lessons, data, ["", "", "next", "next", "a thought", "quit"])
    assert code == 0 and "Step 3 of 4: Think" in out
    assert await _continue_in_app(lessons, data) == ("first", 2)


async def test_a_lesson_left_in_the_app_continues_in_plain_mode_at_that_step(
    lessons: Path,
) -> None:
    data = data_folder()
    app = make_app(lessons, data)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await open_lesson(pilot, "first", 3)
            await wait_for(pilot, lambda: isinstance(app.screen, LessonScreen))
    finally:
        app.store.close()
    code, out = drive(lessons, data, ["", "quit"])
    assert code == 0
    assert "c: Continue with First lesson, step 4 of 4." in out
    assert after(out, "Lesson: First lesson").splitlines()[2] == "Step 4 of 4: Plan"


def test_the_bundled_first_lesson_reads_as_plain_lines_to_its_summary() -> None:
    from course.loader import load_course
    from course.model import QuizStep
    from course.paths import bundled_lessons

    lessons = bundled_lessons()
    data = data_folder()
    lesson = load_course([lessons]).course.lessons[0]
    answers: list[str] = []
    for step in lesson.steps:
        if isinstance(step, QuizStep):
            for number, question in enumerate(step.questions):
                right = sorted(c.id for c in question.choices if c.correct)
                if number == 0:
                    wrong = next(c.id for c in question.choices if not c.correct)
                    answers.append(numbers(lessons, data, question.id, wrong))
                answers += [numbers(lessons, data, question.id, *right), ""]
        elif step.kind == "reflect":
            answers += ["It sounded final before; now less so.", ""]
        else:
            answers.append("")
    code, out = drive(lessons, data, ["", *answers, "quit"])
    assert code == 0
    assert f"You finished the lesson: {lesson.title}" in out
    total = len(lesson.questions)
    assert f"Quiz: {total} of {total} right." in out
    assert not DRAWN.search(out), sorted(set(DRAWN.findall(out)))
    assert "**" not in out
