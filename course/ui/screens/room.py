"""Room for the way on: a scrolling part gives up rows so the buttons after it stay on screen.

A panel's words scroll and its buttons come after them. On a short terminal
(60x20) the words alone can fill the screen, and then the buttons, and the
line saying how to go on, sit below the bottom edge where a tired learner
never finds them. These helpers cap the scrolling part at the rows left once
everything after it is counted, so the words scroll inside their own box and
the buttons stay in view. The .tcss keeps the usual size; the cap here only
ever makes it smaller.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget

LEAST_ROWS = 3
"""A scrolling part keeps at least this many rows, however short the terminal."""


def rows_of(widget: Widget) -> int:
    """The rows a laid-out widget takes, its vertical margins included."""
    margin = widget.styles.margin
    return widget.outer_size.height + margin.top + margin.bottom


def rows_of_all(widgets: Iterable[Widget]) -> int:
    """The rows a column of laid-out widgets takes (the hidden ones take none)."""
    return sum(rows_of(widget) for widget in widgets if widget.display)


def fit_scroll(scroll: Widget, room: int) -> None:
    """Let ``scroll`` be at most ``room`` rows (and at least ``LEAST_ROWS``).

    Never above the max-height its .tcss gives it: when there is room for
    that, the inline cap is cleared so the style sheet decides again.
    """
    cap = max(LEAST_ROWS, room)
    base = scroll.styles.base.max_height
    most = base.cells if base is not None else None
    current = scroll.styles.inline.max_height
    if most is not None and cap >= most:
        if current is not None:
            scroll.styles.max_height = None
    elif current is None or current.cells != cap:
        scroll.styles.max_height = cap
