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
    def set(self, done: int, total: int) -> None:
        self.update(bar(done, total))
