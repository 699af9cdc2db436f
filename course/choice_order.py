"""The order a learner sees a question's choices in.

Shuffled per learner so that "always pick the first" stops working, yet fixed
for that learner across visits and restarts, so an answer never moves under
their cursor. The seed is a random id kept in the learner's store together
with the question's id: nothing about it can be guessed from the lesson file.
Grading and the export use choice ids, never positions, so the order is only
ever a matter of display.
"""

from __future__ import annotations

import hashlib
import random

from course.model import Choice, Question


def choice_order(question: Question, seed: str) -> tuple[Choice, ...]:
    """The question's choices in this learner's order (file order if ``shuffle = false``)."""
    if not getattr(question, "shuffle", True) or len(question.choices) < 2:
        return question.choices
    digest = hashlib.sha256(f"{seed}\0{question.id}".encode()).digest()
    shuffled = list(question.choices)
    random.Random(digest).shuffle(shuffled)
    return tuple(shuffled)
