"""F2: this screen's keys, in words.

Textual's own key panel lists every binding in the focus chain, so inside a
reflection it showed twenty-odd text-editing commands and nothing about the
course. This lists the course's own keys for the screen on show (every
binding of ours carries an id; Textual's widgets' bindings do not), the keys
that always work, and how to move between controls.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from course.ui.text import plain

ALWAYS = (
    ("Tab / Shift+Tab", "move between controls (Tab also leaves a text box)"),
    ("Ctrl+P", "the command palette: lessons, your tools, search"),
)


_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "pageup": "Page Up",
    "pagedown": "Page Down",
}


def key_name(key: str) -> str:
    """A key as a person would write it: ``ctrl+q`` is Ctrl+Q, ``f1`` is F1, ``s`` is s.

    A letter pressed alone stays lower case: "S" would read as Shift+S,
    which does nothing.
    """
    *modifiers, last = key.split("+")
    if last in _NAMES:
        named = _NAMES[last]
    elif len(last) == 1:
        named = last.upper() if modifiers else last
    elif len(last) <= 3:
        named = last.upper()
    else:
        named = last.replace("_", " ").title()
    return "+".join([*(m.title() for m in modifiers), named])


def screen_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """The course's keys active on ``screen``, each as (keys, what it does)."""
    found: dict[str, list[str]] = {}
    order: list[str] = []
    for _, binding, enabled, _ in screen.active_bindings.values():
        if binding.id is None or not enabled or not binding.description:
            continue
        description = binding.description
        if description not in found:
            found[description] = []
            order.append(description)
        shown = key_name(binding.key)
        if shown not in found[description]:
            found[description].append(shown)
    lines = [(" or ".join(found[d]), d) for d in order]
    return lines + [pair for pair in ALWAYS if pair[0] not in dict(lines)]


class KeysScreen(ModalScreen[None]):
    """The keys of the screen beneath, closed with Esc or F2 again."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,f2", "close", "Close", id="close-keys")]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        with Vertical(id="message-panel"):
            yield Static("Keys on this screen", id="message-title")
            with VerticalScroll(id="message-body"):
                for keys, what in self.keys:
                    yield Static(plain(f"{keys}: {what}"), classes="key-line")
            yield Button("Close (Esc)", id="message-ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#message-ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
