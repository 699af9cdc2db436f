"""A quiz step: questions graded with feedback that teaches.

Every answer is recorded; trying again is allowed, and the first attempt is
what the score counts. Coming back to a question shows the last answer given.

Questions are shown one at a time, turned like pages with Next and Back: a
question with its choices fits an 80x24 terminal (long feedback may still
need a little scrolling), and a turn lays out one question's widgets, not
the whole quiz's.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Button, Checkbox, RadioButton, RadioSet, Static

from course.grading import Grade, grade
from course.model import Lesson, Question, QuizStep
from course.ui.session import Session
from course.ui.text import markdown, plain
from course.ui.widgets.step_view import StepView
from progress import QuizAttempt


class ChoiceRadio(RadioButton):
    def __init__(self, choice_id: str, text: str, value: bool) -> None:
        super().__init__(plain(text), value=value, compact=True)
        self.choice_id = choice_id


class ChoiceCheckbox(Checkbox):
    def __init__(self, choice_id: str, text: str, value: bool) -> None:
        super().__init__(plain(text), value=value, compact=True)
        self.choice_id = choice_id


def feedback_text(grade_: Grade, multiple: bool) -> str:
    lines = [grade_.verdict]
    for choice in grade_.chosen:
        mark = "✓" if choice.correct else "✗"
        lines.append(f"{mark} {choice.text}" + (f": {choice.feedback}" if choice.feedback else ""))
    label = "Also right" if multiple else "The right answer"
    for choice in grade_.missed:
        lines.append(
            f"• {label}: {choice.text}" + (f": {choice.feedback}" if choice.feedback else "")
        )
    if grade_.explanation:
        lines += ["", grade_.explanation]
    return "\n".join(lines)


class QuestionView(Vertical):
    def __init__(
        self,
        session: Session,
        lesson: Lesson,
        question: Question,
        number: int,
        total: int,
        latest: QuizAttempt | None,
    ) -> None:
        super().__init__(classes="question")
        self.session = session
        self.lesson = lesson
        self.question = question
        self.number = number
        self.total = total
        self._latest = latest

    def compose(self) -> ComposeResult:
        question = self.question
        chosen = set(self._latest.choice_ids) if self._latest else set()
        if self.total > 1:
            yield Static(
                plain(f"Question {self.number} of {self.total}"), classes="question-count"
            )
        yield Static(plain(question.prompt), classes="question-prompt")
        if question.multiple:
            yield Static("Select all that apply.", classes="question-hint")
            with Vertical(classes="choices"):
                for choice in question.choices:
                    yield ChoiceCheckbox(choice.id, choice.text, choice.id in chosen)
        else:
            with RadioSet(classes="choices", compact=True):
                for choice in question.choices:
                    yield ChoiceRadio(choice.id, choice.text, choice.id in chosen)
        label = "Check again" if self._latest else "Check my answer"
        yield Button(label, classes="check-answer", compact=True, variant="primary")
        yield Static(classes="feedback")

    def on_mount(self) -> None:
        if self._latest is not None:
            self._show(grade(self.question, self._latest.choice_ids))

    def chosen_ids(self) -> list[str]:
        if self.question.multiple:
            return [c.choice_id for c in self.query(ChoiceCheckbox) if c.value]
        return [c.choice_id for c in self.query(ChoiceRadio) if c.value]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if not event.button.has_class("check-answer"):
            return
        event.stop()
        chosen = self.chosen_ids()
        if not chosen:
            self.app.notify("Pick an answer first.", markup=False)
            return
        result = grade(self.question, chosen)
        self.session.write(
            self.session.store.record_answer,
            self.lesson.id,
            self.question.id,
            chosen,
            result.correct,
        )
        event.button.label = "Check again"
        self._show(result)

    def _show(self, result: Grade) -> None:
        feedback = self.query_one(".feedback", Static)
        feedback.update(plain(feedback_text(result, self.question.multiple)))
        feedback.set_class(result.correct, "right")
        feedback.set_class(not result.correct, "wrong")
        feedback.display = True


class QuizView(StepView):
    def __init__(self, session: Session, lesson: Lesson, step: QuizStep) -> None:
        super().__init__()
        self.session = session
        self.lesson = lesson
        self.step = step
        self._part = 0

    @property
    def parts(self) -> int:
        return len(self.step.questions)

    @property
    def part(self) -> int:
        """The question shown, counted from 0."""
        return self._part

    def compose(self) -> ComposeResult:
        if self.step.intro:
            intro = Static(markdown(self.step.intro), classes="quiz-intro")
            intro.display = self._part == 0
            yield intro
        results = self.session.store.question_results(self.lesson.id)  # one read for all
        for number, question in enumerate(self.step.questions, start=1):
            result = results.get(question.id)
            latest = result.latest if result else None
            view = QuestionView(self.session, self.lesson, question, number, self.parts, latest)
            view.display = number - 1 == self._part
            yield view

    def current(self) -> QuestionView:
        return list(self.query_children(QuestionView))[self._part]

    def show_part(self, part: int) -> None:
        """Show question ``part`` (clamped) alone; the intro goes with the first."""
        self._part = max(0, min(part, self.parts - 1))
        if not self.children:
            return  # not composed yet: compose shows the part chosen here
        for index, view in enumerate(self.query_children(QuestionView)):
            view.display = index == self._part
        for intro in self.query_children(".quiz-intro"):
            intro.display = self._part == 0
        if self.display:
            self.focus_first()

    def next_part(self) -> bool:
        if self._part + 1 >= self.parts:
            return False
        self.show_part(self._part + 1)
        return True

    def previous_part(self) -> bool:
        if self._part == 0:
            return False
        self.show_part(self._part - 1)
        return True

    def focus_root(self) -> Widget:
        return self.current()
