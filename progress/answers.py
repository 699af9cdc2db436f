"""Quiz answers as the store hands them back: each attempt, and a summary per question.

Frozen records like those in ``progress.records``, kept apart so a start
does not define them: the map's scores come from ``Store.answer_summaries``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class QuizAttempt:
    """One answer the learner gave, exactly as chosen.

    Attributes:
        attempt_id: Increases with every answer recorded in this store.
        choice_ids: The chosen choice ids, in the order they were given.
    """

    attempt_id: int
    lesson_id: str
    question_id: str
    choice_ids: tuple[str, ...]
    correct: bool
    answered_at: datetime


@dataclass(frozen=True)
class QuestionResult:
    """A summary of every attempt at one question.

    Attributes:
        attempts: How many answers were recorded (at least 1).
        first_correct: Whether the first attempt was right: what the learner
            knew before the feedback taught them.
        latest: The most recent attempt, to show the learner's last answer.
    """

    lesson_id: str
    question_id: str
    attempts: int
    first_correct: bool
    latest: QuizAttempt
