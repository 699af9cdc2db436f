"""One lesson, one step at a time, with the position saved at every turn."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Static

from course.model import Lesson, PlanStep, QuizStep, ReadStep, ReflectStep, Step
from course.ui.session import Session
from course.ui.text import plain
from course.ui.widgets.footer import QuietFooter
from course.ui.widgets.meter import Meter
from course.ui.widgets.plan_view import PlanView
from course.ui.widgets.quiz_view import QuizView
from course.ui.widgets.read_view import ReadView
from course.ui.widgets.reflect_view import ReflectView
from course.ui.widgets.step_view import StepView
from course.ui.widgets.summary_view import SummaryView

PREBUILD_DELAY = 0.3
"""Seconds after a step appears before its neighbours are built: the learner is reading."""


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

    def __init__(
        self, session: Session, lesson: Lesson, step: int = 0, *, shown: bool = True
    ) -> None:
        super().__init__()
        self.session = session
        self.lesson = lesson
        self._show_on_mount = shown
        self.index = max(0, min(step, len(lesson.steps)))
        self._views: dict[int, StepView] = {}
        self._prebuild_timer: Timer | None = None

    @property
    def at_summary(self) -> bool:
        return self.index >= len(self.lesson.steps)

    def compose(self) -> ComposeResult:
        with Vertical(id="lesson-top"):
            yield Static(plain(self.lesson.title), id="lesson-title")
            with Horizontal(id="lesson-where"):
                yield Static(id="lesson-step")
                yield Meter(id="lesson-progress")
        yield VerticalScroll(id="step-body")
        with Horizontal(id="lesson-nav"):
            yield Button("← Back", id="lesson-back", compact=True)
            yield Button("Next →", id="lesson-next", variant="primary", compact=True)
        yield QuietFooter()

    def on_mount(self) -> None:
        # Tab from a reflection goes straight to Next; "b" or a click goes back.
        self.query_one("#lesson-back", Button).can_focus = False
        if not self._show_on_mount:
            # Built ahead, off the stack: open() shows a lesson. Laid out now
            # at the terminal's size (Textual's private _refresh_layout, which
            # showing the screen would run), the first open is as quick as the
            # next ones: about 15 ms less. A resize before then lays it out again.
            self.call_after_refresh(self._refresh_layout, self.app.size)
            return
        self.session.write(self.session.store.mark_started, self.lesson.id)
        self.show_step(self.index)

    def _view_for(self, step: Step) -> StepView:
        if isinstance(step, ReadStep):
            return ReadView(step)
        if isinstance(step, QuizStep):
            return QuizView(self.session, self.lesson, step)
        if isinstance(step, ReflectStep):
            return ReflectView(self.session, self.lesson, step)
        if isinstance(step, PlanStep):
            return PlanView(self.session, self.lesson, step)
        raise TypeError(f"unknown step kind {step!r}")

    def flush(self) -> None:
        """Save anything typed but not yet saved (a reflection mid-pause)."""
        for view in self.query(ReflectView):
            view.flush()

    def _mount_view(self, index: int, visible: bool) -> StepView:
        if index >= len(self.lesson.steps):
            view: StepView = SummaryView(self.session, self.lesson)
        else:
            view = self._view_for(self.lesson.steps[index])
        view.display = visible
        self.query_one("#step-body", VerticalScroll).mount(view)
        self._views[index] = view
        return view

    async def _prebuild_neighbours(self) -> None:
        """Build the steps either side while the learner reads, so a turn only swaps.

        Steps further away are let go (a reflection is saved first), so a long
        lesson never holds more than three steps' widgets.
        """
        far = [i for i in self._views if abs(i - self.index) > 1]
        for index in far:
            view = self._views.pop(index)
            if isinstance(view, ReflectView):
                view.flush()
            await view.remove()
        if far:
            self.app_collect_garbage_soon()
        for index in (self.index + 1, self.index - 1):
            if 0 <= index <= len(self.lesson.steps) and index not in self._views:
                self._mount_view(index, visible=False)

    def show_step(self, index: int, last_part: bool = False) -> None:
        """Show one step; steps stay built, so coming back keeps their state.

        ``last_part``: open the step at its last page (a quiz's last question),
        as turning back into it does.
        """
        self.flush()
        total = len(self.lesson.steps)
        self.index = max(0, min(index, total))
        body = self.query_one("#step-body", VerticalScroll)
        for view_index, view in self._views.items():
            if view_index == self.index:
                view.show_part(view.parts - 1 if last_part else 0)
            view.display = view_index == self.index
        if self._prebuild_timer is not None:
            self._prebuild_timer.stop()
        back = self.query_one("#lesson-back", Button)
        next_button = self.query_one("#lesson-next", Button)
        back.disabled = self.index == 0 and not last_part
        if self.at_summary:
            self._finish()
            summary = self._views.get(self.index)
            if summary is None:
                summary = self._mount_view(self.index, visible=True)
            else:
                summary.focus_first()
            if isinstance(summary, SummaryView) and summary.is_mounted:
                summary.show_score()
            self.query_one("#lesson-step", Static).update("Lesson complete")
            self.query_one("#lesson-progress", Meter).set(total, total)
            next_button.display = False
            self.refresh_bindings()
            return
        step = self.lesson.steps[self.index]
        shown = self._views.get(self.index)
        if shown is None:
            shown = self._mount_view(self.index, visible=True)  # takes focus once mounted
            shown.show_part(shown.parts - 1 if last_part else 0)
        elif not isinstance(step, ReadStep):
            shown.focus_first()
        body.scroll_home(animate=False)
        self._prebuild_timer = self.set_timer(PREBUILD_DELAY, self._prebuild_neighbours)
        self.query_one("#lesson-step", Static).update(
            plain(f"Step {self.index + 1} of {total} · {step.title}")
        )
        self.query_one("#lesson-progress", Meter).set(self.index + 1, total)
        next_button.display = True
        self._label_next()
        self.session.write(self.session.store.set_position, self.lesson.id, step.id)
        self.refresh_bindings()
        if isinstance(step, ReadStep):
            next_button.focus()

    def _shown_view(self) -> StepView | None:
        return self._views.get(self.index)

    def _label_next(self) -> None:
        """Say where Next goes: the step's next page, the next step, or the end."""
        view = self._shown_view()
        label = "Next →"
        if view is not None and view.part + 1 < view.parts:
            label = "Next question →"
        elif self.index == len(self.lesson.steps) - 1:
            label = "Finish →"
        button = self.query_one("#lesson-next", Button)
        if str(button.label) != label:
            button.label = label
            button.refresh(layout=True)  # Button's label does not re-measure the button

    def _finish(self) -> None:
        """Mark the lesson done and move the saved position on to the next one."""
        store = self.session.store
        self.session.write(store.mark_completed, self.lesson.id)
        following = self.session.course.next_lesson(self.lesson.id)
        if following is not None and following.steps:
            self.session.write(store.set_position, following.id, following.steps[0].id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        handlers = {
            "lesson-back": self.action_back,
            "lesson-next": self.action_next,
            "summary-next": self._open_next_lesson,
            "summary-map": self.action_to_map,
        }
        handler = handlers.get(event.button.id or "")
        if handler is not None:
            event.stop()
            handler()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show Next and Back in the footer only where they can act."""
        if action == "next":
            return not self.at_summary
        if action == "back":
            view = self._shown_view()
            return self.index > 0 or (view is not None and view.part > 0)
        return True

    def action_next(self) -> None:
        if self.at_summary:
            return
        view = self._shown_view()
        if view is not None and view.next_part():
            self._turned_part()
        else:
            self.show_step(self.index + 1)

    def action_back(self) -> None:
        view = self._shown_view()
        if view is not None and view.previous_part():
            self._turned_part()
        elif self.index > 0:
            self.show_step(self.index - 1, last_part=True)

    def _turned_part(self) -> None:
        self.query_one("#step-body", VerticalScroll).scroll_home(animate=False)
        view = self._shown_view()
        at_start = self.index == 0 and (view is None or view.part == 0)
        self.query_one("#lesson-back", Button).disabled = at_start
        self._label_next()
        self.refresh_bindings()

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#step-body", VerticalScroll)
        getattr(body, f"scroll_{direction}")()

    def action_to_map(self) -> None:
        self.flush()
        self.dismiss(None)
        self._let_go_of_steps()

    def _let_go_of_steps(self) -> None:
        """Free the steps' widgets; the screen itself is kept for the next lesson."""
        if self._prebuild_timer is not None:
            self._prebuild_timer.stop()
        if not self._views:
            return  # already let go (at the map): nothing to remove or collect
        self.query_one("#step-body", VerticalScroll).remove_children()
        self._views.clear()
        self.app_collect_garbage_soon()

    def _open_next_lesson(self) -> None:
        following = self.session.course.next_lesson(self.lesson.id)
        if following is None:
            self.action_to_map()
            return
        self.open(following, 0)

    def open(self, lesson: Lesson, step: int) -> None:
        """Show another lesson in this screen (next lesson, the palette, the map)."""
        if not self.is_mounted:  # still being built ahead of time: on_mount shows it
            self.lesson = lesson
            self.index = max(0, min(step, len(lesson.steps)))
            self._show_on_mount = True
            return
        self.flush()
        self.lesson = lesson
        self._let_go_of_steps()
        self.query_one("#lesson-title", Static).update(plain(lesson.title))
        self.session.write(self.session.store.mark_started, lesson.id)
        self.show_step(step)

    def on_unmount(self) -> None:
        self.flush()
        self.app_collect_garbage_soon()

    def app_collect_garbage_soon(self) -> None:
        from course.ui.app import CourseApp  # imported late: the app imports this screen

        if isinstance(self.app, CourseApp):
            self.app.collect_garbage_soon()
