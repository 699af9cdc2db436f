"""The line under a text box that says what is typed there cannot be saved.

Hidden until the learner types: someone only reading a reflection on a
read-only store needs no warning, someone writing one needs it at once.
"""

from __future__ import annotations

from textual.widgets import Static

from course.ui.unsaved import CANNOT_SAVE


class CannotSaveNote(Static):
    def __init__(self) -> None:
        super().__init__(CANNOT_SAVE, classes="cannot-save")
        self.display = False

    def typed(self) -> None:
        self.display = True
