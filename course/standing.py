"""Where a learner stands in each lesson, worked out from saved progress.

Pure functions over the model and plain values from the store, so the map,
the summary and the export agree and can be tested without a screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from course.model import Course, Lesson


class State(Enum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    DONE = "done"


SYMBOLS = {State.NOT_STARTED: "○", State.IN_PROGRESS: "◐", State.DONE: "●"}


@dataclass(frozen=True)
class Score:
    """First-attempt score: what the learner knew before the feedback."""

    right: int
    total: int

    def __str__(self) -> str:
        return f"{self.right}/{self.total}"


@dataclass(frozen=True)
class Standing:
    """One lesson's status for the map: state, step reached and score."""

    state: State
    step: int
    steps: int
    score: Score | None

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.state]

    def describe(self) -> str:
        if self.state is State.IN_PROGRESS:
            return f"in progress, step {self.step} of {self.steps}"
        if self.state is State.DONE and self.score is not None and self.score.total:
            return f"done, quiz {self.score}"
        return str(self.state.value)


def score(lesson: Lesson, first_correct: Mapping[str, bool]) -> Score | None:
    """Count first attempts that were right; None if nothing was answered."""
    questions = lesson.questions
    if not questions or not any(q.id in first_correct for q in questions):
        return None
    right = sum(1 for q in questions if first_correct.get(q.id, False))
    return Score(right, len(questions))


def standing(
    lesson: Lesson,
    started: bool,
    completed: bool,
    step_id: str | None,
    first_correct: Mapping[str, bool],
) -> Standing:
    index = lesson.step_index(step_id) if step_id else None
    step = (index or 0) + 1
    if completed:
        state = State.DONE
    elif started:
        state = State.IN_PROGRESS
    else:
        state = State.NOT_STARTED
    return Standing(state, step, len(lesson.steps), score(lesson, first_correct))


def lessons_done(course: Course, completed: set[str]) -> int:
    return sum(1 for lesson in course.lessons if lesson.id in completed)
