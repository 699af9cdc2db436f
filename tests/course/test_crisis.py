"""The crisis lines are the same in the help panel and in the last lesson."""

from __future__ import annotations

from course import crisis
from course.loader import load_course
from course.paths import bundled_lessons
from course.search import step_text


def test_last_lesson_repeats_every_crisis_fact() -> None:
    last = load_course([bundled_lessons()]).course.lessons[-1]
    text = "\n".join(step_text(step) for step in last.steps)
    for fact in (crisis.US_LINE, crisis.US_LINE_OLD, crisis.EMERGENCY, crisis.WORLDWIDE):
        assert fact in text, f"{last.path} does not mention {fact}"
        assert fact in crisis.as_text()
