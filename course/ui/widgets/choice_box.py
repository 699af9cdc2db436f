"""A quiz choice or plan item whose state is read from its shape, never its colour.

Textual's RadioButton and Checkbox draw the same ``X`` ticked or not and tell
the two apart by colour alone: with NO_COLOR, on a dim screen or in a
screen's plain text every box read ``▐X▌``. They also cut a long label with
"…". This box draws ``( )``/``(•)`` for one answer and ``[ ]``/``[x]`` for
several, in every theme and in plain text, and wraps its text to as many
lines as it needs, each wrapped line under the text, not under the mark.
"""

from __future__ import annotations

import textwrap

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from course.safe_text import visible


def mark(value: bool, single: bool) -> str:
    if single:
        return "(•)" if value else "( )"
    return "[x]" if value else "[ ]"


class ChoiceBox(Static, can_focus=True):
    """One choice; Space, Enter or a click selects it (or, for several, flips it).

    ↑ and ↓ move between the choices; Tab leaves them for the next control.
    """

    BINDINGS = [
        Binding("space,enter", "select", "Pick this choice", show=False, id="choice-pick"),
        Binding("up", "app.focus_previous", "Previous choice", show=False, id="choice-up"),
        Binding("down", "app.focus_next", "Next choice", show=False, id="choice-down"),
        Binding("tab", "leave_list", "After the choices", show=False),
    ]

    value: reactive[bool] = reactive(False)

    class Changed(Message):
        """The learner changed this box."""

        def __init__(self, box: ChoiceBox) -> None:
            super().__init__()
            self.box = box

        @property
        def control(self) -> ChoiceBox:
            return self.box

    def __init__(self, item_id: str, text: str, value: bool, *, single: bool) -> None:
        super().__init__(classes="choice-box")
        self.item_id = item_id
        self.text = text
        self.single = single
        self.set_reactive(ChoiceBox.value, value)

    def lines(self, width: int) -> list[str]:
        """The text wrapped to ``width`` less the pointer and mark, later lines indented."""
        return textwrap.wrap(visible(self.text), max(8, width - 5)) or [""]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        """``▸ ( ) text`` on the box with the keyboard: a shape, not only a shade.

        With NO_COLOR the focused box's background was one grey step from the
        others, and a tired learner could not tell which choice Enter would pick.
        """
        first, *rest = self.lines(self.content_size.width or 76)
        pointer = "▸" if self.has_focus else " "
        parts: list[str | tuple[str, str]] = [
            (pointer, "bold"),
            (mark(self.value, self.single), "bold"),
            " ",
            first,
        ]
        for line in rest:
            parts.append("\n     " + line)
        return Content.assemble(*parts)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def watch_value(self, value: bool) -> None:
        self.set_class(value, "-on")

    def action_select(self) -> None:
        """Select (one answer: it stays selected) or flip (several answers)."""
        if self.single and self.value:
            return
        self.value = not self.value
        self.post_message(self.Changed(self))

    def action_leave_list(self) -> None:
        """Tab goes past the list, to what follows it (Check my answer, Add my own).

        ↑ and ↓ move between the boxes. Tab used to move one box on, so a learner
        pressing Tab Enter to check an answer picked the next choice instead.
        """
        parent = self.parent
        boxes = [] if parent is None else list(parent.query_children(ChoiceBox))
        chain = self.screen.focus_chain
        if boxes and boxes[-1] in chain:
            after = chain.index(boxes[-1]) + 1
            if after < len(chain):
                chain[after].focus()
                return
        self.app.action_focus_next()

    def on_click(self) -> None:
        self.focus()
        self.action_select()
