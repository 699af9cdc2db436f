"""Make any author or learner text harmless to draw on a terminal.

A reflection, an own plan item, a safety plan line, a lesson value or a path
can hold bytes a terminal acts on (OSC 52 sets the clipboard, OSC 8 makes a
link, CSI clears the screen, C1 controls do the same in one byte, U+202E
reverses what follows). The store keeps such text exactly as typed or pasted;
everything that draws it, on screen or in a CLI message, passes it through
:func:`visible` first, so the characters are shown, never obeyed.

This is the one definition of the unsafe set: the validator refuses the same
characters in lesson files, and the export and the Markdown renderer show them
the same way.
"""

from __future__ import annotations

import re

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 controls except tab and newline, DEL, C1 controls, and the bidirectional
marks, embeddings, overrides and isolates (which can make text read backwards)."""


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with every unsafe character replaced by a visible stand-in.

    Carriage returns become control pictures too; callers that want line
    endings kept as line breaks normalise them first (:func:`visible_lines`).
    """
    if UNSAFE.search(text) is None:
        return text
    return UNSAFE.sub(_shown, text)


def visible_lines(text: str) -> str:
    """Like :func:`visible`, after turning CRLF and lone CR into newlines."""
    return visible(text.replace("\r\n", "\n").replace("\r", "\n"))


def first_unsafe(text: str) -> str | None:
    """The first unsafe character in ``text`` as ``U+XXXX``, or None."""
    match = UNSAFE.search(text)
    return None if match is None else f"U+{ord(match.group()):04X}"
