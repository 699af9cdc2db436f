"""One lesson, one step at a time, with the position saved at every turn.

The screen owns the lesson's changes: its step views say what the learner did
(``AnswerChecked``, ``ReflectionChanged``, ``PlanItemToggled``,
``OwnItemAdded``) and it carries each through the session, then tells the view
what came of it. One screen is kept between lessons (the app installs it), so
opening a lesson swaps its steps rather than building a screen.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Static

from course.model import Lesson, PlanStep, QuizStep, ReadStep, ReflectStep
from course.session import Session
from course.ui.messages import (
    AnswerChecked,
    BackToMap,
    OwnItemAdded,
    PlanItemToggled,
    ReflectionChanged,
    StepsLetGo,
    TextNotSaved,
)
from course.ui.text import plain
from course.ui.widgets.footer import QuietFooter
from course.ui.widgets.meter import Meter
from course.ui.widgets.plan_view import PlanView
from course.ui.widgets.quiz_view import QuizView
from course.ui.widgets.read_view import ReadView
from course.ui.widgets.reflect_view import ReflectView
from course.ui.widgets.step_view import StepView
from course.ui.widgets.summary_view import SummaryView


class StepBody(VerticalScroll, inherit_bindings=False):
    """The step's page, scrolling with ↑ ↓ Page Up/Down, Home and End.

    Not ← and →: those turn pages, from wherever the keyboard is on the page.
    """

    BINDINGS = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
    ]

    def allow_focus(self) -> bool:
        """Only a page that scrolls takes the keyboard.

        A page that fits has nothing for the keyboard to do, and a stop that
        shows nothing and answers no key (Shift+Tab from a quiz's choices)
        looks to a learner as if the course has frozen.
        """
        return super().allow_focus() and self.max_scroll_y > 0


class LessonScreen(Screen[None]):
    CSS_PATH = "lesson.tcss"
    BINDINGS = [
        Binding("n,right", "next", "Next", id="next-step"),
        Binding("b,left", "back", "Back", id="previous-step"),
        Binding("escape", "to_map", "Map", id="to-map"),
        Binding("up", "scroll('up')", "Scroll up", show=False, id="scroll-up"),
        Binding("down", "scroll('down')", "Scroll down", show=False, id="scroll-down"),
        Binding("pageup", "scroll('page_up')", "Page up", show=False, id="page-up"),
        Binding("pagedown", "scroll('page_down')", "Page down", show=False, id="page-down"),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-roomy")]
    """Under 70 columns the progress bar shrinks (lesson.tcss)."""
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    """Under 24 rows the reflection box is shorter (lesson.tcss)."""

    prebuild_delay = 0.3
    """Seconds after a step appears before its neighbours are built: the learner is reading."""

    def __init__(self, session: Session, lesson: Lesson, step: int = 0, part: int = 0) -> None:
        super().__init__()
        self.session = session
        self.lesson = lesson
        self.index = max(0, min(step, len(lesson.steps)))
        self.opening_part = part
        self.views: dict[int, StepView] = {}
        """The step views built, by step index (the summary at ``len(steps)``)."""
        self._prebuild_timer: Timer | None = None

    @property
    def at_summary(self) -> bool:
        return self.index >= len(self.lesson.steps)

    def compose(self) -> ComposeResult:
        with Vertical(id="lesson-top"):
            yield Static(id="lesson-title")
            with Horizontal(id="lesson-where"):
                yield Static(id="lesson-step")
                yield Meter(id="lesson-progress")
        yield StepBody(id="step-body")
        with Horizontal(id="lesson-nav"):
            yield Button("← Back", id="lesson-back", compact=True)
            yield Button("Next →", id="lesson-next", variant="primary", compact=True)
        yield QuietFooter()

    def on_mount(self) -> None:
        # Tab from a reflection goes straight to Next; "b" or a click goes back.
        self.query_one("#lesson-back", Button).can_focus = False
        self.show_lesson(self.index, self.opening_part)

    def open(self, lesson: Lesson, step: int, part: int = 0) -> None:
        """Show another lesson in this screen (next lesson, the palette, the map)."""
        self.flush()
        self.lesson = lesson
        self.index = max(0, min(step, len(lesson.steps)))
        self.opening_part = part
        if not self.is_mounted:
            return  # on_mount shows whatever lesson was chosen last
        self.let_go_of_steps()
        self.show_lesson(self.index, part)

    def show_lesson(self, step: int, part: int) -> None:
        """Title, start and first step of ``self.lesson``: the one path every open takes."""
        self.query_one("#lesson-title", Static).update(plain(self.lesson.title))
        self.session.start_lesson(self.lesson)
        self.show_step(step, part=part)

    # -- building steps ----------------------------------------------------------

    def view_for(self, index: int) -> StepView:
        if index >= len(self.lesson.steps):
            return SummaryView(self.lesson, self.session.lesson_after(self.lesson))
        step = self.lesson.steps[index]
        if isinstance(step, ReadStep):
            return ReadView(step)
        if isinstance(step, QuizStep):
            answers = self.session.latest_answers(self.lesson)
            orders = {q.id: self.session.choices(q) for q in step.questions}
            return QuizView(step, answers, orders)
        if isinstance(step, ReflectStep):
            return ReflectView(
                step,
                self.session.reflection(self.lesson, step),
                cannot_save=self.session.read_only,
            )
        if isinstance(step, PlanStep):
            return PlanView(step, self.session.plan(self.lesson, step))
        raise TypeError(f"unknown step kind {step!r}")

    def mount_view(self, index: int, visible: bool) -> StepView:
        view = self.view_for(index)
        view.display = visible
        self.query_one("#step-body", VerticalScroll).mount(view)
        self.views[index] = view
        return view

    async def prebuild_neighbours(self) -> None:
        """Build the steps either side while the learner reads, so a turn only swaps.

        Steps further away are let go (a reflection is saved first), so a long
        lesson never holds more than three steps' widgets.
        """
        far = [i for i in self.views if abs(i - self.index) > 1]
        for index in far:
            view = self.views.pop(index)
            self.save_reflection_now(view)
            await view.remove()
        if far:
            self.post_message(StepsLetGo())
        for index in (self.index + 1, self.index - 1):
            if 0 <= index <= len(self.lesson.steps) and index not in self.views:
                self.mount_view(index, visible=False)

    # -- showing steps -------------------------------------------------------------

    def show_step(self, index: int, last_part: bool = False, part: int = 0) -> None:
        """Show one step; steps stay built, so coming back keeps their state.

        ``last_part``: open the step at its last page (a quiz's last question),
        as turning back into it does; else at page ``part``.
        """
        self.flush()
        total = len(self.lesson.steps)
        self.index = max(0, min(index, total))
        for view_index, view in self.views.items():
            if view_index == self.index:
                view.show_part(view.parts - 1 if last_part else part)
            view.display = view_index == self.index
        if self._prebuild_timer is not None:
            self._prebuild_timer.stop()
        back = self.query_one("#lesson-back", Button)
        next_button = self.query_one("#lesson-next", Button)
        back.disabled = self.index == 0 and not last_part and not part
        if self.at_summary:
            self.show_summary(next_button)
            return
        step = self.lesson.steps[self.index]
        shown = self.views.get(self.index)
        if shown is None:
            shown = self.mount_view(self.index, visible=True)  # takes focus once mounted
            shown.show_part(shown.parts - 1 if last_part else part)
        elif shown.takes_focus:
            shown.focus_first()
        self.query_one("#step-body", VerticalScroll).scroll_home(animate=False)
        self._prebuild_timer = self.set_timer(self.prebuild_delay, self.prebuild_neighbours)
        self.query_one("#lesson-step", Static).update(
            plain(f"Step {self.index + 1} of {total} · {step.title}")
        )
        # The meter counts steps done: the one on show is not done until left.
        self.query_one("#lesson-progress", Meter).set(self.index, total)
        next_button.display = True
        self.label_next()
        self.session.reach_step(self.lesson, step)
        self.refresh_bindings()
        if not shown.takes_focus:
            # A page to read: Enter turns it. A reflection: the step itself,
            # so Enter opens the box and n still turns the page.
            (shown if shown.can_focus else next_button).focus()

    def show_summary(self, next_button: Button) -> None:
        total = len(self.lesson.steps)
        self.session.finish_lesson(self.lesson)
        summary = self.views.get(self.index)
        if summary is None:
            summary = self.mount_view(self.index, visible=True)
        else:
            summary.focus_first()
        if isinstance(summary, SummaryView):
            summary.set_score(self.session.lesson_score(self.lesson), self.first_unanswered())
        self.query_one("#lesson-step", Static).update("Lesson complete")
        self.query_one("#lesson-progress", Meter).set(total, total)
        next_button.display = False
        self.refresh_bindings()

    def first_unanswered(self) -> tuple[int, int] | None:
        """The step and question of the first question not answered yet, if any."""
        answered = self.session.latest_answers(self.lesson)
        for index, step in enumerate(self.lesson.steps):
            if isinstance(step, QuizStep):
                for part, question in enumerate(step.questions):
                    if question.id not in answered:
                        return index, part
        return None

    def shown_view(self) -> StepView | None:
        return self.views.get(self.index)

    def label_next(self) -> None:
        """Say where Next goes: the step's next page, the next step, or the end."""
        view = self.shown_view()
        label = "Next →"
        if view is not None and view.part + 1 < view.parts:
            label = "Next question →"
        elif self.index == len(self.lesson.steps) - 1:
            label = "Finish →"
        button = self.query_one("#lesson-next", Button)
        if str(button.label) != label:
            button.label = label
            button.refresh(layout=True)  # Button's label does not re-measure the button
        # Before a question is answered, checking it is the main action.
        waiting = isinstance(view, QuizView) and not view.current_answered
        button.variant = "default" if waiting else "primary"

    # -- what the learner did ----------------------------------------------------

    @on(AnswerChecked)
    def keep_answer(self, message: AnswerChecked) -> None:
        message.stop()
        result = self.session.answer(self.lesson, message.question, message.choice_ids)
        view = self.shown_view()
        if result is not None and isinstance(view, QuizView):
            view.show_grade(message.question.id, result)
            # Once answered, moving on is the main action: Enter after Check
            # used to check again, silently, with the keyboard left on Check.
            self.label_next()
            self.query_one("#lesson-next", Button).focus(scroll_visible=False)

    @on(ReflectionChanged)
    def keep_reflection(self, message: ReflectionChanged) -> None:
        message.stop()
        for view in self.views.values():
            if isinstance(view, ReflectView) and view.step is message.step:
                self.save_reflection_now(view)

    @on(PlanItemToggled)
    def keep_tick(self, message: PlanItemToggled) -> None:
        message.stop()
        self.session.tick(self.lesson, message.step, message.item_id, message.ticked)

    @on(OwnItemAdded)
    def keep_own_item(self, message: OwnItemAdded) -> None:
        message.stop()
        own = self.session.add_own_item(self.lesson, message.step, message.text)
        view = self.shown_view()
        if own is not None and isinstance(view, PlanView):
            view.show_own_item(own)

    @on(BackToMap)
    def back_to_map(self, message: BackToMap) -> None:
        message.stop()
        self.action_to_map()

    def save_reflection_now(self, view: StepView) -> None:
        """Save a reflection's unsaved text at once (leaving it, quitting, a hang-up)."""
        if isinstance(view, ReflectView) and view.unsaved:
            text = view.text
            if self.session.save_reflection(self.lesson, view.step, text):
                view.mark_saved(text)
            else:
                self.post_message(self.not_saved(view))

    def not_saved(self, view: ReflectView) -> TextNotSaved:
        """A reflection's text that could not be saved, for the app to hand back at quit."""
        key = f"reflection:{self.lesson.id}:{view.step.id}"
        label = f"Reflection in {self.lesson.title}: {view.step.prompt}"
        return TextNotSaved(key, label, view.text)

    def unsaved_texts(self) -> list[TextNotSaved]:
        """What is typed and still unsaved now (asked on quit, after :meth:`flush`)."""
        return [
            self.not_saved(view)
            for view in self.views.values()
            if isinstance(view, ReflectView) and view.unsaved
        ]

    def flush(self) -> None:
        """Save anything typed but not yet saved (a reflection mid-pause)."""
        for view in self.views.values():
            self.save_reflection_now(view)

    # -- turning pages -------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "lesson-back":
            event.stop()
            self.action_back()
        elif event.button.id == "lesson-next":
            event.stop()
            self.action_next()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show Next and Back in the footer only where they can act."""
        if action == "next":
            return not self.at_summary
        if action == "back":
            view = self.shown_view()
            return self.index > 0 or (view is not None and view.part > 0)
        return True

    def action_next(self) -> None:
        if self.at_summary:
            return
        view = self.shown_view()
        if view is not None and view.next_part():
            self.turned_part()
        else:
            self.show_step(self.index + 1)

    def action_back(self) -> None:
        view = self.shown_view()
        if view is not None and view.previous_part():
            self.turned_part()
        elif self.index > 0:
            self.show_step(self.index - 1, last_part=True)

    def turned_part(self) -> None:
        self.query_one("#step-body", VerticalScroll).scroll_home(animate=False)
        view = self.shown_view()
        at_start = self.index == 0 and (view is None or view.part == 0)
        self.query_one("#lesson-back", Button).disabled = at_start
        self.label_next()
        self.refresh_bindings()

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#step-body", VerticalScroll)
        getattr(body, f"scroll_{direction}")()

    def action_to_map(self) -> None:
        self.flush()
        self.dismiss(None)
        self.let_go_of_steps()

    def let_go_of_steps(self) -> None:
        """Free the steps' widgets; the screen itself is kept for the next lesson."""
        if self._prebuild_timer is not None:
            self._prebuild_timer.stop()
        if not self.views:
            return  # already let go (at the map): nothing to remove or collect
        self.query_one("#step-body", VerticalScroll).remove_children()
        self.views.clear()
        self.post_message(StepsLetGo())

    def on_unmount(self) -> None:
        self.flush()
