"""Moving about in plain lines: back and next through steps and questions, coming back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from course.loader import load_course
from course.session import Session
from progress import database_path, open_store
from tests.course.lesson_text import COURSE, write_folder
from tests.plain.helpers import after, drive
from tests.ui.helpers import SECOND_LESSON, UI_LESSON, data_folder, lessons_folder


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    return lessons_folder(tmp_path / "lessons")


def test_back_turns_questions_then_steps_and_into_a_quiz_at_its_last_question(
    lessons: Path,
) -> None:
    code, out = drive(
        lessons, data_folder(), ["", "", "next", "back", "back", "next", "next", "next", "back"]
    )
    assert code == 0
    shown = [
        line
        for line in out.splitlines()
        if line.startswith(("Step ", "Question ")) and " of " in line
    ]
    assert shown == [
        "Step 1 of 4: A page",
        "Step 2 of 4: Check",
        "Question 1 of 2",
        "Question 2 of 2",
        "Question 1 of 2",
        "Step 1 of 4: A page",
        "Step 2 of 4: Check",
        "Question 1 of 2",
        "Question 2 of 2",
        "Step 3 of 4: Think",
        "Step 2 of 4: Check",
        "Question 2 of 2",
    ]


def test_a_reflection_is_read_back_harmlessly_and_can_be_added_to_or_cleared(
    lessons: Path,
) -> None:
    data = data_folder()
    to_reflection = ["", "", "next", "next"]
    drive(lessons, data, [*to_reflection, "first \x1b]52;c;bad\x07 line", ""])
    # Lesson 1 opens where it was left, at the plan; back is the reflection.
    code, out = drive(lessons, data, ["1", "back", "more", ""])
    assert code == 0
    again = after(out, "What you wrote before:")
    assert "first \u241b]52;c;bad\u2407 line" in again and "\x1b" not in out
    opened = open_store(database_path(data))
    try:
        saved = opened.store.reflection("first", "think")
        assert saved is not None and saved.text == "first \x1b]52;c;bad\x07 line\nmore"
    finally:
        opened.store.close()
    drive(lessons, data, ["1", "back", "clear", "again", ""])
    opened = open_store(database_path(data))
    try:
        saved = opened.store.reflection("first", "think")
        assert saved is not None and saved.text == "again"
    finally:
        opened.store.close()


def test_lessons_that_failed_to_load_are_named_and_the_rest_runs(tmp_path: Path) -> None:
    folder = write_folder(
        tmp_path / "lessons",
        {
            "m/01-first.toml": UI_LESSON,
            "m/02-second.toml": SECOND_LESSON,
            "m/03-bad.toml": "id = [",
        },
        COURSE,
    )
    code, out = drive(folder, data_folder(), ["quit"])
    assert code == 0
    assert "Some lessons could not be loaded:" in out and "03-bad.toml:1" in out
    assert "1. First lesson: not started" in out


def test_the_map_suggests_a_check_in_after_two_weeks(lessons: Path) -> None:
    data = data_folder()
    opened = open_store(database_path(data))
    try:
        session = Session(load_course([lessons]).course, opened.store, print)
        taken = datetime.now(UTC) - timedelta(days=15)
        assert session.checkins.save([0] * 9, None, False, at=taken) is not None
    finally:
        opened.store.close()
    code, out = drive(lessons, data, ["quit"])
    assert code == 0
    assert "It has been 15 days since your last check-in" in out
