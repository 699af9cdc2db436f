"""Where the bundled lessons live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argparse import Namespace
    from collections.abc import Sequence
    from types import SimpleNamespace

    Options = Namespace | SimpleNamespace
    """The command line's options: the parser's, or their defaults when there were none."""

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


LESSONS_SUBDIR = "lessons"
"""The learner's own lessons folder inside the data folder."""


def lesson_folders(args: Options, data_dir: Path) -> list[Path]:
    """The bundled course, the data folder's lessons, then each --lessons DIR.

    The app, ``validate``, ``outline`` and ``preview`` all load this list, so
    an author checks exactly the course a learner would see.
    """
    extra = list(getattr(args, "lessons", None) or [])
    if getattr(args, "only", False):
        return extra
    folders = [bundled_lessons()]
    own = data_dir / LESSONS_SUBDIR
    if own.is_dir() and any(own.iterdir()):
        folders.append(own)
    return folders + extra


def global_options(args: Options) -> list[str]:
    """The options that choose the course (``--data-dir``, ``--lessons``, ``--only``)."""
    words: list[str] = []
    data_dir = getattr(args, "data_dir", None)
    if data_dir is not None:
        words += ["--data-dir", str(data_dir)]
    for folder in getattr(args, "lessons", None) or []:
        words += ["--lessons", str(folder)]
    if getattr(args, "only", False):
        words.append("--only")
    return words


def validate_command(args: Options, paths: Sequence[Path] = ()) -> str:
    """The shell command that checks the course these options load, ready to paste.

    The app names it when some lessons could not be loaded: run as printed, in
    the same shell, it reports the same problems.
    """
    import shlex  # only when there is a problem to report: not at every start

    words = ["trd-course", *global_options(args), "validate", *map(str, paths)]
    return shlex.join(words)
