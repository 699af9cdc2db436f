"""What every step view shares: where the keyboard lands when it appears."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widget import Widget


class StepView(Vertical):
    """A step's content; the first control in it takes focus once mounted.

    Done here, after mounting, rather than by the screen: a step's widgets
    only exist once the mount has finished. A step whose keyboard should stay
    with Next (a page to read, a private text box) says ``takes_focus = False``.
    """

    DEFAULT_CLASSES = "step-view"
    takes_focus = True

    def on_mount(self) -> None:
        if self.takes_focus and self.display:
            self.call_after_refresh(self.focus_first)

    def focus_first(self) -> None:
        for widget in self.focus_root().query("*"):
            if widget.focusable:
                widget.focus()
                return

    def focus_root(self) -> Widget:
        """Where the first control is looked for: the page on show."""
        return self

    # A step may have pages of its own (a quiz's questions); most have one.

    @property
    def parts(self) -> int:
        return 1

    @property
    def part(self) -> int:
        return 0

    def show_part(self, part: int) -> None:
        """Show page ``part`` of this step (clamped); one-page steps have nothing to do."""

    def next_part(self) -> bool:
        """Turn to this step's next page; False when already on its last."""
        return False

    def previous_part(self) -> bool:
        """Turn to this step's previous page; False when already on its first."""
        return False
