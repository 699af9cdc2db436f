"""First run: what the course is and is not, privacy, and where help is."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from course.ui.screens.help import crisis_lines
from course.ui.text import plain
from course.ui.widgets.footer import QuietFooter
from course.welcome_text import ABOUT, NOT, TITLE, privacy


def plan_pointer() -> str:
    """Where help is (F1) and where the safety plan is, from the plan's wording file."""
    from course import wording

    try:
        return wording.safety_plan().welcome_pointer
    except wording.WordingError:
        return "Press F1 on any screen for help now."


class WelcomeScreen(Screen[None]):
    """Shown once; the acknowledgement is kept in the store."""

    CSS_PATH = ["welcome.tcss", "dialogs.tcss"]

    BINDINGS = [
        Binding("enter", "start", "Start", id="start", show=True),
        # The keyboard is on Start, which ignores the arrows: they scroll the
        # words, so a small terminal can read to the end without Tab.
        Binding("down", "scroll_body('scroll_down')", show=False),
        Binding("up", "scroll_body('scroll_up')", show=False),
        Binding("pagedown", "scroll_body('scroll_page_down')", show=False),
        Binding("pageup", "scroll_body('scroll_page_up')", show=False),
    ]

    def __init__(self, store_path: Path) -> None:
        super().__init__()
        self._store_path = store_path

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome-body"):
            yield Static(plain(TITLE), id="welcome-title")
            yield Static(plain(ABOUT), classes="welcome-text")
            yield Static(plain(NOT), classes="welcome-text")
            yield Static(plain(privacy(self._store_path)), classes="welcome-text")
            yield from crisis_lines()
            yield Static(plain(plan_pointer()), id="welcome-plan-pointer", classes="crisis-line")
        # Under the words, not among them: at 60x20 the button was below the
        # edge, and nothing on screen said how to begin.
        yield Button(
            "Start the course (Enter)", id="welcome-start", variant="primary", compact=True
        )
        yield QuietFooter()

    def on_mount(self) -> None:
        # Focus scrolls to the button; the page opens at its top all the same,
        # so a small terminal shows "not medical advice" first.
        self.query_one("#welcome-start", Button).focus(scroll_visible=False)
        self.query_one("#welcome-body", VerticalScroll).scroll_home(animate=False)

    def action_scroll_body(self, how: str) -> None:
        getattr(self.query_one("#welcome-body", VerticalScroll), how)(animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        self.dismiss(None)
