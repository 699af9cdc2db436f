"""Where a learner stands in each lesson, worked out from saved progress.

Pure functions over the model and plain values from the store, so the map,
the summary and the export agree and can be tested without a screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from course.model import Lesson


class State(Enum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    DONE = "done"


SYMBOLS = {State.NOT_STARTED: "○", State.IN_PROGRESS: "◐", State.DONE: "●"}


@dataclass(frozen=True)
class Score:
    """A lesson's quiz as it stands now, counting each question's latest answer.

    A question not answered yet is only that, never wrong: a learner who
    skipped ahead is told how many are left, not marked down for them. The
    first-try count is kept for the export, for whoever wants to see what the
    feedback taught.
    """

    right: int
    answered: int
    total: int
    first_try: int

    @property
    def to_answer(self) -> int:
        return self.total - self.answered

    def describe(self) -> str:
        """In words, e.g. "3 of 4 right, 1 to answer"; the map and summary say this."""
        if not self.answered:
            return f"{self.total} to answer"
        text = f"{self.right} of {self.total} right"
        return text + (f", {self.to_answer} to answer" if self.to_answer else "")


Answers = Mapping[str, tuple[bool, bool]]
"""Per question id: whether the first and the latest answers were right."""


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
            text = f"in progress, step {self.step} of {self.steps}"
        else:
            text = str(self.state.value)
        # A lesson under way shows its quiz once something is answered; a
        # lesson done always does, so questions skipped are not forgotten.
        shown = self.score is not None and (self.state is State.DONE or self.score.answered)
        if shown and self.score is not None:
            text += f", quiz {self.score.describe()}"
        return text


def score(lesson: Lesson, answers: Answers) -> Score | None:
    """The one score of a lesson, shown alike on the map, the summary and the export.

    None for a lesson without questions.
    """
    questions = lesson.questions
    if not questions:
        return None
    given = [answers[q.id] for q in questions if q.id in answers]
    return Score(
        right=sum(1 for _, latest in given if latest),
        answered=len(given),
        total=len(questions),
        first_try=sum(1 for first, _ in given if first),
    )


def standing(
    lesson: Lesson,
    started: bool,
    completed: bool,
    step_id: str | None,
    answers: Answers,
) -> Standing:
    index = lesson.step_index(step_id) if step_id else None
    step = (index or 0) + 1
    if completed:
        state = State.DONE
    elif started:
        state = State.IN_PROGRESS
    else:
        state = State.NOT_STARTED
    return Standing(state, step, len(lesson.steps), score(lesson, answers))
