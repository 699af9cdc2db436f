"""Where progress saved under an old id lives now.

Authors rename ids and keep the old ones in ``previous_ids``; the store keeps
whatever ids were current when the learner answered, ticked or wrote. This
module turns any saved id into the current one, so the Session can translate
what the store returns before anything looks it up in the course. It is pure:
it reads the course and never the store.

Saved ids are scoped as the store keys them: a lesson id alone; a step,
question or plan item within its lesson; a choice within its question; a plan
item within its step. Translate the outer id first (the lesson, then the step
or question) and pass the *current* outer id in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from course.model import Course, PlanStep, QuizStep

if TYPE_CHECKING:  # the shape only: importing progress would bring in sqlite3
    from progress.snapshot import Snapshot


def _table(pairs: Iterable[tuple[tuple[str, ...], str]]) -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for key, current in pairs:
        table.setdefault(key, current)
    return table


@dataclass(frozen=True)
class Renames:
    """Old ids mapped to current ones; an id with no entry is already current.

    Only previous ids are stored, so a course without renames costs nothing;
    each method returns the saved id unchanged when it is current or unknown
    (unknown means removed from the course, or from a pack not loaded).
    """

    lessons: Mapping[str, str] = field(default_factory=dict)
    steps: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    questions: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    choices: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    items: Mapping[tuple[str, ...], str] = field(default_factory=dict)

    def lesson(self, saved: str) -> str:
        """The current id of the lesson saved as ``saved``."""
        return self.lessons.get(saved, saved)

    def step(self, lesson_id: str, saved: str) -> str:
        """The current id of a step saved as ``saved`` in the (current) lesson."""
        return self.steps.get((lesson_id, saved), saved)

    def question(self, lesson_id: str, saved: str) -> str:
        """The current id of a question saved as ``saved`` in the (current) lesson."""
        return self.questions.get((lesson_id, saved), saved)

    def choice(self, lesson_id: str, question_id: str, saved: str) -> str:
        """The current id of a choice, within its current lesson and question."""
        return self.choices.get((lesson_id, question_id, saved), saved)

    def item(self, lesson_id: str, step_id: str, saved: str) -> str:
        """The current id of a plan item, within its current lesson and step."""
        return self.items.get((lesson_id, step_id, saved), saved)

    def __bool__(self) -> bool:
        """Whether the course renamed anything (if not, skip translating)."""
        return bool(self.lessons or self.steps or self.questions or self.choices or self.items)


def renames(course: Course) -> Renames:
    """Every previous id in ``course``, mapped to the id that replaced it.

    The validator refuses a previous id that clashes with a current one or is
    claimed twice in its scope; should a course built by other means have one,
    the first claim wins and a current id always stays itself.
    """
    lessons: list[tuple[tuple[str, ...], str]] = []
    steps: list[tuple[tuple[str, ...], str]] = []
    questions: list[tuple[tuple[str, ...], str]] = []
    choices: list[tuple[tuple[str, ...], str]] = []
    items: list[tuple[tuple[str, ...], str]] = []
    current_lessons = {lesson.id for lesson in course.lessons}
    for lesson in course.lessons:
        lid = lesson.id
        lessons += [((old,), lid) for old in lesson.previous_ids if old not in current_lessons]
        step_ids = {step.id for step in lesson.steps}
        question_ids = {q.id for q in lesson.questions}
        item_ids = {i.id for s in lesson.steps if isinstance(s, PlanStep) for i in s.items}
        for step in lesson.steps:
            steps += [((lid, old), step.id) for old in step.previous_ids if old not in step_ids]
            if isinstance(step, QuizStep):
                for question in step.questions:
                    questions += [
                        ((lid, old), question.id)
                        for old in question.previous_ids
                        if old not in question_ids
                    ]
                    choice_ids = {c.id for c in question.choices}
                    choices += [
                        ((lid, question.id, old), choice.id)
                        for choice in question.choices
                        for old in choice.previous_ids
                        if old not in choice_ids
                    ]
            elif isinstance(step, PlanStep):
                items += [
                    ((lid, step.id, old), item.id)
                    for item in step.items
                    for old in item.previous_ids
                    if old not in item_ids
                ]
    return Renames(
        {key[0]: value for key, value in _table(lessons).items()},
        _table(steps),
        _table(questions),
        _table(choices),
        _table(items),
    )


def translate_snapshot(snapshot: Snapshot, found: Renames) -> Snapshot:
    """``snapshot`` with every saved id moved to its current id (for an export).

    The app moves renamed ids in the store when it opens; an export made
    before the app has run again shows the same by translating what it read.
    """
    if not found:
        return snapshot
    from dataclasses import replace

    def step(lesson_id: str, step_id: str) -> str:
        return found.step(lesson_id, step_id)

    lessons = tuple(
        replace(
            p,
            lesson_id=(lid := found.lesson(p.lesson_id)),
            last_step_id=None if p.last_step_id is None else step(lid, p.last_step_id),
        )
        for p in snapshot.lessons
    )
    attempts = []
    for a in snapshot.attempts:
        lid = found.lesson(a.lesson_id)
        qid = found.question(lid, a.question_id)
        chosen = tuple(found.choice(lid, qid, c) for c in a.choice_ids)
        attempts.append(replace(a, lesson_id=lid, question_id=qid, choice_ids=chosen))
    reflections = tuple(
        replace(r, lesson_id=(lid := found.lesson(r.lesson_id)), step_id=step(lid, r.step_id))
        for r in snapshot.reflections
    )
    plans = []
    for plan in snapshot.plans:
        lid = found.lesson(plan.lesson_id)
        sid = step(lid, plan.step_id)
        ticked = frozenset(found.item(lid, sid, item) for item in plan.ticked)
        plans.append(replace(plan, lesson_id=lid, step_id=sid, ticked=ticked))
    position = snapshot.position
    if position is not None:
        lid = found.lesson(position.lesson_id)
        position = replace(position, lesson_id=lid, step_id=step(lid, position.step_id))
    return replace(
        snapshot,
        position=position,
        lessons=lessons,
        attempts=tuple(attempts),
        reflections=reflections,
        plans=tuple(plans),
    )
