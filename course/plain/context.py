"""What every part of the plain mode works with: the learner's session and the lines."""

from __future__ import annotations

from dataclasses import dataclass

from course.model import Lesson
from course.plain.io import Lines
from course.session import Session


@dataclass(frozen=True)
class Context:
    """The session (the one door to the learner's saved state) and the terminal."""

    session: Session
    lines: Lines


@dataclass(frozen=True)
class Open:
    """Where to go next: a lesson at a step and question, or the map (``lesson`` None)."""

    lesson: Lesson | None = None
    step: int = 0
    part: int = 0
    from_end: bool = False
    """Enter the step at its last question (turning back into a quiz)."""


TO_MAP = Open()
