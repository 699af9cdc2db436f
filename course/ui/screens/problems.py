"""A lesson file with errors, shown in place of the lesson while previewing."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from course.problems import Problem
from course.ui.text import plain
from course.ui.widgets.footer import QuietFooter


class ProblemsScreen(Screen[None]):
    CSS_PATH = "problems.tcss"

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.problems = tuple(problems)

    def compose(self) -> ComposeResult:
        yield Static("This lesson has problems", id="problems-title")
        with VerticalScroll(id="problems-body"):
            yield Static(plain("\n".join(p.format() for p in self.problems)), id="problems-text")
            yield Static(
                "Fix the file and save it: this view reloads by itself.", id="problems-hint"
            )
        yield QuietFooter()
