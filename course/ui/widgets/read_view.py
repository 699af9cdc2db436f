"""A read step: one page of the author's Markdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from course.model import ReadStep
from course.ui.text import markdown
from course.ui.widgets.step_view import StepView


class ReadView(StepView):
    takes_focus = False  # the Next button takes focus: Enter turns the page

    def __init__(self, step: ReadStep) -> None:
        super().__init__()
        self.step = step

    def compose(self) -> ComposeResult:
        yield Static(markdown(self.step.body), classes="read-body")
