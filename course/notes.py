"""The learner's notes: every reflection and plan they wrote, gathered by lesson.

Pure values built from the course and a snapshot of the store, so the notes
screen and the line mode list the same things in the same order (course
order, then steps in lesson order) and can be tested without a screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from course.model import Course, Lesson, PlanStep, ReflectStep

if TYPE_CHECKING:  # only the shapes: importing progress would bring in sqlite3
    from progress.own_work import PlanState, Reflection


@dataclass(frozen=True)
class NoteItem:
    """One plan item as the learner left it."""

    item_id: str
    text: str
    ticked: bool
    own: bool


@dataclass(frozen=True)
class Note:
    """A reflection (``text``) or a plan (``items``) on one step."""

    lesson: Lesson
    step_id: str
    prompt: str
    text: str | None = None
    items: tuple[NoteItem, ...] = ()

    @property
    def is_plan(self) -> bool:
        return self.text is None


def gather(
    course: Course, reflections: tuple[Reflection, ...], plans: tuple[PlanState, ...]
) -> tuple[Note, ...]:
    """Every non-empty reflection and every touched plan, in course order."""
    texts = {(r.lesson_id, r.step_id): r.text for r in reflections if r.text.strip()}
    states = {(p.lesson_id, p.step_id): p for p in plans}
    notes: list[Note] = []
    for lesson in course.lessons:
        for step in lesson.steps:
            key = (lesson.id, step.id)
            if isinstance(step, ReflectStep) and key in texts:
                notes.append(Note(lesson, step.id, step.prompt, text=texts[key]))
            elif isinstance(step, PlanStep) and key in states:
                state = states[key]
                items = [
                    NoteItem(item.id, item.text, item.id in state.ticked, own=False)
                    for item in step.items
                ]
                items += [
                    NoteItem(own.item_id, own.text, own.item_id in state.ticked, own=True)
                    for own in state.own_items
                ]
                if state.ticked or state.own_items:
                    notes.append(Note(lesson, step.id, step.prompt, items=tuple(items)))
    return tuple(notes)
