"""The values the store hands back: frozen, plain, free of SQLite.

Records are frozen so a screen can keep one without the store changing it
under its feet, and they only hold ids, text, booleans and aware UTC
datetimes, so the ``course`` package can use them without knowing how they
are kept.

These are the ones a start needs, for the map. Quiz answers are in
``progress.answers``, the learner's reflections and plans in
``progress.own_work`` and the whole-store snapshot in ``progress.snapshot``:
defining a frozen dataclass is not free on Python 3.11, so those wait until a
lesson or an export needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
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
