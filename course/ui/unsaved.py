"""Text the learner typed that could not be saved, handed back when the course closes.

When the progress file opened read-only (a full or read-only disk) or a save
failed, a reflection or a safety-plan part typed now exists only on screen.
The box says so as soon as typing starts (``CANNOT_SAVE``), and the screen
that owns the box sends each text it could not save (``TextNotSaved``); the
app keeps the latest per box here and, on quit, prints them all in the
terminal after the course has closed, so nothing typed is lost without the
learner being told. Printed as plain text, with control characters shown,
never obeyed (``course.safe_text``).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from course.safe_text import visible, visible_lines
from course.ui.messages import TextNotSaved

CANNOT_SAVE = (
    "Your progress file can only be read right now, so what you type here cannot "
    "be saved. To keep it, copy it somewhere else before you leave this box. When "
    "you quit (Ctrl+Q), the course also prints it in this terminal for you to copy."
)
"""Shown under a box as soon as the learner types in it while nothing can be saved."""


class UnsavedTexts:
    """The latest text of each box that could not be saved, in the order first typed."""

    def __init__(self) -> None:
        self._texts: dict[str, tuple[str, str]] = {}

    def keep(self, message: TextNotSaved) -> None:
        if message.text.strip():
            self._texts[message.key] = (message.label, message.text)
        else:
            self._texts.pop(message.key, None)

    def __bool__(self) -> bool:
        return bool(self._texts)

    def leaving_text(self, store_path: Path, read_only: bool) -> Text | None:
        """What to print after the course closes instead of "everything is saved".

        None when that line is true: nothing was refused and the store could be
        written. A Rich ``Text``, so nothing in it is read as markup; Rich wraps
        long lines to the terminal's width (it would crop them if told not to
        wrap), so every word is printed.
        """
        where = visible(str(store_path))
        if not self._texts:
            if not read_only:
                return None
            return Text(
                f"trd-course: your progress file could only be read ({where}), "
                "so nothing new was saved this time."
            )
        lines = [
            f"trd-course: what you typed below could not be saved in {where}. "
            "Copy it somewhere safe now: it is not kept anywhere else.",
        ]
        for label, text in self._texts.values():
            lines += ["", f"== {visible(label)} ==", visible_lines(text)]
        return Text("\n".join(lines))
