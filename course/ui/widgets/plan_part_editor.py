"""One part of the safety plan, being written: its prompt, examples, and a box.

Saved as the learner types, as reflections are: ``PlanPartChanged`` goes out
after a short pause in typing, and at the latest a couple of seconds into
continuous typing, so a closed terminal or a power cut loses at most that
much; the screen saves it and calls :meth:`mark_saved`. Leaving the part,
quitting and a hang-up save at once.

On a short terminal (60x20) the prompt, the examples, the box and the hint
do not all fit: the box shrank to a line or two and the hint and the Back
button fell below the screen's edge. Then the editor is marked ``-short``:
the examples line and the hint give up their rows (the box's placeholder
still shows an example, the footer still says Esc goes back), so the box
keeps room to write in and the Back button stays in view.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Resize
from textual.widgets import Button, Static, TextArea

from course.ui.text import plain
from course.ui.widgets.cannot_save import CannotSaveNote
from course.ui.widgets.safety_messages import PlanPartChanged
from course.ui.widgets.save_timer import SaveTimer
from course.wording import PlanPart, SafetyPlanWording

BOX_ROWS = 5
"""The fewest rows the box may have (its border and three lines) before the editor goes short."""


class PlanPartEditor(Vertical):
    save_delay = 0.5
    """Seconds of quiet typing before a save: keeps writes few, losses tiny."""
    longest_wait = 2.0
    """Seconds of continuous typing after which the text is saved anyway."""

    def __init__(
        self,
        words: SafetyPlanWording,
        part: PlanPart,
        saved_text: str,
        cannot_save: bool = False,
    ) -> None:
        super().__init__(id="plan-edit")
        self.words = words
        self.part = part
        self.saved_text = saved_text
        self._cannot_save = CannotSaveNote() if cannot_save else None
        """Said under the box once typing starts, when nothing typed can be saved."""
        self._save_timer = SaveTimer(self, self.ask_to_save)
        self._area = TextArea(
            saved_text,
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=plain(self.part.examples[0]),
            id="plan-text",
        )

    def compose(self) -> ComposeResult:
        examples = "; ".join(self.part.examples)
        yield Static(plain(self.part.title), id="plan-part-title")
        yield Static(plain(self.part.prompt), id="plan-part-prompt")
        yield Static(plain(f"{self.words.examples_label} {examples}"), id="plan-part-examples")
        yield self._area
        if self._cannot_save is not None:
            yield self._cannot_save
        yield Static(plain(self.words.edit_hint), id="plan-edit-hint")
        yield Button("Back to the whole plan (Esc)", id="plan-back", compact=True)

    def on_mount(self) -> None:
        self._area.cursor_location = self._area.document.end
        self._area.focus()
        self.call_after_refresh(self._fit)

    def on_resize(self, event: Resize) -> None:
        if self.has_class("-short"):
            self.remove_class("-short")  # measure afresh: a larger terminal may fit it all
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Go short when the box is squeezed or the Back button is off the bottom."""
        if not self.is_attached or self.has_class("-short"):
            return
        back = self.query_one("#plan-back", Button)
        squeezed = self._area.outer_size.height < BOX_ROWS
        cut = back.region.bottom > self.region.bottom or back.region.height == 0
        if squeezed or cut:
            self.add_class("-short")

    @property
    def text(self) -> str:
        return self._area.text

    @property
    def unsaved(self) -> bool:
        return self.text != self.saved_text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self._cannot_save is not None:
            self._cannot_save.typed()
        self._save_timer.typed(self.save_delay, self.longest_wait)

    def ask_to_save(self) -> None:
        self.stop_timers()
        if self.unsaved:
            self.post_message(PlanPartChanged(self.part.id, self.text))

    def stop_timers(self) -> None:
        self._save_timer.stop()

    def mark_saved(self, text: str) -> None:
        """``text`` is on disk: nothing to save until it changes again."""
        self.saved_text = text
        if text == self.text:
            self.stop_timers()
