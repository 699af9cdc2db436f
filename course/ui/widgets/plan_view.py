"""A plan step: actions to tick, and the learner's own, kept at each change.

The view shows and collects; the lesson screen keeps each tick and new item
(``PlanItemToggled``, ``OwnItemAdded``) and hands a new item back through
:meth:`show_own_item`. The learner's own items are added ticked: they chose
them. Editing and removing them is on the notes screen.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from course.model import PlanStep
from course.ui.messages import OwnItemAdded, PlanItemToggled
from course.ui.text import plain
from course.ui.widgets.choice_box import ChoiceBox
from course.ui.widgets.harmless import HarmlessInput
from course.ui.widgets.step_view import StepView
from progress import OwnPlanItem, PlanState


class PlanView(StepView):
    def __init__(self, step: PlanStep, state: PlanState) -> None:
        super().__init__()
        self.step = step
        self.state = state

    def compose(self) -> ComposeResult:
        state = self.state
        yield Static(plain(self.step.prompt), classes="plan-prompt")
        with Vertical(classes="plan-items"):
            for item in self.step.items:
                yield ChoiceBox(item.id, item.text, item.id in state.ticked, single=False)
            for own in state.own_items:
                yield ChoiceBox(own.item_id, own.text, own.item_id in state.ticked, single=False)
        if self.step.allow_custom:
            with Horizontal(classes="plan-add"):
                yield HarmlessInput(
                    placeholder="Add my own action…", classes="plan-new", compact=True
                )
                yield Button("Add", classes="plan-add-button", compact=True)

    @on(ChoiceBox.Changed)
    def ticked(self, event: ChoiceBox.Changed) -> None:
        event.stop()
        self.post_message(PlanItemToggled(self.step, event.box.item_id, event.box.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.add()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("plan-add-button"):
            event.stop()
            self.add()

    def add(self) -> None:
        field = self.query_one(".plan-new", Input)
        text = field.value.strip()
        if not text:
            self.app.notify("Type an action first, then Add.", markup=False)
            return
        self.post_message(OwnItemAdded(self.step, text))

    def show_own_item(self, own: OwnPlanItem) -> None:
        """A new item was kept: show it ticked, and empty the box for the next."""
        self.query_one(".plan-new", Input).value = ""
        box = ChoiceBox(own.item_id, own.text, True, single=False)
        self.query_one(".plan-items", Vertical).mount(box)
