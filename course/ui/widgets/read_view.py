"""A read step: one page of the author's Markdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from course.model import ReadStep
from course.ui.text import markdown


class ReadView(Vertical):
    def __init__(self, step: ReadStep) -> None:
        super().__init__(classes="step-view")
        self.step = step

    def compose(self) -> ComposeResult:
        yield Static(markdown(self.step.body), classes="read-body")
