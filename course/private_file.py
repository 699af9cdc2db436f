"""Write a file of the learner's words so that only they can read it.

Notes, the appointment brief and any export hold private health information,
so the file's mode is set on the open descriptor before a byte is written:
never readable by others, even for a moment, whatever the umask or the old
file's mode. A folder is refused (a common slip: a path that names a folder),
and a device or pipe (``/dev/stdout``) is written to but not chmod-ed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_FILE_MODE = 0o600


class PrivateFileError(Exception):
    """The file could not be written; the message says why and what to do.

    Attributes:
        is_folder: The path named a folder (a usage slip rather than a failure).
    """

    def __init__(self, message: str, *, is_folder: bool = False) -> None:
        super().__init__(message)
        self.is_folder = is_folder


def refuse_folder(path: Path) -> None:
    if path.is_dir():
        raise PrivateFileError(
            f"{path} is a folder; give a file name, such as {path / 'my-notes.md'}",
            is_folder=True,
        )


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8, readable by its owner only (replacing it).

    Raises:
        PrivateFileError: ``path`` is a folder or cannot be written.
    """
    refuse_folder(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    except IsADirectoryError as error:
        raise PrivateFileError(f"{path} is a folder; give a file name", is_folder=True) from error
    except OSError as error:
        raise PrivateFileError(
            f"can't write {path} ({error.strerror or error}); check that the folder "
            "exists and that you can write there"
        ) from error
    try:
        if hasattr(os, "fchmod") and stat.S_ISREG(os.fstat(fd).st_mode):
            os.fchmod(fd, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            fd = -1  # the file object owns it now
            handle.write(text)
    except OSError as error:
        raise PrivateFileError(
            f"couldn't finish writing {path} ({error.strerror or error}); the file may "
            "be incomplete"
        ) from error
    finally:
        if fd != -1:
            os.close(fd)
