"""The values the store hands back: frozen, plain, free of SQLite.

Records are frozen so a screen can keep one without the store changing it
under its feet, and they only hold ids, text, booleans and aware UTC
datetimes, so the ``course`` package can use them without knowing how they
are kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class Notice:
    """Something the learner should be told after opening the store.

    Attributes:
        message: Plain language, complete on its own, safe to print as is.
        paths: The files the message is about, for a UI that wants to offer
            "open folder" or copy a path.
    """

    message: str
    paths: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Position:
    """Where the learner was last: the step to show when they come back."""

    lesson_id: str
    step_id: str
    updated_at: datetime


@dataclass(frozen=True)
class LessonProgress:
    """When a lesson was first started and first completed (None: not yet).

    Attributes:
        last_step_id: The step last shown in this lesson, to resume it and to
            say how far the learner got.
    """

    lesson_id: str
    started_at: datetime | None
    completed_at: datetime | None
    last_step_id: str | None = None


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
        best_correct: Whether any attempt was right.
        latest: The most recent attempt, to show the learner's last answer.
    """

    lesson_id: str
    question_id: str
    attempts: int
    first_correct: bool
    best_correct: bool
    latest: QuizAttempt


@dataclass(frozen=True)
class Reflection:
    """The learner's private text for one reflect step, as last saved."""

    lesson_id: str
    step_id: str
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class OwnPlanItem:
    """An action the learner added to a plan step themselves.

    Attributes:
        item_id: Assigned by the store, starts with ``mine:`` so it can never
            collide with an author's item id; never reused after removal.
    """

    item_id: str
    text: str
    added_at: datetime


@dataclass(frozen=True)
class PlanState:
    """What the learner did with one plan step.

    Attributes:
        ticked: Ids of ticked items, the author's and the learner's own.
        own_items: The learner's own items, oldest first.
    """

    lesson_id: str
    step_id: str
    ticked: frozenset[str] = frozenset()
    own_items: tuple[OwnPlanItem, ...] = ()


@dataclass(frozen=True)
class Snapshot:
    """Everything in the store at one moment, for export and for tests.

    Read in one transaction, so it never mixes states from before and after a
    write by another running copy of the course.
    """

    position: Position | None
    lessons: tuple[LessonProgress, ...]
    attempts: tuple[QuizAttempt, ...]
    reflections: tuple[Reflection, ...]
    plans: tuple[PlanState, ...]
    first_run_acknowledged_at: datetime | None
    settings: Mapping[str, str] = field(default_factory=dict)
