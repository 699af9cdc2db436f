"""A modal that tells the learner something important and waits for OK.

Used for store notices (a damaged file moved aside) and lesson problems: a
toast that vanishes after a few seconds is too easy to miss for these.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from course.ui.text import plain


class MessageScreen(ModalScreen[None]):
    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "close", "Close", id="close-message")]

    def __init__(self, title: str, body: str, button: str = "OK") -> None:
        super().__init__()
        self._title = title
        self._body = body
        self._button = button

    def compose(self) -> ComposeResult:
        with Vertical(id="message-panel"):
            yield Static(plain(self._title), id="message-title")
            with VerticalScroll(id="message-body"):
                yield Static(plain(self._body), id="message-text")
            yield Button(plain(self._button), id="message-ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#message-ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
