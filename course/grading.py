"""Grade a quiz answer and say why, so a wrong answer still teaches."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

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


def in_shown_order(result: Grade, shown: Sequence[Choice]) -> Grade:
    """The grade with its choices in the order the learner saw them.

    The file's order is not the screen's (choices are shuffled per learner),
    and feedback listed in another order has to be matched up box by box.
    """
    place = {choice.id: index for index, choice in enumerate(shown)}

    def ordered(choices: tuple[Choice, ...]) -> tuple[Choice, ...]:
        return tuple(sorted(choices, key=lambda c: place.get(c.id, len(place))))

    return replace(result, chosen=ordered(result.chosen), missed=ordered(result.missed))


def grade(question: Question, chosen_ids: Collection[str]) -> Grade:
    """Right only when exactly the correct choices are picked."""
    chosen = tuple(c for c in question.choices if c.id in chosen_ids)
    picked = frozenset(c.id for c in chosen)
    missed = tuple(c for c in question.choices if c.correct and c.id not in picked)
    return Grade(picked == question.correct_ids, chosen, missed, question.explanation)
