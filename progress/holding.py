"""One copy of the course at a time per data folder: the lifetime lock.

Two copies of the app on one data folder each keep the learner's words on
their own screen, and the last reflection saved wins: the other copy's text
is gone for good. So the app holds an exclusive ``flock`` on
``progress.db.in-use`` from before it opens the store until it exits, and a
second copy (or ``reset``, ``forget`` and ``restore``, which take the same
lock) finds it held and stops with a sentence instead. ``export`` and
``where`` only read and never take it.

This is a separate file from the opening lock (:mod:`progress.locking`),
which every opener takes for milliseconds: holding that one for the app's
lifetime would make ``export`` wait for the app to close.

The kernel releases a ``flock`` when its holder exits in any way, SIGKILL
included, so a lock file left behind never blocks the next start: the file
holds only the holder's process id, for the message, and is left in place.

On Windows, which has no ``flock``, the lock is not taken.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path

from progress.errors import StoreError
from progress.files import (
    IN_USE_SUFFIX,
    PRIVATE_FILE_MODE,
    ensure_private_dir,
    folder_error,
    lock_is_held,
    refuse_symlink,
)
from progress.location import database_path

if sys.platform != "win32":
    import fcntl

_PID_BYTES = 32
_HELD_HERE: set[Path] = set()
"""Data folders this process holds: its own lock is not "another copy"."""
_CANNOT_WRITE = {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT}


class AlreadyOpen(StoreError):
    """Another copy of the course holds the data folder.

    Attributes:
        pid: The holder's process id as it wrote it, or None if unreadable.
    """

    def __init__(self, data_dir: Path, pid: int | None) -> None:
        super().__init__(
            f"The course is already open in another window (its progress is in "
            f"{data_dir}); switch to that window, or close it and start again.",
            data_dir,
        )
        self.pid = pid


def in_use_path(data_dir: Path) -> Path:
    """The lifetime lock file of the store in ``data_dir``."""
    db_path = database_path(data_dir)
    return db_path.with_name(db_path.name + IN_USE_SUFFIX)


class Held:
    """The lifetime lock on a data folder, until :meth:`release` (or exit).

    Use it as a context manager, or keep it for the life of the app.
    """

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    @property
    def held(self) -> bool:
        """Whether this object still holds the lock."""
        return self._fd is not None

    def release(self) -> None:
        """Let another copy open the folder; safe to call twice."""
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None
            _HELD_HERE.discard(self.path.parent)

    def __enter__(self) -> Held:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    try:
        raw = os.pread(fd, _PID_BYTES, 0)
    except OSError:
        return None
    text = raw.decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None


def _not_a_file(path: Path) -> StoreError:
    return StoreError(
        f"{path} is not a regular file, so the course cannot use it to know whether "
        "it is already open. Move it out of the progress folder and try again.",
        path,
    )


def hold_data_folder(data_dir: Path) -> Held:
    """Take the lifetime lock on ``data_dir``, creating the folder (0700) if needed.

    Raises:
        AlreadyOpen: Another living process holds it.
        StoreError: The folder or the lock file cannot be used (a symlink, a
            FIFO or a folder in its place, no permission), or the store there
            was saved by a newer version.
    """
    data_dir = data_dir.absolute()
    if not data_dir.exists():
        ensure_private_dir(data_dir)
    else:
        # A store from a newer version is refused before any file is made
        # beside it, this lock file included (see progress.opening).
        from progress.opening import refuse_if_newer

        refuse_if_newer(database_path(data_dir))
    path = in_use_path(data_dir)
    refuse_symlink(path)
    safe = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | safe, PRIVATE_FILE_MODE)
    except OSError as exc:
        if exc.errno not in _CANNOT_WRITE:
            raise folder_error(data_dir, exc) from exc
        # A full or read-only disk: the store can then only be read, and two
        # readers lose nothing; a lock file already there is still honoured.
        try:
            fd = os.open(path, os.O_RDONLY | safe)
        except FileNotFoundError:
            return Held(path, None)
        except OSError as again:
            raise folder_error(data_dir, again) from again
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_a_file(path)
        if sys.platform == "win32":
            return Held(path, fd)
        if stat.S_IMODE(info.st_mode) & 0o077:
            with contextlib.suppress(OSError):  # read-only disk: nothing to protect
                os.fchmod(fd, PRIVATE_FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyOpen(data_dir, _read_pid(fd)) from None
        except OSError as exc:
            raise folder_error(data_dir, exc) from exc
        _HELD_HERE.add(data_dir)
        try:  # the pid is only for a person reading the file; failing costs nothing
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError:
            pass
    except BaseException:
        os.close(fd)
        raise
    return Held(path, fd)


def held_elsewhere(data_dir: Path) -> bool:
    """Whether another process (a running copy of the app) holds ``data_dir`` now.

    Opening the store from ``export`` while the app runs must never move the
    app's live ``-wal`` aside, whatever it looks like: the app is writing it.
    """
    data_dir = data_dir.absolute()
    if data_dir in _HELD_HERE:
        return False
    return lock_is_held(in_use_path(data_dir), shared_holders=False)
