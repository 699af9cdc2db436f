"""Get help now: crisis lines, one key (F1) away on every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from course import crisis
from course.ui.text import plain


def crisis_lines() -> ComposeResult:
    """The crisis lines as widgets, shared by the help panel and the welcome."""
    yield Static(plain(crisis.HEADLINE), classes="crisis-headline")
    for what, detail in crisis.LINES:
        yield Static(plain(f"• {what}: {detail}"), classes="crisis-line")


class HelpScreen(ModalScreen[None]):
    """A calm panel that covers the course until the learner closes it."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("escape,f1,q", "dismiss_help", "Close", id="close-help"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-panel"):
            yield Static("Get help now", id="help-title")
            with VerticalScroll(id="help-body"):
                yield from crisis_lines()
                yield Static(plain(crisis.PRIVACY), id="help-privacy")
            yield Button("Close (Esc)", id="help-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#help-close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
