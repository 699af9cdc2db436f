"""The end of a lesson: its summary, the score, and the way on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Static

from course.model import Lesson
from course.standing import score
from course.ui.session import Session
from course.ui.text import plain
from course.ui.widgets.step_view import StepView


class SummaryView(StepView):
    def __init__(self, session: Session, lesson: Lesson) -> None:
        super().__init__()
        self.session = session
        self.lesson = lesson
        self.next_lesson = session.course.next_lesson(lesson.id)

    def compose(self) -> ComposeResult:
        yield Static(plain(f"✓ You finished “{self.lesson.title}”"), classes="summary-title")
        yield Static(plain(self.lesson.summary), classes="summary-text")
        result = score(self.lesson, self.session.first_correct(self.lesson))
        if result is not None:
            yield Static(
                plain(f"Quiz: {result.right} of {result.total} right on the first try."),
                classes="summary-score",
            )
        with Horizontal(classes="summary-actions"):
            if self.next_lesson is not None:
                yield Button(
                    plain(f"Next lesson: {self.next_lesson.title}"),
                    id="summary-next",
                    variant="primary",
                    compact=True,
                )
            yield Button("Back to the map", id="summary-map", compact=True)
