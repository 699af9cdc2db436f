"""Authoring problems as data, so the CLI, the app and tests share one shape.

A problem always names a file, a line and a key path: an author fixing a
lesson at the end of a long day should never have to hunt for the mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


FILE_KEY = "(file)"
"""The key path used when a problem concerns the file as a whole."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a second look) in one lesson file."""

    path: Path
    line: int
    key: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """The ``file:line: key.path: severity: message`` line editors can jump to.

        The path, key and message can all hold what a file held (a key with an
        escape character in it, a value quoted back), so the line is drawn
        harmless: a control character shows as a picture of itself, never acts.
        """
        from course.safe_text import visible

        line = f"{self.path}:{self.line}: {self.key}: {self.severity.value}: {self.message}"
        return visible(line).replace("\n", "\u240a")  # one problem, one line

    def warning(self) -> Problem:
        """The same problem, as a warning."""
        return Problem(self.path, self.line, self.key, self.message, Severity.WARNING)

    def as_json(self) -> dict[str, str | int]:
        """The problem as a JSON object for ``validate --format json``.

        JSON escapes control characters itself, so the values are left exact.
        """
        return {
            "path": str(self.path),
            "line": self.line,
            "key": self.key,
            "severity": self.severity.value,
            "message": self.message,
        }

    def __str__(self) -> str:
        return self.format()


def counted(number: int, noun: str) -> str:
    """``1 error``, ``2 errors``: the summary line reads as a sentence."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
