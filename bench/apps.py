"""The minimal Textual app every app benchmark is measured against.

A Header, a Static and a Footer is about the least a Textual program can show,
so "at most 1.2x its start-up" or "1.5x its memory" says how much the course
adds on top of Textual itself, a number that means the same on an old laptop
and a fast desktop. Pressing ``n`` replaces the Static's text: the cheapest
change to what is on screen, and the floor a step turn is compared with.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Header, Static


class MinimalApp(App[None]):
    """Header, Static, Footer; ``n`` shows the next of ``pages`` in the Static."""

    BINDINGS = [Binding("n", "next_page", "Next")]

    def __init__(self, pages: tuple[str, ...] = ("Hello.",)) -> None:
        super().__init__()
        self.pages = pages or ("Hello.",)
        self.turns = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(self.pages[0]), id="page")
        yield Footer()

    def action_next_page(self) -> None:
        self.turns += 1
        text = self.pages[self.turns % len(self.pages)]
        self.query_one("#page", Static).update(Content(text))
