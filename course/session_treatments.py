"""The doors to My treatments and to the appointment brief.

``Session.treatments`` and ``Session.brief`` build these from the store and
``Session.write`` (which turns a failed write into a sentence for the
learner). They turn stored rows into the domain's records and back, and hold
no rule of their own beyond which write a learner's action means. The
command line's ``brief`` builds the same :class:`~course.brief.Brief` through
:func:`brief_from_store`, so the screen and the command make the same page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from course.brief import FORMATS, Brief, BriefReflection, TrendPoint, treatments_markdown
from course.checkin import band
from course.model import Course, PlanStep, ReflectStep
from course.session_door import StoreDoor, Write
from course.treatments import (
    CheckinPoint,
    DoseChange,
    Treatment,
    maybe_month,
    newest_first,
)
from progress import Store, brief_state
from progress import questions as asked
from progress import treatments as rows
from progress.treatments import DoseRow, TreatmentRow

if TYPE_CHECKING:
    from progress import Snapshot

TREATMENT_SOURCE = "treatment"
"""The ``source`` of a question ticked from a treatment's four checks."""
OWN_SOURCE = "own"


def to_treatment(row: TreatmentRow) -> Treatment:
    return Treatment(
        kind=row.kind,
        name=row.name,
        started=maybe_month(row.started),
        stopped=maybe_month(row.stopped),
        still_taking=row.still_taking,
        doses=tuple(DoseChange(d.dose, maybe_month(d.started)) for d in row.doses),
        missed_doses=row.missed_doses,
        side_effects=row.side_effects,
        side_effects_why_stopped=row.side_effects_why_stopped,
        helped=row.helped,
        stopped_working=row.stopped_working,
        why_stopped=row.why_stopped,
        notes=row.notes,
        questions=row.questions,
        id=row.id,
    )


def to_row(treatment: Treatment) -> TreatmentRow:
    return TreatmentRow(
        kind=treatment.kind,
        name=treatment.name,
        started=treatment.started.iso() if treatment.started else None,
        stopped=treatment.stopped.iso() if treatment.stopped else None,
        still_taking=treatment.still_taking,
        missed_doses=treatment.missed_doses,
        side_effects=treatment.side_effects,
        side_effects_why_stopped=treatment.side_effects_why_stopped,
        helped=treatment.helped,
        stopped_working=treatment.stopped_working,
        why_stopped=treatment.why_stopped,
        notes=treatment.notes,
        questions=treatment.questions,
        doses=tuple(
            DoseRow(d.dose, d.started.iso() if d.started else None) for d in treatment.doses
        ),
    )


class TreatmentsDoor(StoreDoor):
    """The learner's verbs on their treatment history."""

    def list(self) -> list[Treatment]:
        """Every treatment, newest first."""
        return newest_first(to_treatment(row) for row in rows.treatments(self._store))

    def add(self, treatment: Treatment) -> int | None:
        """Save a new treatment; its id, or None if it could not be saved (the learner was told)."""
        return self._save(rows.add_treatment, to_row(treatment))

    def update(self, treatment: Treatment) -> bool:
        if treatment.id is None:
            return False
        return self._changed(rows.update_treatment, treatment.id, to_row(treatment))

    def remove(self, treatment_id: int) -> bool:
        return self._changed(rows.remove_treatment, treatment_id)

    def checkins(self) -> tuple[CheckinPoint, ...]:
        """Every check-in's total, oldest first, to show those between a treatment's dates."""
        return tuple(
            CheckinPoint(c.taken_at, c.total) for c in brief_state.read_all(self._store).checkins
        )

    def questions_asked(self) -> frozenset[str]:
        """The texts already in the learner's questions for their provider."""
        return frozenset(q.text for q in asked.read_questions(self._store))

    def ask(self, question: str) -> bool:
        """Tick a check into the learner's questions for their provider (once), picked."""
        for row in asked.read_questions(self._store):
            if row.text == question:
                return row.picked or self._changed(asked.set_picked, row.id, True)
        return self._written(asked.add_question, question, TREATMENT_SOURCE)

    def unask(self, question: str) -> bool:
        """Take a ticked check back out of the learner's questions."""
        for row in asked.read_questions(self._store):
            if row.text == question and row.source == TREATMENT_SOURCE:
                return self._changed(asked.remove_question, row.id)
        return False


@dataclass(frozen=True)
class ReflectionChoice:
    """A saved reflection the learner may pick for the brief."""

    lesson_id: str
    step_id: str
    lesson_title: str
    prompt: str
    text: str
    picked: bool


@dataclass(frozen=True)
class QuestionChoice:
    id: int
    text: str
    source: str
    picked: bool


