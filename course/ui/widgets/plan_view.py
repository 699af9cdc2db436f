"""A plan step: actions to tick, and the learner's own, saved at each change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Static

from course.model import Lesson, PlanStep
from course.ui.session import Session
from course.ui.text import plain
from course.ui.widgets.step_view import StepView


class PlanCheckbox(Checkbox):
    def __init__(self, item_id: str, text: str, value: bool) -> None:
        super().__init__(plain(text), value=value, compact=True)
        self.item_id = item_id


class PlanView(StepView):
    def __init__(self, session: Session, lesson: Lesson, step: PlanStep) -> None:
        super().__init__()
        self.session = session
        self.lesson = lesson
        self.step = step

    def compose(self) -> ComposeResult:
        state = self.session.store.plan(self.lesson.id, self.step.id)
        yield Static(plain(self.step.prompt), classes="plan-prompt")
        with Vertical(classes="plan-items"):
            for item in self.step.items:
                yield PlanCheckbox(item.id, item.text, item.id in state.ticked)
            for own in state.own_items:
                yield PlanCheckbox(own.item_id, own.text, own.item_id in state.ticked)
        if self.step.allow_custom:
            with Horizontal(classes="plan-add"):
                yield Input(placeholder="Add my own action…", classes="plan-new", compact=True)
                yield Button("Add", classes="plan-add-button", compact=True)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        box = event.checkbox
        if not isinstance(box, PlanCheckbox):
            return
        event.stop()
        store = self.session.store
        action = store.tick if box.value else store.untick
        self.session.write(action, self.lesson.id, self.step.id, box.item_id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._add()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("plan-add-button"):
            event.stop()
            self._add()

    def _add(self) -> None:
        field = self.query_one(".plan-new", Input)
        text = field.value.strip()
        if not text:
            self.app.notify("Type an action first, then Add.", markup=False)
            return
        own = self.session.write(
            self.session.store.add_plan_item, self.lesson.id, self.step.id, text
        )
        if own is None:
            return
        field.value = ""
        self.query_one(".plan-items", Vertical).mount(PlanCheckbox(own.item_id, own.text, False))
