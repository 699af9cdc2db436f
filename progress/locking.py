"""A lock file that lets only one copy of the course *open* the store at a time.

SQLite itself keeps concurrent readers and writers safe once a store is
open. Opening is different: it inspects the file, may move a damaged one
aside, switches a new file to WAL and migrates. Two copies started at the
same moment on a brand-new or damaged file could otherwise interleave those
steps (one judging the other's half-created file, or moving aside a file the
other has just opened). An exclusive ``flock`` on ``progress.db.lock`` around
opening rules that out; it is held for milliseconds and released by the
operating system if the process dies. The lock file holds no data and is
left in place (deleting lock files reintroduces the race).

On Windows, which has no ``flock``, opening is not serialised.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from progress.errors import StoreError
from progress.files import LOCK_SUFFIX, PRIVATE_FILE_MODE, folder_error

if sys.platform != "win32":
    import fcntl


def lock_path(db_path: Path) -> Path:
    """The lock file next to ``db_path``."""
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


@contextmanager
def opening_lock(db_path: Path, timeout: float) -> Iterator[None]:
    """Hold the store's opening lock for the body of a ``with`` block.

    Raises:
        StoreError: The lock file cannot be created, or another copy held the
            lock for longer than ``timeout`` seconds.
    """
    path = lock_path(db_path)
    try:
        # No links followed, and a FIFO planted here must not block the open.
        flags = (
            os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        )
        fd = os.open(path, flags, PRIVATE_FILE_MODE)
    except OSError as exc:
        raise folder_error(db_path.parent, exc) from exc
    try:
        if sys.platform != "win32":
            os.fchmod(fd, PRIVATE_FILE_MODE)
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreError(
                            f"Another copy of trd-course has been opening "
                            f"{db_path} for over {timeout:.0f} seconds. Close "
                            "other copies of the course and try again.",
                            db_path,
                        ) from None
                    time.sleep(0.005)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
