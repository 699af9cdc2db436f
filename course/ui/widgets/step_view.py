"""What every step view shares: where the keyboard lands when it appears."""

from __future__ import annotations

from textual.containers import Vertical


class StepView(Vertical):
    """A step's content; the first control in it takes focus once mounted.

    Done here, after mounting, rather than by the screen: a step's widgets
    only exist once the mount has finished.
    """

    DEFAULT_CLASSES = "step-view"
    focus_on_mount = True

    def on_mount(self) -> None:
        if self.focus_on_mount and self.display:
            self.call_after_refresh(self.focus_first)

    def focus_first(self) -> None:
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return
