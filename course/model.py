"""The course as typed, immutable values.

Everything here is built by the loader from validated TOML and never changes
afterwards, so screens and exporters can share one model without copying it.
Progress is keyed by the ``id`` fields (never by file name or position), which
is why every lesson, step, question, choice and plan item carries one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

SCHEMA_VERSION = 1
"""The lesson schema this code reads; a file may omit it or must match it."""


@dataclass(frozen=True)
class Choice:
    """One answer a learner can pick, with the feedback that teaches why."""

    id: str
    text: str
    correct: bool = False
    feedback: str = ""
    previous_ids: tuple[str, ...] = ()
    """Ids this choice had before a rename: answers saved under them still count."""


@dataclass(frozen=True)
class Question:
    """A quiz question; several correct choices make it "select all that apply"."""

    id: str
    prompt: str
    choices: tuple[Choice, ...]
    explanation: str = ""
    shuffle: bool = True
    """Whether the app may show the choices in a per-learner order; an author turns
    it off when order carries meaning ("All of the above", a scale)."""
    previous_ids: tuple[str, ...] = ()

    @property
    def multiple(self) -> bool:
        """Whether the learner should pick every correct choice, not just one."""
        return sum(1 for c in self.choices if c.correct) > 1

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.choices if c.correct)


@dataclass(frozen=True)
class PlanItem:
    """An action the learner can tick; its id keeps the tick across edits."""

    id: str
    text: str
    previous_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadStep:
    """A page of Markdown."""

    id: str
    title: str
    body: str
    kind: Literal["read"] = "read"
    previous_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuizStep:
    """A knowledge check: one or more questions graded with feedback."""

    id: str
    title: str
    questions: tuple[Question, ...]
    intro: str = ""
    kind: Literal["quiz"] = "quiz"
    previous_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReflectStep:
    """A private question; the answer stays on the learner's machine."""

    id: str
    title: str
    prompt: str
    placeholder: str = ""
    kind: Literal["reflect"] = "reflect"
    previous_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanStep:
    """Actions to tick, to which the learner may add their own."""

    id: str
    title: str
    prompt: str
    items: tuple[PlanItem, ...]
    allow_custom: bool = True
    kind: Literal["plan"] = "plan"
    previous_ids: tuple[str, ...] = ()


Step = ReadStep | QuizStep | ReflectStep | PlanStep


@dataclass(frozen=True)
class Lesson:
    """One TOML file's worth of teaching, in the order a learner meets it."""

    id: str
    module: str
    title: str
    minutes: int
    summary: str
    steps: tuple[Step, ...]
    sources: tuple[str, ...] = ()
    path: Path = field(default=Path(), compare=False)
    previous_ids: tuple[str, ...] = ()
    """Ids this lesson had before a rename; progress saved under them follows it
    (see ``course.renames``). Steps, questions, choices and plan items have the same."""

    def step_index(self, step_id: str) -> int | None:
        """Where a saved step id sits now, or None if the author removed it."""
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        return None

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.steps if isinstance(s, QuizStep) for q in s.questions)


@dataclass(frozen=True)
class Module:
    """A group of lessons on one theme, in file-name order."""

    id: str
    title: str
    summary: str
    lessons: tuple[Lesson, ...] = ()


@dataclass(frozen=True)
class Course:
    """The whole course a learner sees: modules in order, lessons within them."""

    title: str
    modules: tuple[Module, ...]

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        return tuple(lesson for m in self.modules for lesson in m.lessons)

    def lesson(self, lesson_id: str) -> Lesson | None:
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        return None

    def module(self, module_id: str) -> Module | None:
        for module in self.modules:
            if module.id == module_id:
                return module
        return None
