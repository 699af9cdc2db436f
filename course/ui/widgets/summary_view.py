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
    """Built ahead while the last step is read; the score is filled in when shown."""

    def __init__(self, session: Session, lesson: Lesson) -> None:
        super().__init__()
        self.session = session
        self.lesson = lesson
        self.next_lesson = session.course.next_lesson(lesson.id)

    def compose(self) -> ComposeResult:
        yield Static(plain(f"✓ You finished “{self.lesson.title}”"), classes="summary-title")
        yield Static(plain(self.lesson.summary), classes="summary-text")
        text = self._score_text()
        score_line = Static(plain(text), classes="summary-score")
        score_line.display = bool(text)
        yield score_line
        with Horizontal(classes="summary-actions"):
            if self.next_lesson is not None:
                yield Button(
                    plain(f"Next lesson: {self.next_lesson.title}"),
                    id="summary-next",
                    variant="primary",
                    compact=True,
                )
            yield Button("Back to the map", id="summary-map", compact=True)

    def _score_text(self) -> str:
        result = score(self.lesson, self.session.first_correct(self.lesson))
        if result is None:
            return ""
        return f"Quiz: {result.right} of {result.total} right on the first try."

    def show_score(self) -> None:
        """Read the score now: answers may have changed since this was built."""
        line = self.query_one(".summary-score", Static)
        text = self._score_text()
        line.update(plain(text))
        line.display = bool(text)
