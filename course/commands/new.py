"""``trd-course new``: start a lesson file an author only has to fill in.

The file lands in the learner's own lessons folder (``<data folder>/lessons``,
which the course always includes) unless ``--dir`` names another, under the
next free number of its module, and it validates clean as written. It never
replaces a file that is already there.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from course.paths import bundled_lessons, validate_command
from course.safe_text import visible

LESSONS_SUBDIR = "lessons"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "new",
        help="start a new lesson file from a commented template",
        description=(
            "Write a starter lesson (one page, one quiz question, one reflection and "
            "one plan, with a note on every line) to DIR/MODULE/NN-slug.toml, numbered "
            "after the module's last lesson, and print its path. If MODULE is not part "
            "of the bundled course, DIR/course.toml is written or extended to declare it. "
            "Never overwrites a file. Exit status: 0 written, 1 could not write, "
            "2 usage error."
        ),
    )
    parser.add_argument(
        "--module",
        required=True,
        metavar="ID",
        help="the module the lesson joins, e.g. 'understanding' or a new one such as "
        "'sleep' (lowercase letters, digits and hyphens)",
    )
    parser.add_argument(
        "--title",
        required=True,
        metavar="TEXT",
        help="the lesson's title; its id and file name are made from it",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        metavar="DIR",
        help="the lessons folder to write into (default: the 'lessons' folder inside "
        "your data folder, which the course always includes)",
    )
    parser.set_defaults(handler=run)


def data_lessons_dir(args: argparse.Namespace) -> Path:
    """``<data folder>/lessons``, the data folder chosen as everywhere else."""
    # Imported here: the progress package brings sqlite3, which the domain,
    # and starting this command, do without.
    from progress.location import resolve_data_dir

    return resolve_data_dir(getattr(args, "data_dir", None), os.environ) / LESSONS_SUBDIR


def make_private(folder: Path) -> None:
    """Create ``folder`` and its missing parents 0700 whatever the umask.

    The data folder holds the learner's progress: when ``new`` is the first
    command to need it, it must be as private as the store would make it.
    Folders that exist keep their modes.
    """
    missing = [path for path in (folder, *folder.parents) if not path.exists()]
    for path in reversed(missing):
        try:
            path.mkdir()
        except FileExistsError:
            continue
        os.chmod(path, 0o700)


def _usage_error(message: str) -> int:
    print(f"trd-course new: error: {visible(message)}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    # Imported here: ``course.cli`` imports every command to build its parser,
    # and starting the course should not pay for the lesson template.
    from course.scaffold import ScaffoldError, create_lesson, module_problem, title_problem

    problem = module_problem(args.module) or title_problem(args.title)
    if problem:
        return _usage_error(problem)
    own = data_lessons_dir(args)
    folder: Path = args.dir if args.dir is not None else own
    if folder.exists() and not folder.is_dir():
        return _usage_error(f"--dir {folder} is a file, not a folder")
    others = [*(getattr(args, "lessons", None) or []), own]
    try:
        if args.dir is None:
            make_private(own.parent)
        made = create_lesson(folder, args.module, args.title, bundled_lessons(), others)
    except ScaffoldError as error:
        print(f"trd-course new: {visible(str(error))}", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            f"trd-course new: cannot create {visible(str(own.parent))}: {error.strerror or error}",
            file=sys.stderr,
        )
        return 1
    print(made.lesson_path)
    if made.course_file is not None:
        verb = "Created" if made.course_file_created else "Added to"
        print(
            f"{verb} {made.course_file}: it declares the new module '{args.module}'; "
            "check its title and write its summary there.",
            file=sys.stderr,
        )
    print(
        f"Next: fill in the file, then check it with: {validate_command(args, [folder])}",
        file=sys.stderr,
    )
    print(
        f"Editors that read its first line (#:schema) check it as you type, with the "
        f"schema copy in {folder}.",
        file=sys.stderr,
    )
    return 0
