"""What happens when something unexpected goes wrong.

Textual's own crash report is a traceback with local variables, which here
could print a learner's reflection to the terminal. Instead the details go to
a private log file and the learner sees a short, kind message with the help
lines.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from course import crisis
from course.private_file import PRIVATE_FILE_MODE

LOG_NAME = "error.log"


def write_log(folder: Path, error: BaseException) -> Path | None:
    """Append the traceback (no local variables) to a 0600 log; None if we can't."""
    path = folder / LOG_NAME
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    details = "".join(traceback.format_exception(error))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "a", encoding="utf-8") as log:
            log.write(f"--- {stamp}\n{details}\n")
        os.chmod(path, PRIVATE_FILE_MODE)
    except OSError:
        return None
    return path


def message(log: Path | None) -> str:
    where = f"Details for a developer are in {log}." if log else ""
    return "\n".join(
        line
        for line in (
            "Sorry, something went wrong and the course had to close.",
            "Everything you had saved is safe. Start the course again to carry on.",
            where,
            "",
            crisis.as_text(),
        )
        if line is not None
    )
