"""``trd-course brief``: the one-page appointment brief, as Markdown or HTML.

The same page the "Prepare for my appointment" screen makes, from what the
learner chose there (goal, picked questions, picked reflections: none unless
picked). It holds private health information, so a file is created private
(0600) before a byte is written; an existing file is replaced only after the
learner says so (or with ``--yes``), and a folder is refused. Nothing is
created when there is no saved progress.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from course.commands.common import (
    CommandError,
    confirm,
    data_dir,
    guarded,
    load_lessons,
    open_existing,
)

NAME = "brief"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="write a one-page brief for your next appointment",
        description=(
            "Write one page to take to your next appointment: what you want from it, "
            "the questions you picked, your treatments, your check-in trend, your plan, "
            "any reflections you picked (none unless you pick them), space for notes. "
            "Choose these in the course's 'Prepare for my appointment'. The page holds "
            "private health information: share it only with people you choose. Exit "
            "status: 0 written, 1 nothing to write or the file could not be written, "
            "2 usage error."
        ),
    )
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write to FILE (created readable by you only) instead of printing",
    )
    parser.add_argument(
        "--format",
        choices=("md", "html"),
        default="md",
        help="md: Markdown (the default); html: a page to print on one or two sheets",
    )
    parser.add_argument(
        "--yes",
        "-y",
        action="store_true",
        help="replace FILE if it exists, without asking",
    )
    parser.set_defaults(handler=run)


def brief(args: argparse.Namespace) -> int:
    from course.private_file import PrivateFileError, refuse_folder, write_private
    from progress import database_path  # here, not at the top: see course.commands.common

    output: Path | None = args.output
    try:
        if output is not None:
            refuse_folder(output)
    except PrivateFileError as error:
        raise CommandError(str(error), 2) from error
    folder = data_dir(args)
    db_path = database_path(folder)
    if not db_path.exists():
        raise CommandError(
            f"there is no saved progress in {folder} yet, so there is nothing for a "
            "brief. Start the course with 'trd-course', or point --data-dir at the "
            "folder your progress is in."
        )
    course = load_lessons(NAME, args, folder).course
    from course.brief import FORMATS
    from course.session_treatments import brief_from_store

    with open_existing(NAME, db_path) as store:
        page = brief_from_store(course, store, date.today())
    text = FORMATS[args.format](page)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    if output.exists() and not args.yes and not confirm(f"{output} exists. Replace it?", "yes"):
        raise CommandError(f"{output} was left as it was; nothing was written.")
    try:
        write_private(output, text)
    except PrivateFileError as error:
        raise CommandError(str(error), 2 if error.is_folder else 1) from error
    print(f"Brief written to {output}. It holds private health information: keep it safe.")
    return 0


def run(args: argparse.Namespace) -> int:
    return guarded(NAME, brief, args)
