"""What happens in the UI, said by the widget where it happened.

A widget posts one of these and the screen or app that owns the change
handles it with ``@on``: a quiz never writes to the store and a screen never
reaches for the app's methods, so each part can be built and tested alone.
Each names a past event in the learner's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from course.model import PlanStep, Question, ReflectStep


@dataclass
class LessonChosen(Message):
    """The learner chose a lesson to open (map, palette, summary, a search hit).

    Attributes:
        lesson_id: The lesson to open.
        step: The step to open it at.
        part: The page within the step (a quiz question), counted from 0.
    """

    lesson_id: str
    step: int = 0
    part: int = 0


@dataclass
class ToolChosen(Message):
    """The learner chose one of their own tools (notes, safety plan, check-in, ...)."""

    tool: str


@dataclass
class AnswerChecked(Message):
    """The learner asked to check their answer to a question."""

    question: Question
    choice_ids: tuple[str, ...]


@dataclass
class ReflectionChanged(Message):
    """The learner's text for a reflect step changed (after a pause, or a while of typing)."""

    step: ReflectStep
    text: str


@dataclass
class PlanItemToggled(Message):
    """The learner ticked or unticked a plan item."""

    step: PlanStep
    item_id: str
    ticked: bool


@dataclass
class OwnItemAdded(Message):
    """The learner typed an action of their own into a plan step."""

    step: PlanStep
    text: str


class BackToMap(Message):
    """The learner asked to go back to the course map."""


class StepsLetGo(Message):
    """A screen removed widgets it no longer shows; the app frees them once quiet."""


@dataclass
class TextNotSaved(Message):
    """Text the learner typed could not be saved; the app keeps it to hand back at quit.

    Attributes:
        key: Which box it came from (a later text from the same box replaces it).
        label: Where it was typed, in the learner's words.
        text: The text, as typed.
    """

    key: str
    label: str
    text: str
