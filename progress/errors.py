"""The one exception the progress package raises.

Callers (the CLI and the Textual app) show the message to a learner as it is,
so every message names the file or folder involved and says what to do next.
Catching one type is enough: nothing from :mod:`sqlite3` or :mod:`os` leaks
out of the store's public methods.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The progress store could not do what was asked.

    Attributes:
        message: A plain-language sentence or two, safe to show to a learner.
        path: The file or folder the problem is about.
    """

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class StoreBusy(StoreError):
    """Another program held the store's write lock for longer than the busy timeout.

    Nothing was written and nothing is lost: the same call can be made again
    later. The app's Session catches this one type to keep the write and retry
    it in the background, while the screen (and crisis help) stays responsive.
    """
