"""A reflect step: a private answer, saved as the learner types.

Arriving never puts the keyboard in the box: pressing ``n`` through a lesson
used to land there, and the next presses became private text. The learner
enters it on purpose (Enter or Tab, or a click), and leaves it with Tab.

The view posts ``ReflectionChanged`` after a short pause in typing, and at
the latest a couple of seconds into continuous typing, so a closed terminal
or a power cut loses at most that much; the lesson screen saves it and calls
:meth:`mark_saved`. Leaving the step, quitting and a hang-up save at once.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Focus
from textual.widgets import Static, TextArea

from course.model import ReflectStep
from course.ui.messages import ReflectionChanged
from course.ui.text import plain
from course.ui.widgets.cannot_save import CannotSaveNote
from course.ui.widgets.harmless import HarmlessTextArea
from course.ui.widgets.save_timer import SaveTimer
from course.ui.widgets.step_view import StepView

HINT = (
    "Only you can see this. It is saved on this computer as you type. "
    "Press Enter or Tab to write; Tab again leaves the box."
)
HINT_CANNOT_SAVE = (
    "Only you can see this. Your progress file can only be read right now, so "
    "what you type here is not saved. Press Enter or Tab to write; Tab again "
    "leaves the box."
)
"""The hint on a read-only store: saying "saved as you type" above the warning
that it cannot be saved told the learner two opposite things."""


class ReflectView(StepView, can_focus=True):
    """Focusable itself, so Enter can open the box without the box taking every key."""

    takes_focus = False
    BINDINGS = [Binding("enter", "write", "Write", show=False, id="write")]

    save_delay = 0.5
    """Seconds of quiet typing before a save: keeps writes few, losses tiny."""
    longest_wait = 2.0
    """Seconds of continuous typing after which the text is saved anyway."""

    def __init__(self, step: ReflectStep, saved_text: str, cannot_save: bool = False) -> None:
        super().__init__()
        self.step = step
        self.saved_text = saved_text
        self._cannot_save = CannotSaveNote() if cannot_save else None
        """Said under the box once typing starts, when nothing typed can be saved."""
        self._save_timer = SaveTimer(self, self.ask_to_save)
        # Made here, not in compose: the text is asked for (to save it) even
        # of a view let go before it was ever shown.
        self._area = HarmlessTextArea(
            saved_text,
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=plain(step.placeholder or "Write as much or as little as you like."),
            classes="reflect-answer",
        )

    def compose(self) -> ComposeResult:
        yield Static(plain(self.step.prompt), classes="reflect-prompt")
        hint = HINT if self._cannot_save is None else HINT_CANNOT_SAVE
        yield Static(hint, classes="reflect-hint")
        yield self._area
        if self._cannot_save is not None:
            yield self._cannot_save

    def on_mount(self) -> None:
        self._area.cursor_location = self._area.document.end  # coming back: write on

    @property
    def text(self) -> str:
        # Held directly: on unmount the TextArea has already left the DOM.
        return self._area.text

    @property
    def unsaved(self) -> bool:
        return self.text != self.saved_text

    def action_write(self) -> None:
        self._area.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Inside the box Enter is a new line, so "Enter: Write" is not offered there."""
        if action == "write":
            return not self._area.has_focus
        return True

    def on_descendant_focus(self, event: Focus) -> None:
        if event.control is self._area:
            self._area.cursor_location = self._area.document.end
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self._cannot_save is not None:
            self._cannot_save.typed()
        self._save_timer.typed(self.save_delay, self.longest_wait)

    def ask_to_save(self) -> None:
        self.stop_timers()
        if self.unsaved:
            self.post_message(ReflectionChanged(self.step, self.text))

    def stop_timers(self) -> None:
        self._save_timer.stop()

    def mark_saved(self, text: str) -> None:
        """``text`` is on disk: nothing to save until it changes again."""
        self.saved_text = text
        if text == self.text:
            self.stop_timers()
