"""The doors to the learner's safety plan, check-ins and questions for their provider.

Each door is built by ``Session`` from its store and its ``write`` (which
turns a failed write into a sentence for the learner), and holds the verbs a
front end needs: the app's screens and the line mode call these, never the
store. Like ``course.session`` this module imports the store; the rules
themselves are in ``course.checkin`` and ``course.safety_plan``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from course.session_door import StoreDoor
from progress.checkins import Checkin, last_taken, read_checkins, save_checkin
from progress.questions import (
    Question,
    add_question,
    read_questions,
    remove_question,
    set_picked,
)
from progress.safety_plan import read_parts, save_part


class SafetyPlanDoor(StoreDoor):
    """The learner's safety plan: read it, save a part as it is typed."""

    def parts(self) -> dict[str, str]:
        """The learner's text for each part they wrote, by part id."""
        return read_parts(self._store)

    def save(self, part_id: str, text: str) -> bool:
        """Keep one part's text (empty removes it); True once it is on disk."""
        return self._written(save_part, part_id, text)

    def has_plan(self) -> bool:
        from course.safety_plan import has_plan

        return has_plan(self.parts())

    def markdown(self) -> str:
        """The plan as the export's Markdown section."""
        from course import wording
        from course.safety_plan import safety_plan_markdown

        return safety_plan_markdown(wording.safety_plan(), self.parts())


class CheckinDoor(StoreDoor):
    """The learner's check-ins: take one, read them all, and when one is suggested."""

    def history(self) -> tuple[Checkin, ...]:
        """Every check-in, oldest first."""
        return read_checkins(self._store)

    def points(self) -> list[Any]:
        """Every check-in as ``course.checkin.Point`` (for the result, trend and export)."""
        from course.checkin import ITEM9, Point

        return [
            Point(c.taken_at, c.total, c.answers[ITEM9] if len(c.answers) > ITEM9 else 0)
            for c in self.history()
        ]

    def save(
        self,
        answers: Sequence[int],
        difficulty: int | None,
        item9_panel_shown: bool,
        *,
        at: datetime | None = None,
    ) -> Checkin | None:
        """Score and keep a completed check-in; None if it could not be saved (told)."""
        from course import wording
        from course.checkin import total

        score = total(answers)
        return self._save(
            save_checkin,
            wording.phq9().form,
            tuple(answers),
            difficulty,
            score,
            item9_panel_shown,
            at=at,
        )

    def last_taken(self) -> datetime | None:
        return last_taken(self._store)

    def due(self, now: datetime) -> bool:
        """Whether 14 days have passed since the last check-in (never before the first)."""
        from course.checkin import due

        return due(self.last_taken(), now)

    def suggestion(self, now: datetime) -> str | None:
        """One calm line for the map or the welcome when a check-in is due, else None."""
        from course import wording
        from course.checkin import days_since

        last = self.last_taken()
        if last is None or not self.due(now):
            return None
        return wording.checkin()["suggestion"].format(days=days_since(last, now))

    def table_markdown(self) -> str:
        """The export's check-in section: the table in words."""
        from course.trend_chart import checkin_table_markdown

        return checkin_table_markdown(self.points())


class QuestionsDoor(StoreDoor):
    """The learner's questions for their provider, from any part of the course.

    ``source`` says where a question came from ("checkin-item9", "own",
    "treatment:...", ...); the brief shows the picked ones.
    """

    def add(self, text: str, source: str, *, picked: bool = True) -> Question | None:
        return self._save(add_question, text, source, picked=picked)

    def list(self) -> tuple[Question, ...]:
        """Every question, oldest first."""
        return read_questions(self._store)

    def has(self, text: str, source: str) -> bool:
        """Whether this exact question from this source is already there."""
        return any(q.text == text and q.source == source for q in self.list())

    def pick(self, question_id: int) -> bool:
        return self._changed(set_picked, question_id, True)

    def unpick(self, question_id: int) -> bool:
        return self._changed(set_picked, question_id, False)

    def remove(self, question_id: int) -> bool:
        return self._changed(remove_question, question_id)
