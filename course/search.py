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
    part: int = 0
    """The page of the step that matched (a quiz's question), counted from 0."""


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


_MARKS = str.maketrans("", "", "*_`#>")
"""Markdown's emphasis, code, heading and quote marks: a snippet shows the words."""


def _snippet(text: str, start: int, length: int, width: int = 60) -> str:
    left = max(0, start - width // 3)
    piece = " ".join(text[left : left + width].translate(_MARKS).split())
    return ("…" if left else "") + piece + ("…" if left + width < len(text) else "")


def _part(step: Step, words: list[str]) -> int:
    """Which question of a quiz holds every word; 0 for the intro or other steps."""
    if isinstance(step, QuizStep):
        for index, question in enumerate(step.questions):
            text = " ".join(
                [question.prompt, question.explanation, *(c.text for c in question.choices)]
            ).lower()
            if all(word in text for word in words):
                return index
    return 0


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
                snippet = _snippet(text, lowered.find(words[0]), len(words[0]))
                yield Match(lesson, index, snippet, _part(step, words))
                found += 1
                if found >= limit:
                    return
