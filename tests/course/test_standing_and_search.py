"""Lesson status for the map, and text search for the palette."""

from __future__ import annotations

from pathlib import Path

from course.loader import load_course
from course.model import Course
from course.search import search
from course.standing import State, score, standing
from tests.course.lesson_text import LESSON, write_folder


def _course(tmp_path: Path) -> Course:
    return load_course([write_folder(tmp_path / "l", {"m/01-one.toml": LESSON})]).course


def test_standing_states(tmp_path: Path) -> None:
    lesson = _course(tmp_path).lessons[0]
    fresh = standing(lesson, False, False, None, {})
    assert (fresh.state, fresh.symbol, fresh.describe()) == (State.NOT_STARTED, "○", "not started")
    going = standing(lesson, True, False, "think", {})
    assert going.describe() == "in progress, step 3 of 4", "nothing answered: no quiz yet"
    answered = standing(lesson, True, False, "think", {"q1": (False, True)})
    assert answered.describe() == "in progress, step 3 of 4, quiz 1 of 1 right"
    skipped = standing(lesson, True, True, "todo", {})
    assert (skipped.symbol, skipped.describe()) == ("●", "done, quiz 1 to answer")
    done = standing(lesson, True, True, "todo", {"q1": (True, True)})
    assert (done.symbol, done.describe()) == ("●", "done, quiz 1 of 1 right")


def test_the_score_counts_latest_answers_and_keeps_first_tries(tmp_path: Path) -> None:
    lesson = _course(tmp_path).lessons[0]
    unanswered = score(lesson, {})
    assert unanswered is not None
    assert (unanswered.answered, unanswered.to_answer, unanswered.describe()) == (
        0,
        1,
        "1 to answer",
    ), "a question not answered is never counted wrong"
    learned = score(lesson, {"q1": (False, True)})
    assert learned is not None
    assert (learned.right, learned.first_try, learned.describe()) == (1, 0, "1 of 1 right")
    unlearned = score(lesson, {"q1": (True, False)})
    assert unlearned is not None and (unlearned.right, unlearned.first_try) == (0, 1)
    assert score(lesson, {"other": (True, True)}) == unanswered, "answers elsewhere don't count"


def test_search_finds_words_in_any_order(tmp_path: Path) -> None:
    course = _course(tmp_path)
    hits = list(search(course, "ANOTHER do"))
    assert [(h.lesson.id, h.step) for h in hits] == [("lesson-one", 3)]
    assert "Do another" in hits[0].snippet
    assert list(search(course, "   ")) == []
    assert list(search(course, "nowhere-to-be-found")) == []
