"""Find lessons by the words in them, for the command palette."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from course.model import Course, Lesson, PlanStep, QuizStep, ReadStep, ReflectStep, Step


@dataclass(frozen=True)
class Match:
    """A step whose text holds the query, with a snippet around it."""

    lesson: Lesson
    step: int
    snippet: str


def step_text(step: Step) -> str:
    """Everything a learner reads on a step, as one string."""
    parts = [step.title]
    if isinstance(step, ReadStep):
        parts.append(step.body)
    elif isinstance(step, QuizStep):
        parts.append(step.intro)
        for question in step.questions:
            parts += [question.prompt, question.explanation]
            parts += [c.text for c in question.choices]
    elif isinstance(step, ReflectStep):
        parts.append(step.prompt)
    elif isinstance(step, PlanStep):
        parts.append(step.prompt)
        parts += [item.text for item in step.items]
    return "\n".join(p for p in parts if p)


def _snippet(text: str, start: int, length: int, width: int = 60) -> str:
    left = max(0, start - width // 3)
    piece = " ".join(text[left : left + width].split())
    return ("…" if left else "") + piece + ("…" if left + width < len(text) else "")


def search(course: Course, query: str, limit: int = 20) -> Iterator[Match]:
    """Steps containing every word of ``query`` (case-insensitive), in course order."""
    words = query.lower().split()
    if not words:
        return
    found = 0
    for lesson in course.lessons:
        for index, step in enumerate(lesson.steps):
            text = step_text(step)
            lowered = text.lower()
            if all(word in lowered for word in words):
                yield Match(lesson, index, _snippet(text, lowered.find(words[0]), len(words[0])))
                found += 1
                if found >= limit:
                    return
