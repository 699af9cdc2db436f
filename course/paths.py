"""Where the bundled lessons live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_lessons() -> Path:
    """The course that ships with the program.

    In a wheel the lessons sit inside the package (``course/lessons``); in a
    source checkout they sit beside it (``lessons/``), where authors edit them.
    """
    installed = _PACKAGE / "lessons"
    if (installed / "course.toml").is_file():
        return installed
    return _PACKAGE.parent / "lessons"


def friendly(path: Path) -> str:
    """A path as a person would write it: ``~/...`` inside their home folder."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except (ValueError, RuntimeError):
        return str(path)


def declaring_folder(lesson_file: Path) -> Path | None:
    """The lessons folder a lesson file sits in (beside it or one up) with a course.toml.

    Checking or previewing one file needs that folder's modules to resolve its
    ``module``, exactly as the full course would.
    """
    for folder in (lesson_file.parent, lesson_file.parent.parent):
        if (folder / "course.toml").is_file():
            return folder
    return None
