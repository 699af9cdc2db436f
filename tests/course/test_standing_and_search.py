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
    assert going.describe() == "in progress, step 3 of 4"
    done = standing(lesson, True, True, "todo", {"q1": True})
    assert (done.symbol, done.describe()) == ("●", "done, quiz 1/1")


def test_score_counts_first_attempts_only(tmp_path: Path) -> None:
    lesson = _course(tmp_path).lessons[0]
    assert score(lesson, {}) is None
    assert str(score(lesson, {"q1": False})) == "0/1"


def test_search_finds_words_in_any_order(tmp_path: Path) -> None:
    course = _course(tmp_path)
    hits = list(search(course, "DO ANOTHER"))
    assert [(h.lesson.id, h.step) for h in hits] == [("lesson-one", 3)]
    assert "Do another" in hits[0].snippet
    assert list(search(course, "   ")) == []
    assert list(search(course, "nowhere-to-be-found")) == []
