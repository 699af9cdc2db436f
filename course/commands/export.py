"""``trd-course export``: the learner's notes as Markdown, for an appointment.

The notes hold private health information, so a file written here is created
private (0600) before a byte of them is written, and an existing file is made
private before it is overwritten. Nothing is created when there is no saved
progress: exporting must never be what starts a store.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from datetime import datetime
from pathlib import Path

from course.commands.common import CommandError, data_dir, guarded, load_lessons, open_existing

NAME = "export"
PRIVATE_FILE_MODE = 0o600


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="write your notes, reflections and plans as Markdown",
        description=(
            "Write your notes as Markdown: for each lesson you have started, when you "
            "completed it, your quiz answers, your reflections and your plans. Notes "
            "for lessons no longer in the course are kept at the end. The notes hold "
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
    if path.is_dir():
        raise CommandError(
            f"{path} is a folder; give a file name, such as {path / 'my-notes.md'}", 2
        )


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8, the file readable by its owner only.

    The mode is set on the open descriptor before writing, so the notes are
    never readable by others, even for a moment, whatever the umask or the old
    file's mode. Devices and pipes (``/dev/stdout``) are written to but not
    chmod-ed.

    Raises:
        CommandError: ``path`` is a folder or cannot be written.
    """
    refuse_folder(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    except IsADirectoryError as error:
        raise CommandError(f"{path} is a folder; give a file name", 2) from error
    except OSError as error:
        raise CommandError(
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
        raise CommandError(
            f"couldn't finish writing {path} ({error.strerror or error}); the file may "
            "be incomplete"
        ) from error
    finally:
        if fd != -1:
            os.close(fd)


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
    with open_existing(NAME, db_path, read_only_ok=True) as store:
        snapshot = store.snapshot(every_attempt=False)
    from course.export import notes_markdown

    text = notes_markdown(course, snapshot, datetime.now().astimezone())
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    write_private(args.output, text)
    print(f"Notes written to {args.output}. Keep the file somewhere safe.")
    return 0


def run(args: argparse.Namespace) -> int:
    return guarded(NAME, export, args)
