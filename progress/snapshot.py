"""Everything in the store at one moment, for export, reset backups and tests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from progress.answers import QuestionResult, QuizAttempt
from progress.own_work import PlanState, Reflection
from progress.records import LessonProgress, Position


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
    question_results: tuple[QuestionResult, ...] = ()
    """Each answered question's first grade, latest answer and number of
    answers, in first-answered order: what the export shows of quizzes."""