def _plan_items(course: Course, snapshot: Snapshot) -> tuple[str, ...]:
    """Every plan item the learner ticked (the author's and their own), in course order."""
    plans = {(p.lesson_id, p.step_id): p for p in snapshot.plans}
    items: list[str] = []
    for lesson in course.lessons:
        for step in lesson.steps:
            if not isinstance(step, PlanStep):
                continue
            state = plans.get((lesson.id, step.id))
            if state is None:
                continue
            items += [item.text for item in step.items if item.id in state.ticked]
            items += [own.text for own in state.own_items if own.item_id in state.ticked]
    return tuple(items)


def _reflections(
    course: Course,
    snapshot: Snapshot,
    prompts: dict[tuple[str, str], str],
    picks: frozenset[tuple[str, str]],
) -> list[ReflectionChoice]:
    found = []
    for saved in snapshot.reflections:
        if not saved.text.strip():
            continue
        lesson = course.lesson(saved.lesson_id)
        index = lesson.step_index(saved.step_id) if lesson is not None else None
        step = lesson.steps[index] if lesson is not None and index is not None else None
        prompt = (
            step.prompt
            if isinstance(step, ReflectStep)
            else prompts.get((saved.lesson_id, saved.step_id), "")
        )
        found.append(
            ReflectionChoice(
                saved.lesson_id,
                saved.step_id,
                lesson.title if lesson is not None else saved.lesson_id,
                prompt,
                saved.text,
                (saved.lesson_id, saved.step_id) in picks,
            )
        )
    order = {lesson.id: i for i, lesson in enumerate(course.lessons)}
    return sorted(found, key=lambda r: (order.get(r.lesson_id, len(order)), r.step_id))


def brief_from_store(course: Course, store: Store, today: date) -> Brief:
    """The brief as the learner chose it: picked questions, picked reflections only."""
    state = brief_state.read_all(store)
    snapshot = store.snapshot(every_attempt=False)  # reflections are what is read
    picked = [
        r
        for r in _reflections(course, snapshot, store.saved_prompts(), state.reflection_picks)
        if r.picked
    ]
    return Brief(
        goal=state.goal,
        questions=tuple(q.text for q in state.questions if q.picked),
        treatments=tuple(newest_first(to_treatment(row) for row in state.treatments)),
        trend=tuple(TrendPoint(c.taken_at, c.total, band(c.total).name) for c in state.checkins),
        plan_items=_plan_items(course, snapshot),
        reflections=tuple(BriefReflection(r.lesson_title, r.prompt, r.text) for r in picked),
        today=today,
    )


def treatments_section(store: Store, today: date) -> str:
    """The notes export's "My treatments" section from the store ("" with no treatments).

    For ``trd-course export`` and the notes screen's export: every field of
    every treatment, newest first, with the check-in totals between its dates.
    """
    state = brief_state.read_all(store)
    return treatments_markdown(
        newest_first(to_treatment(row) for row in state.treatments),
        [CheckinPoint(c.taken_at, c.total) for c in state.checkins],
        today,
    )


def default_brief_path(today: date, fmt: str = "md") -> Path:
    """Where the screen writes the brief unless told otherwise: the home folder."""
    return Path.home() / f"appointment-brief-{today.isoformat()}.{fmt}"


class BriefDoor(StoreDoor):
    """The learner's verbs on the brief: the goal, and which questions and reflections go in."""

    def __init__(self, course: Course, store: Store, write: Write) -> None:
        super().__init__(store, write)
        self._course = course

    def goal(self) -> str:
        return brief_state.goal(self._store)

    def set_goal(self, text: str) -> None:
        if brief_state.goal(self._store) != text:
            self._save(brief_state.set_goal, text)

    def questions(self) -> list[QuestionChoice]:
        return [
            QuestionChoice(q.id, q.text, q.source, q.picked)
            for q in asked.read_questions(self._store)
        ]

    def pick_question(self, question_id: int, picked: bool) -> None:
        self._save(asked.set_picked, question_id, picked)

    def add_question(self, text: str) -> bool:
        """The learner's own question, picked for this visit."""
        if not text.strip():
            return False
        return self._written(asked.add_question, text, OWN_SOURCE)

    def reflections(self) -> list[ReflectionChoice]:
        return _reflections(
            self._course,
            self._store.snapshot(every_attempt=False),
            self._store.saved_prompts(),
            brief_state.reflection_picks(self._store),
        )

    def pick_reflection(self, lesson_id: str, step_id: str, picked: bool) -> None:
        picks = set(brief_state.reflection_picks(self._store))
        if picked:
            picks.add((lesson_id, step_id))
        else:
            picks.discard((lesson_id, step_id))
        self._save(brief_state.set_reflection_picks, frozenset(picks))

    def brief(self, today: date) -> Brief:
        return brief_from_store(self._course, self._store, today)

    def render(self, today: date, fmt: str = "md") -> str:
        return FORMATS[fmt](self.brief(today))

    def write_file(self, path: Path, today: date, fmt: str = "md") -> None:
        """Write the brief to ``path``, readable by the learner only (replacing it).

        Raises:
            PrivateFileError: It could not be written (the message says why).
        """
        from course.private_file import write_private

        write_private(path, self.render(today, fmt))
