"""What a load of lesson folders reads and gives back, without the checking itself.

Kept apart from ``course.loader`` so that a start which finds the checked
course kept (``course.course_cache``) imports neither the schema checks nor
the TOML parser: it needs only the list of files, to see whether any changed,
and the result's class, to read the kept copy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from course.model import Course

if TYPE_CHECKING:
    from course.problems import Problem

COURSE_FILE = "course.toml"


@dataclass(frozen=True)
class LoadResult:
    """The course built from every usable lesson, and what was wrong."""

    course: Course
    problems: tuple[Problem, ...]
    lesson_files: int

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors


def file_problem(path: Path, message: str, line: int = 1) -> Problem:
    # Imported here: a start whose kept course has no problems never needs
    # the class (nor its enum), whose definition start-up would pay for.
    from course.problems import FILE_KEY, Problem

    return Problem(path, line, FILE_KEY, message)


def find_lesson_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Every ``*.toml`` below ``folder`` except its ``course.toml``.

    Symlinked folders are followed once each, so a link loop ends instead of
    recursing forever; folders that cannot be read are reported, not skipped.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        where = Path(error.filename) if error.filename else folder
        problems.append(file_problem(where, f"cannot read the folder: {error.strerror}"))

    for current, dirs, files in os.walk(folder, onerror=on_error, followlinks=True):
        try:
            stat = os.stat(current)
        except OSError:
            dirs[:] = []
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            dirs[:] = []
            continue
        seen.add(key)
        dirs.sort()
        base = Path(current)
        for name in sorted(files):
            if not name.endswith(".toml") or name.startswith("."):
                continue
            if name == COURSE_FILE and base == folder:
                continue
            found.append(base / name)
    return found, problems
