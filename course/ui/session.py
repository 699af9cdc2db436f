"""The learner's session: the course, their store, and safe writes.

Screens talk to the store only through here, so a failed write (a full disk,
a folder made read-only while the course runs) always becomes a message the
learner can read, never a crash that loses what they were writing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from course.model import Course, Lesson
from course.standing import Standing, standing
from progress import LessonProgress, Store, StoreError

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Place:
    """A lesson and the index of a step in it."""

    lesson: Lesson
    step: int


def _standing(
    lesson: Lesson, progress: LessonProgress | None, first_correct: dict[str, bool]
) -> Standing:
    return standing(
        lesson,
        started=progress is not None and progress.started_at is not None,
        completed=progress is not None and progress.completed_at is not None,
        step_id=progress.last_step_id if progress else None,
        first_correct=first_correct,
    )


class Session:
    def __init__(self, course: Course, store: Store, on_error: Callable[[str], None]) -> None:
        self.course = course
        self.store = store
        self._on_error = on_error

    def write(self, action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        """Run one store write; on failure tell the learner and carry on."""
        try:
            return action(*args, **kwargs)
        except StoreError as error:
            self._on_error(f"Could not save: {error}")
        except OSError as error:
            self._on_error(f"Could not save your progress: {error.strerror or error}")
        return None

    def first_correct(self, lesson: Lesson) -> dict[str, bool]:
        results = self.store.question_results(lesson.id)
        return {qid: result.first_correct for qid, result in results.items()}

    def standings(self) -> dict[str, Standing]:
        """Every lesson's standing, by lesson id, from two reads of the store.

        The map shows them all each time it appears; asking lesson by lesson
        took two reads per lesson.
        """
        progress = self.store.lessons()
        answers = self.store.first_answers()
        return {
            lesson.id: _standing(lesson, progress.get(lesson.id), answers.get(lesson.id, {}))
            for lesson in self.course.lessons
        }

    def resume_place(self, lesson: Lesson) -> Place:
        """Where opening a lesson lands: its last step if unfinished, else the start."""
        progress = self.store.lesson(lesson.id)
        if progress and progress.completed_at is None and progress.last_step_id:
            index = lesson.step_index(progress.last_step_id)
            if index is not None:
                return Place(lesson, index)
        return Place(lesson, 0)

    def continue_place(self) -> Place | None:
        """The saved position, if it still points at a lesson and step that exist."""
        position = self.store.position()
        if position is None:
            return None
        lesson = self.course.lesson(position.lesson_id)
        if lesson is None or not lesson.steps:
            return None
        index = lesson.step_index(position.step_id)
        return Place(lesson, index if index is not None else 0)
