"""When Python's garbage collector runs: every choice about it, in one place.

Start-up makes many objects and frees few, so collecting while the course and
Textual are imported only costs time: collection is paused for the start and
turned back on after the first frame, with start-up's survivors frozen where
collections skip them. Removed widgets sit in reference cycles (parent and
message pump), so only a full collection frees them; with start-up's objects
frozen that collection seldom comes on its own, so a screen that lets widgets
go asks for one once the app is quiet.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Collect nothing inside (a start, a large load); the previous state comes back after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle_after_start() -> None:
    """After the first frame: collect start-up's garbage, freeze the rest, resume."""
    gc.collect()
    gc.freeze()
    gc.enable()


def collect() -> None:
    """A full collection: frees widgets let go of (a few milliseconds, while reading)."""
    gc.collect()
