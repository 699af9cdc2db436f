"""A one-line progress bar drawn as text.

Textual's ProgressBar is three widgets with its own timers; a bar that only
ever moves when the learner turns a page needs none of that, and one Static
keeps the map's start-up and each page turn cheaper.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

WIDTH = 30


def bar(done: int, total: int, width: int = WIDTH) -> Content:
    """``━━━━────  40%``: the filled part in the accent colour, with the share in words."""
    share = done / total if total > 0 else 0.0
    filled = round(share * width)
    return Content.assemble(
        ("━" * filled, "$accent"),
        ("─" * (width - filled), "dim"),
        f" {round(share * 100):3d}%",
    )


class Meter(Static):
    """The bar fills the width its style gives it (35 cells: a 30-cell bar and the share).

    A narrow lesson screen gives it less, so the step's title beside it is not cut.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._done = 0
        self._total = 0

    def set(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        self.refresh()

    def render(self) -> Content:
        width = self.content_size.width
        return bar(self._done, self._total, max(4, width - 5) if width else WIDTH)
