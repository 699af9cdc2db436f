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
        """The ``file:line: key.path: severity: message`` line editors can jump to."""
        return f"{self.path}:{self.line}: {self.key}: {self.severity.value}: {self.message}"

    def __str__(self) -> str:
        return self.format()
