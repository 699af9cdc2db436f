"""A reflect step: a private answer saved as the learner types.

Saved after a short pause in typing and again on leaving the step, so at most
the last fraction of a second is at risk if the power fails.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import Static, TextArea

from course.model import Lesson, ReflectStep
from course.ui.session import Session
from course.ui.text import plain
from course.ui.widgets.step_view import StepView

SAVE_DELAY = 0.5
"""Seconds of quiet typing before a save: keeps writes few, losses tiny."""


class ReflectView(StepView):
    def __init__(self, session: Session, lesson: Lesson, step: ReflectStep) -> None:
        super().__init__()
        self.session = session
        self.lesson = lesson
        self.step = step
        saved = session.store.reflection(lesson.id, step.id)
        self._saved_text = saved.text if saved else ""
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(plain(self.step.prompt), classes="reflect-prompt")
        yield Static(
            "Only you can see this. It is saved on this computer as you type. Tab leaves the box.",
            classes="reflect-hint",
        )
        self._area = TextArea(
            self._saved_text,
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=plain(self.step.placeholder or "Write as much or as little as you like."),
            classes="reflect-answer",
        )
        yield self._area

    @property
    def text(self) -> str:
        # Held directly: on unmount the TextArea has already left the DOM.
        return self._area.text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.flush)

    def flush(self) -> None:
        """Save now if the text changed since the last save."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self.text
        if text == self._saved_text:
            return
        if self.session.write(
            self.session.store.save_reflection, self.lesson.id, self.step.id, text
        ):
            self._saved_text = text

    def on_unmount(self) -> None:
        self.flush()
