"""Text boxes that draw what the learner typed or pasted, never obey it.

A reflection pasted with OSC 52 in it set the terminal's clipboard each time
its step was drawn: Textual's TextArea and Input send a line's characters to
the terminal as they are. These draw every unsafe character (the set in
``course.safe_text``) as one visible cell, so the text is shown and the
cursor still lines up, while the document keeps the exact text to save.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Input, TextArea

from course.safe_text import UNSAFE


def _one_cell(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\u2370"  # ⍰: a C1 control or a direction mark


def harmless(strip: Strip) -> Strip:
    """``strip`` with each unsafe character drawn as one visible cell."""
    if not any(UNSAFE.search(segment.text) for segment in strip):
        return strip
    return Strip(
        Segment(UNSAFE.sub(lambda m: _one_cell(m.group()), s.text), s.style, s.control)
        for s in strip
    )


class HarmlessTextArea(TextArea):
    def render_line(self, y: int) -> Strip:
        return harmless(super().render_line(y))


class HarmlessInput(Input):
    def render_line(self, y: int) -> Strip:
        return harmless(super().render_line(y))
