"""``trd-course export``: the learner's notes as Markdown, for an appointment.

The notes hold private health information, so a file written here is created
private (0600) before a byte of them is written, and an existing file is made
private before it is overwritten. Nothing is created when there is no saved
progress: exporting must never be what starts a store.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from course.commands.common import CommandError, data_dir, guarded, load_lessons, open_existing

NAME = "export"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="write your notes, reflections and plans as Markdown",
        description=(
            "Write your notes as Markdown: for each lesson you have started, when you "
            "completed it, your quiz answers, your reflections and your plans. Notes "
            "for lessons not in the course as loaded (most often a lesson pack left out "
            "of --lessons) are kept at the end. The notes hold "
            "private health information: keep them somewhere safe and share them only "
            "with people you choose, such as your care team. Exit status: 0 written, "
            "1 nothing to export or the file could not be written, 2 usage error."
        ),
    )
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write to FILE (created readable by you only; replaced if it exists) "
        "instead of printing",
    )
    parser.set_defaults(handler=run)


def refuse_folder(path: Path) -> None:
    """Stop before any work if the output path is a folder (a common slip)."""
    from course.private_file import PrivateFileError
    from course.private_file import refuse_folder as check

    try:
        check(path)
    except PrivateFileError as error:
        raise CommandError(str(error), 2) from error


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, readable by its owner only (``course.private_file``).

    Raises:
        CommandError: ``path`` is a folder (status 2) or cannot be written.
    """
    from course.private_file import PrivateFileError
    from course.private_file import write_private as write

    try:
        write(path, text)
    except PrivateFileError as error:
        raise CommandError(str(error), 2 if error.is_folder else 1) from error


def export(args: argparse.Namespace) -> int:
    from progress import database_path  # here, not at the top: see course.commands.common

    if args.output is not None:
        refuse_folder(args.output)
    folder = data_dir(args)
    db_path = database_path(folder)
    if not db_path.exists():
        raise CommandError(
            f"there is no saved progress in {folder} yet, so there are no notes to "
            "export. Start the course with 'trd-course', or point --data-dir at the "
            "folder your progress is in."
        )
    course = load_lessons(NAME, args, folder).course
    from course.session import tools_sections

    with open_existing(NAME, db_path, read_only_ok=True) as store:
        snapshot = store.snapshot(every_attempt=False)
        tools = tools_sections(store)
    from course.export import notes_markdown

    text = notes_markdown(course, snapshot, datetime.now().astimezone()) + tools
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    write_private(args.output, text)
    print(f"Notes written to {args.output}. Keep the file somewhere safe.")
    return 0


def run(args: argparse.Namespace) -> int:
    return guarded(NAME, export, args)
