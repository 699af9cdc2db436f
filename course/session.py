"""The learner's session: the one door from a front end to their saved state.

The app's screens and the plain line mode both go through here, with verbs
that say what the learner did (``answer``, ``save_reflection``, ``tick``,
``finish_lesson``), so both keep the same rules: an answer that repeats the
last one is not recorded twice, a lesson's score is worked out one way, and a
failed write (a full disk, a folder made read-only while the course runs)
becomes a sentence the learner can read, never a crash that loses what they
were writing. Nothing outside this module calls the store's writing methods.

Unlike the domain modules this one imports the store (and so ``sqlite3``);
it holds no rule of its own beyond which write a learner's action means.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from course.model import Course, Lesson, PlanStep, Question, ReflectStep, Step
from course.standing import Answers, Score, Standing, score, standing
from progress import LessonProgress, Store, StoreBusy, StoreError

if TYPE_CHECKING:
    from pathlib import Path

    from course.grading import Grade
    from course.model import Choice
    from course.notes import Note
    from course.session_safety import CheckinDoor, QuestionsDoor, SafetyPlanDoor
    from course.session_treatments import BriefDoor, TreatmentsDoor
    from progress import OwnPlanItem, PlanState

BUSY_MESSAGE = (
    "Another program is using your progress file right now. Everything you do is "
    "kept and will be saved as soon as it lets go; you can carry on, and help (F1) "
    "works as always."
)
READ_ONLY_MESSAGE = (
    "Your progress file can only be read right now (the disk is full or read-only), so "
    "nothing new is being saved. You can still read the lessons and export your notes."
)
SAVED_AFTER_BUSY = "Everything you did while your progress file was busy is now saved."

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Place:
    """A lesson and the index of a step in it."""

    lesson: Lesson
    step: int


@dataclass(frozen=True)
class MapView:
    """What the map shows, read from the store once per refresh.

    Attributes:
        standings: Each lesson's standing, by lesson id.
        continue_place: Where Continue goes, or None on a fresh start.
        done: How many lessons are done.
    """

    standings: dict[str, Standing]
    continue_place: Place | None
    done: int


def tools_sections(store: Store) -> str:
    """The export's sections for the learner's own tools (plan, check-ins, treatments).

    Each is left out when the learner has not used that tool; shared by the
    notes screen and ``trd-course export`` so both write the same document.
    """
    from datetime import date

    from course.session_safety import CheckinDoor, SafetyPlanDoor
    from course.session_treatments import treatments_section

    def no_write(*args: object, **kwargs: object) -> None:
        return None  # the export only reads

    plan = SafetyPlanDoor(store, no_write)
    checkins = CheckinDoor(store, no_write)
    parts = [plan.markdown() if plan.has_plan() else ""]
    parts.append(checkins.table_markdown() if checkins.points() else "")
    parts.append(treatments_section(store, date.today()))
    return "".join(f"\n{part.strip()}\n" for part in parts if part.strip())


def _renames_inside(course: Course) -> bool:
    """Whether anything in the course lists previous ids (a cheap first look)."""
    for lesson in course.lessons:
        if lesson.previous_ids:
            return True
        for step in lesson.steps:
            if step.previous_ids:
                return True
            if isinstance(step, PlanStep) and any(item.previous_ids for item in step.items):
                return True
            for question in getattr(step, "questions", ()):
                if question.previous_ids or any(c.previous_ids for c in question.choices):
                    return True
    return False


def _standing(lesson: Lesson, progress: LessonProgress | None, answers: Answers) -> Standing:
    return standing(
        lesson,
        started=progress is not None and progress.started_at is not None,
        completed=progress is not None and progress.completed_at is not None,
        step_id=progress.last_step_id if progress else None,
        answers=answers,
    )


class Session:
    """The course and one learner's store, behind verbs.

    Args:
        course: The checked course being shown.
        store: The learner's open store.
        on_error: Called with a sentence when a write fails; the front end
            shows it (a notification, a printed line) and carries on.
        on_saved: Called with a sentence when writes kept while the store was
            busy have all been saved.
    """

    def __init__(
        self,
        course: Course,
        store: Store,
        on_error: Callable[[str], None],
        on_saved: Callable[[str], None] | None = None,
    ) -> None:
        self.course = course
        self._store = store
        self._on_error = on_error
        self._on_saved = on_saved or (lambda message: None)
        self._seed: str | None = None
        self._waiting: list[Callable[[], object]] = []
        self._told_busy = False
        self._told_read_only = False
        self.follow_renames()

    def follow_renames(self) -> None:
        """Move progress saved under ids the author renamed (``previous_ids``) to the new ids.

        Done once as the course opens, in one write, and only when the course
        renamed something: from then on every read finds it under the new ids.
        """
        if not _renames_inside(self.course):
            return  # the bundled course: not even the renaming code is imported
        from course.renames import renames

        found = renames(self.course)
        if not found:
            return
        from progress.renaming import follow_renames

        self.write(
            follow_renames,
            self._store,
            lessons=found.lessons,
            steps=found.steps,
            questions=found.questions,
            choices=found.choices,
            items=found.items,
        )

    @property
    def read_only(self) -> bool:
        """Whether the store opened read-only: nothing typed now can be saved."""
        return self._store.read_only

    @property
    def store_path(self) -> str:
        """Where the learner's progress is kept, for messages."""
        return str(self._store.path)

    def write(self, action: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        """Run one store write; on failure tell the learner and carry on.

        While another program holds the store's write lock the write is kept,
        in order, and tried again by :meth:`retry_waiting` (the front end
        calls it now and then): the screen, and help, never wait on the lock.
        Returns None for a write kept for later, as for one that failed.
        """
        if self._waiting:
            self._waiting.append(partial(action, *args, **kwargs))
            return None
        if self._store.read_only:
            if not self._told_read_only:
                self._told_read_only = True
                self._on_error(READ_ONLY_MESSAGE)
            return None
        try:
            return action(*args, **kwargs)
        except StoreBusy:
            self._waiting.append(partial(action, *args, **kwargs))
            if not self._told_busy:
                self._told_busy = True
                self._on_error(BUSY_MESSAGE)
        except StoreError as error:
            self._on_error(f"Could not save: {error}")
        except OSError as error:
            self._on_error(f"Could not save your progress: {error.strerror or error}")
        return None

    @property
    def is_waiting(self) -> bool:
        """Whether some writes are kept, waiting for another program to let go."""
        return bool(self._waiting)

    def retry_waiting(self) -> bool:
        """Try the kept writes again, oldest first; True once none is left.

        Stops at the first that is still refused, so the order is kept.
        """
        while self._waiting:
            try:
                self._waiting[0]()
            except StoreBusy:
                return False
            except (StoreError, OSError) as error:
                self._on_error(f"Could not save: {error}")
            self._waiting.pop(0)
        if self._told_busy:
            self._told_busy = False
            self._on_saved(SAVED_AFTER_BUSY)
        return True

    def save_waiting_before_leaving(self, wait: float = 5.0) -> bool:
        """Leaving: wait up to ``wait`` seconds for the lock to save what was kept."""
        if not self._waiting:
            return True
        self._store.set_busy_timeout(wait)
        return self.retry_waiting()

    # -- the map ----------------------------------------------------------------

    def map_view(self) -> MapView:
        """Every lesson's standing and the Continue place, from three reads of the store."""
        progress = self._store.lessons()
        answers = self._store.answer_summaries()
        standings = {
            lesson.id: _standing(lesson, progress.get(lesson.id), answers.get(lesson.id, {}))
            for lesson in self.course.lessons
        }
        done = sum(1 for s in standings.values() if s.state.name == "DONE")
        return MapView(standings, self.continue_place(), done)

    def resume_place(self, lesson: Lesson) -> Place:
        """Where opening a lesson lands: its last step if unfinished, else the start."""
        progress = self._store.lesson(lesson.id)
        if progress and progress.completed_at is None and progress.last_step_id:
            index = lesson.step_index(progress.last_step_id)
            if index is not None:
                return Place(lesson, index)
        return Place(lesson, 0)

    def continue_place(self) -> Place | None:
        """The saved position, if it still points at a lesson and step that exist."""
        position = self._store.position()
        if position is None:
            return None
        lesson = self.course.lesson(position.lesson_id)
        if lesson is None or not lesson.steps:
            return None
        index = lesson.step_index(position.step_id)
        return Place(lesson, index if index is not None else 0)

    # -- a lesson ---------------------------------------------------------------

    def start_lesson(self, lesson: Lesson) -> None:
        """The learner opened a lesson (the first time is kept)."""
        self.write(self._store.mark_started, lesson.id)

    def reach_step(self, lesson: Lesson, step: Step) -> None:
        """The learner is looking at ``step``: the next start resumes here."""
        self.write(self._store.set_position, lesson.id, step.id)

    def finish_lesson(self, lesson: Lesson) -> None:
        """Every step was reached: mark it done and move Continue on to the next lesson."""
        self.write(self._store.mark_completed, lesson.id)
        following = self.lesson_after(lesson)
        if following is not None:
            self.write(self._store.set_position, following.id, following.steps[0].id)

    def lesson_after(self, lesson: Lesson) -> Lesson | None:
        """The next lesson not yet done, in course order, going round to the start.

        Just the next in order would send a learner who finishes the last
        lesson, or one read again, back to something already done while
        lessons they have never opened wait.
        """
        lessons = self.course.lessons
        done = {
            lesson_id
            for lesson_id, progress in self._store.lessons().items()
            if progress.completed_at is not None
        }
        here = next((i for i, candidate in enumerate(lessons) if candidate.id == lesson.id), -1)
        for candidate in lessons[here + 1 :] + lessons[: max(here, 0)]:
            if candidate.id not in done and candidate.steps:
                return candidate
        return None

    def lesson_score(self, lesson: Lesson) -> Score | None:
        """The lesson's score now (None without questions), as the map shows it."""
        return score(lesson, self._store.answer_summaries().get(lesson.id, {}))

    # -- quizzes ----------------------------------------------------------------

    def choices(self, question: Question) -> tuple[Choice, ...]:
        """The question's choices in this learner's own, stable order."""
        from course.choice_order import choice_order

        if self._seed is None:
            try:
                self._seed = self._store.learner_seed()
            except StoreError:
                self._seed = ""  # a store that cannot be written still shows the quiz
        return choice_order(question, self._seed)

    def latest_answers(self, lesson: Lesson) -> dict[str, tuple[str, ...]]:
        """Each answered question's latest choice ids, to show what was picked."""
        results = self._store.question_results(lesson.id)
        return {qid: result.latest.choice_ids for qid, result in results.items()}

    def answer(
        self, lesson: Lesson, question: Question, choice_ids: tuple[str, ...]
    ) -> Grade | None:
        """Grade an answer and keep it, unless it repeats the latest one exactly.

        Returns:
            The grade, or None if the answer could not be saved (the learner
            has been told).
        """
        from course.grading import grade

        result = grade(question, choice_ids)
        latest = self.latest_answers(lesson).get(question.id)
        if latest is not None and set(latest) == set(choice_ids):
            return result  # "Check again" with the same answer: nothing new to keep
        recorded = self.write(
            self._store.record_answer, lesson.id, question.id, choice_ids, result.correct
        )
        return result if recorded is not None or self.is_waiting else None

    # -- reflections and plans --------------------------------------------------

    def reflection(self, lesson: Lesson, step: ReflectStep) -> str:
        """The learner's saved text for a reflect step ("" if none)."""
        saved = self._store.reflection(lesson.id, step.id)
        return saved.text if saved else ""

    def save_reflection(self, lesson: Lesson, step: ReflectStep, text: str) -> bool:
        """Keep the learner's text; True once it is on disk."""
        saved = self.write(
            self._store.save_reflection, lesson.id, step.id, text, prompt=step.prompt
        )
        return saved is not None or self.is_waiting

    def plan(self, lesson: Lesson, step: PlanStep) -> PlanState:
        """What the learner ticked and added on a plan step."""
        return self._store.plan(lesson.id, step.id)

    def tick(self, lesson: Lesson, step: PlanStep, item_id: str, ticked: bool) -> None:
        """Tick or untick one item, the author's or the learner's own."""
        if ticked:
            text = next((item.text for item in step.items if item.id == item_id), None)
            self.write(
                self._store.tick, lesson.id, step.id, item_id, item_text=text, prompt=step.prompt
            )
        else:
            self.write(self._store.untick, lesson.id, step.id, item_id)

    def add_own_item(self, lesson: Lesson, step: PlanStep, text: str) -> OwnPlanItem | None:
        """Add the learner's own action, ticked: they chose it, so it is theirs to do."""
        return self.write(
            self._store.add_plan_item, lesson.id, step.id, text, ticked=True, prompt=step.prompt
        )

    def edit_own_item(self, lesson_id: str, step_id: str, item_id: str, text: str) -> bool:
        """Change the text of one of the learner's own items."""
        return bool(self.write(self._store.edit_plan_item, lesson_id, step_id, item_id, text))

    def remove_own_item(self, lesson_id: str, step_id: str, item_id: str) -> bool:
        """Remove one of the learner's own items and its tick."""
        return bool(self.write(self._store.remove_plan_item, lesson_id, step_id, item_id))

    def put_back_own_item(self, lesson_id: str, step_id: str, text: str, ticked: bool) -> bool:
        """Undo a removal: the same words and tick, as a new item at the plan's end."""
        return (
            self.write(self._store.add_plan_item, lesson_id, step_id, text, ticked=ticked)
            is not None
        )

    # -- the learner's notes ---------------------------------------------------

    def notes(self) -> tuple[Note, ...]:
        """Every reflection and plan the learner wrote, by lesson, in course order."""
        from course.notes import gather

        snapshot = self._store.snapshot()
        return gather(self.course, snapshot.reflections, snapshot.plans)

    def notes_markdown(self) -> str:
        """The notes as ``trd-course export`` writes them."""
        from datetime import datetime

        from course.export import notes_markdown

        snapshot = self._store.snapshot(every_attempt=False)
        text = notes_markdown(self.course, snapshot, datetime.now().astimezone())
        return text + tools_sections(self._store)

    def export_notes(self, path: Path) -> None:
        """Write the notes to ``path``, readable only by the learner.

        Raises:
            PrivateFileError: The file could not be written (the message says why).
        """
        from course.private_file import write_private

        write_private(path, self.notes_markdown())

    # -- the app itself ---------------------------------------------------------

    def first_run_pending(self) -> bool:
        """Whether the learner has yet to see what the course is and is not."""
        return self._store.first_run_acknowledged_at() is None

    def acknowledge_first_run(self) -> None:
        self.write(self._store.acknowledge_first_run)

    def setting(self, key: str) -> str | None:
        return self._store.setting(key)

    def set_setting(self, key: str, value: str | None) -> None:
        if self._store.setting(key) != value:
            self.write(self._store.set_setting, key, value)

    # -- the learner's tools ----------------------------------------------------
    # Each tool's verbs live in a door of its own module, built on first use.

    @cached_property
    def treatments(self) -> TreatmentsDoor:
        """My treatments: the learner's history and the checks they tick into questions."""
        from course.session_treatments import TreatmentsDoor

        return TreatmentsDoor(self._store, self.write)

    @cached_property
    def brief(self) -> BriefDoor:
        """Prepare for my appointment: the goal, the picks, the page."""
        from course.session_treatments import BriefDoor

        return BriefDoor(self.course, self._store, self.write)

    @property
    def safety_plan(self) -> SafetyPlanDoor:
        """My safety plan: its parts as the learner wrote them, saved as typed."""
        from course.session_safety import SafetyPlanDoor

        return SafetyPlanDoor(self._store, self.write)

    @property
    def checkins(self) -> CheckinDoor:
        """The check-in (PHQ-9): take one, the history, and whether one is suggested."""
        from course.session_safety import CheckinDoor

        return CheckinDoor(self._store, self.write)

    @property
    def questions(self) -> QuestionsDoor:
        """The learner's questions for their provider, from anywhere in the course."""
        from course.session_safety import QuestionsDoor

        return QuestionsDoor(self._store, self.write)
