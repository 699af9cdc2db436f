"""A quiz step: questions graded with feedback that teaches.

The view shows and collects; the lesson screen keeps the answer (it posts
``AnswerChecked`` and is handed the grade back through :meth:`show_grade`).
Coming back to a question shows the last answer given and its feedback.

Questions are shown one at a time, turned like pages with Next and Back: a
question with its choices fits an 80x24 terminal, long feedback is scrolled
into view when it appears, and a turn lays out one question's widgets, not
the whole quiz's.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import ScrollableContainer, Vertical
from textual.widget import Widget
from textual.widgets import Button, Static

from course.grading import Grade, grade, in_shown_order
from course.model import Choice, Question, QuizStep
from course.ui.messages import AnswerChecked
from course.ui.text import markdown, plain
from course.ui.widgets.choice_box import ChoiceBox
from course.ui.widgets.step_view import StepView

CHECK = "Check my answer"
CHECK_AGAIN = "Check again"


def feedback_text(grade_: Grade, multiple: bool) -> str:
    """The verdict, then each choice on its line with its feedback under it.

    Feedback after the choice on one line misread: "✓ Are you thinking about
    suicide?: Yes." looks like someone answering the question.
    """
    lines = [grade_.verdict]
    for choice in grade_.chosen:
        mark = "✓" if choice.correct else "✗"
        lines.append(f"{mark} {choice.text}")
        lines += [f"  {choice.feedback}"] if choice.feedback else []
    label = "Also right" if multiple else "The right answer"
    for choice in grade_.missed:
        lines.append(f"• {label}: {choice.text}")
        lines += [f"  {choice.feedback}"] if choice.feedback else []
    if grade_.explanation:
        lines += ["", grade_.explanation]
    return "\n".join(lines)


def hint_text(single: bool) -> str:
    """How to answer, in words that fit one line at 60 columns."""
    if single:
        return "Pick one. Enter picks; Tab goes to Check my answer."
    return "Select all that apply. Enter picks; Tab goes to Check."


class QuestionView(Vertical):
    def __init__(
        self,
        question: Question,
        choices: tuple[Choice, ...],
        number: int,
        total: int,
        latest: tuple[str, ...] | None,
    ) -> None:
        super().__init__(classes="question")
        self.question = question
        self.choices = choices
        self.number = number
        self.total = total
        self.latest = latest

    def compose(self) -> ComposeResult:
        question = self.question
        chosen = set(self.latest or ())
        single = not question.multiple
        if self.total > 1:
            yield Static(
                plain(f"Question {self.number} of {self.total}"), classes="question-count"
            )
        yield Static(plain(question.prompt), classes="question-prompt")
        yield Static(hint_text(single), classes="question-hint")
        with Vertical(classes="choices"):
            for choice in self.choices:
                yield ChoiceBox(choice.id, choice.text, choice.id in chosen, single=single)
        answered = self.latest is not None
        yield Button(
            CHECK_AGAIN if answered else CHECK,
            classes="check-answer",
            compact=True,
            variant="default" if answered else "primary",
        )
        yield Static(classes="feedback")

    def on_mount(self) -> None:
        if self.latest is not None:
            self.show_grade(grade(self.question, self.latest), scroll=False)

    def chosen_ids(self) -> tuple[str, ...]:
        return tuple(box.item_id for box in self.query(ChoiceBox) if box.value)

    @on(ChoiceBox.Changed)
    def one_answer_only(self, event: ChoiceBox.Changed) -> None:
        event.stop()
        if event.box.single and event.box.value:
            for box in self.query(ChoiceBox):
                if box is not event.box:
                    box.value = False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if not event.button.has_class("check-answer"):
            return
        event.stop()
        chosen = self.chosen_ids()
        if not chosen:
            self.app.notify("Pick an answer first.", markup=False)
            return
        self.post_message(AnswerChecked(self.question, chosen))

    def show_grade(self, result: Grade, scroll: bool = True) -> None:
        """Show the feedback; once answered, Next (not Check) is the main action."""
        self.latest = self.chosen_ids() or self.latest
        button = self.query_one(".check-answer", Button)
        button.label = CHECK_AGAIN
        button.variant = "default"
        feedback = self.query_one(".feedback", Static)
        shown = in_shown_order(result, self.choices)
        feedback.update(plain(feedback_text(shown, self.question.multiple)))
        feedback.set_class(result.correct, "right")
        feedback.set_class(not result.correct, "wrong")
        feedback.display = True
        if scroll:
            # After the layout that gives the feedback its height: then the
            # explanation's last line can be brought on screen. Not with
            # scroll_visible(top=False): when the feedback makes the page
            # scroll, the bar that appears narrows the page, the feedback wraps
            # a line longer, and its last line stayed under the edge.
            self.call_after_refresh(self._bring_feedback_into_view)

    def _bring_feedback_into_view(self) -> None:
        """The whole feedback if it fits (it ends the page: scroll to the end), else its top."""
        feedback = self.query_one(".feedback", Static)
        page = next((a for a in feedback.ancestors if isinstance(a, ScrollableContainer)), None)
        if page is None or feedback.outer_size.height >= page.scrollable_content_region.height:
            feedback.scroll_visible(animate=False, top=True)
        else:
            page.scroll_end(animate=False)


class QuizView(StepView):
    def __init__(
        self,
        step: QuizStep,
        answers: Mapping[str, tuple[str, ...]],
        orders: Mapping[str, tuple[Choice, ...]],
    ) -> None:
        super().__init__()
        self.step = step
        self.answers = answers
        self.orders = orders
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
        for number, question in enumerate(self.step.questions, start=1):
            choices = self.orders.get(question.id, question.choices)
            latest = self.answers.get(question.id)
            view = QuestionView(question, choices, number, self.parts, latest)
            view.display = number - 1 == self._part
            yield view

    def current(self) -> QuestionView:
        return list(self.query_children(QuestionView))[self._part]

    @property
    def current_answered(self) -> bool:
        """Whether the question on show has an answer kept (known before composing, too)."""
        question = self.step.questions[self._part]
        if question.id in self.answers:
            return True
        views = list(self.query_children(QuestionView))
        return bool(views) and views[self._part].latest is not None

    def show_grade(self, question_id: str, result: Grade) -> None:
        for view in self.query_children(QuestionView):
            if view.question.id == question_id:
                view.show_grade(result)

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
