"""The end of a lesson: its summary, the score in kind words, and the ways on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Static

from course.model import Lesson
from course.standing import Score
from course.ui.messages import BackToMap, LessonChosen
from course.ui.text import plain
from course.ui.widgets.step_view import StepView


def score_text(score: Score | None) -> str:
    if score is None:
        return ""
    if not score.answered:
        return f"Quiz: {score.total} questions to answer whenever you like."
    return f"Quiz: {score.describe()}."


class SummaryView(StepView):
    """May be built ahead while the last step is read; the screen sets the score when shown."""

    def __init__(self, lesson: Lesson, next_lesson: Lesson | None) -> None:
        super().__init__()
        self.lesson = lesson
        self.next_lesson = next_lesson
        self.score: Score | None = None
        self.unanswered: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(plain(f"✓ You finished “{self.lesson.title}”"), classes="summary-title")
        yield Static(plain(self.lesson.summary), classes="summary-text")
        yield Static(classes="summary-score")
        # One under another: side by side, the last ones ran off the right edge
        # (at 80 columns "Back to the map", at 60 "Go through it again" too).
        with Vertical(classes="summary-actions"):
            yield Button("Answer the rest", id="summary-rest", compact=True)
            if self.next_lesson is not None:
                yield Button(
                    plain(f"Next lesson: {self.next_lesson.title}"),
                    id="summary-next",
                    variant="primary",
                    compact=True,
                )
            yield Button("Go through it again", id="summary-again", compact=True)
            yield Button("Back to the map", id="summary-map", compact=True)

    def on_mount(self) -> None:
        self.show_score()
        super().on_mount()

    def focus_first(self) -> None:
        """The way on (the next lesson) has the keyboard; the others are a Tab away."""
        for button in self.query("#summary-next").results(Button):
            button.focus()
            return
        super().focus_first()

    def set_score(self, score: Score | None, unanswered: tuple[int, int] | None) -> None:
        """The score just read; kept, so a summary not yet composed shows it too."""
        self.score = score
        self.unanswered = unanswered
        self.show_score()

    def show_score(self) -> None:
        for line in self.query(".summary-score").results(Static):
            text = score_text(self.score)
            line.update(plain(text))
            line.display = bool(text)
        for button in self.query("#summary-rest").results(Button):
            button.display = self.unanswered is not None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "summary-next" and self.next_lesson is not None:
            self.post_message(LessonChosen(self.next_lesson.id))
        elif event.button.id == "summary-again":
            self.post_message(LessonChosen(self.lesson.id))
        elif event.button.id == "summary-rest" and self.unanswered is not None:
            self.post_message(LessonChosen(self.lesson.id, *self.unanswered))
        elif event.button.id == "summary-map":
            self.post_message(BackToMap())
