"""Grade a quiz answer and say why, so a wrong answer still teaches."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from course.model import Choice, Question


@dataclass(frozen=True)
class Grade:
    """The outcome of one answer: right or not, and what to tell the learner.

    Attributes:
        chosen: The chosen choices, in the order the question lists them.
        missed: Correct choices the learner did not pick (select-all questions).
    """

    correct: bool
    chosen: tuple[Choice, ...]
    missed: tuple[Choice, ...]
    explanation: str

    @property
    def verdict(self) -> str:
        """Right or wrong in words, with a symbol, never by colour alone."""
        if self.correct:
            return "✓ Correct"
        if self.chosen and any(c.correct for c in self.chosen):
            return "✗ Not quite: part of your answer is right"
        return "✗ Not quite"


def grade(question: Question, chosen_ids: Collection[str]) -> Grade:
    """Right only when exactly the correct choices are picked."""
    chosen = tuple(c for c in question.choices if c.id in chosen_ids)
    picked = frozenset(c.id for c in chosen)
    missed = tuple(c for c in question.choices if c.correct and c.id not in picked)
    return Grade(picked == question.correct_ids, chosen, missed, question.explanation)
