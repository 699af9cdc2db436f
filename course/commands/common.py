"""Helpers the store commands (export, brief, reset, forget, where) share.

They keep four promises in one place: the data folder is chosen exactly as
the app chooses it, a store problem becomes one sentence on stderr (never a
traceback, which could show a learner's reflections), a destructive step
only happens after the learner typed the word asked for, and a file of
private health information is created private (0600) before a byte of it is
written.

``progress`` (and with it sqlite3) is imported inside the functions that need
it, here and in the commands: ``course.cli`` imports every command to build
its parser, and ``trd-course validate`` or ``--help`` should not load the
store (a test holds ``course.cli`` to that).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from course.loader import LoadResult
    from course.model import Course
    from progress import Held, Store

Action = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """Stop a command with a message for stderr and an exit status.

    Raised inside a command and turned into output by :func:`guarded`, so a
    command's steps can stay a straight line instead of checking return codes.
    """

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def data_dir(args: argparse.Namespace) -> Path:
    """The data folder the app would use: --data-dir, the variable, or the default."""
    from progress import resolve_data_dir

    return resolve_data_dir(getattr(args, "data_dir", None), os.environ)


def saved_progress(args: argparse.Namespace, nothing: str) -> tuple[Path, Path]:
    """The data folder and its progress file, for a command that only reads them.

    Args:
        nothing: What there is nothing of without saved progress ("there are no
            notes to export"): the command must never be what starts a store.

    Raises:
        CommandError: There is no progress file yet.
    """
    from progress import database_path

    folder = data_dir(args)
    db_path = database_path(folder)
    if not db_path.exists():
        raise CommandError(
            f"there is no saved progress in {folder} yet, so {nothing}. Start the "
            "course with 'trd-course', or point --data-dir at the folder your "
            "progress is in."
        )
    return folder, db_path


def say(command: str, message: str) -> None:
    """A message for the learner on stderr, named after the command."""
    print(f"trd-course {command}: {message}", file=sys.stderr)


def open_existing(command: str, db_path: Path, *, read_only_ok: bool = False) -> Store:
    """Open the store at ``db_path``, printing any notices to stderr.

    Call only when the file exists: opening creates it otherwise. With
    ``read_only_ok`` (for commands that only read), a full or read-only disk
    opens the store read-only instead of failing.

    Raises:
        StoreError: As :func:`progress.open_store`; :func:`guarded` reports it.
    """
    from progress import open_store
    from progress.store import BUSY_TIMEOUT_SECONDS

    opened = open_store(db_path, read_only_ok=read_only_ok)
    for notice in opened.notices:
        say(command, notice.message)
    # Nothing is drawn while a command waits, so it may wait for another program
    # far longer than the app, whose writes give up at once and retry later.
    opened.store.set_busy_timeout(BUSY_TIMEOUT_SECONDS)
    return opened.store


def hold_folder(command: str, folder: Path) -> Held:
    """Take the data folder's lifetime lock for a command that changes the store.

    ``reset``, ``forget`` and ``restore`` must not run under an open course:
    its screen would go on showing, and saving, what they just erased.

    Raises:
        CommandError: The course is open in another window.
    """
    from progress import AlreadyOpen, hold_data_folder

    try:
        return hold_data_folder(folder)
    except AlreadyOpen as error:
        raise CommandError(
            f"the course is open in another window (its progress is in {folder}). "
            f"Close it first, then run 'trd-course {command}' again; nothing was changed."
        ) from error


def add_output_option(parser: argparse.ArgumentParser, help: str) -> None:
    """``--output FILE`` (``-o``): where a command writes instead of printing."""
    parser.add_argument("--output", "-o", type=Path, metavar="FILE", help=help)


def refuse_folder(path: Path | None) -> None:
    """Stop before any work if the output path is a folder (a common slip).

    Raises:
        CommandError: With status 2, as for a usage error.
    """
    from course.private_file import PrivateFileError
    from course.private_file import refuse_folder as check

    if path is None:
        return
    try:
        check(path)
    except PrivateFileError as error:
        raise CommandError(str(error), 2) from error


def write_output(output: Path | None, text: str, written: str, *, ask: bool = False) -> int:
    """Print ``text``, or write it to ``output`` readable by its owner only.

    Args:
        written: Said on stdout once the file is written.
        ask: Replace an existing file only after the learner says yes.

    Returns:
        0, the command's status.

    Raises:
        CommandError: The learner kept the file, ``output`` is a folder
            (status 2), or it cannot be written.
    """
    from course.private_file import PrivateFileError, write_private

    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    if ask and output.exists() and not confirm(f"{output} exists. Replace it?", "yes"):
        raise CommandError(f"{output} was left as it was; nothing was written.")
    try:
        write_private(output, text)
    except PrivateFileError as error:
        raise CommandError(str(error), 2 if error.is_folder else 1) from error
    print(written)
    return 0


def load_lessons(command: str, args: argparse.Namespace, folder: Path) -> LoadResult:
    """Load the course as the app would, warning (not failing) on lesson problems.

    A lesson that fails to load is left out of the course; its saved progress
    is still there, and the commands treat it as progress for a removed lesson.
    The hint names ``validate`` with this command's own course options, so run
    as printed it checks exactly the lessons this command loaded.
    """
    from course.launch import load
    from course.paths import validate_command

    result = load(args, folder)
    if result.errors:
        say(
            command,
            f"{len(result.errors)} problem{'' if len(result.errors) == 1 else 's'} in the "
            "lesson files; lessons with problems "
            f"are left out (run '{validate_command(args)}' to see them).",
        )
    return result


@contextmanager
def course_and_store(
    command: str, args: argparse.Namespace, nothing: str, *, read_only_ok: bool = False
) -> Iterator[tuple[Course, Store]]:
    """The set-up of a command that reads the store into ``--output``: the course and the store.

    In order, so a slip costs nothing: a folder given as ``--output`` is
    refused, then a data folder without saved progress (nothing is created),
    then the lessons are loaded as the app would, and the store is opened
    (closed when the block ends).

    Args:
        nothing: See :func:`saved_progress`.
        read_only_ok: See :func:`open_existing`.
    """
    refuse_folder(args.output)
    folder, db_path = saved_progress(args, nothing)
    course = load_lessons(command, args, folder).course
    with open_existing(command, db_path, read_only_ok=read_only_ok) as store:
        yield course, store


def confirm(question: str, word: str) -> bool:
    """Ask on stderr; True only if the next line of stdin is ``word``.

    Case and surrounding spaces are ignored. End of input, a closed or missing
    stdin, or any other answer means no: a script that did not pass ``--yes``
    must never delete anything by accident.
    """
    print(f"{question} Type '{word}' to continue: ", end="", file=sys.stderr, flush=True)
    stdin = sys.stdin
    if stdin is None:
        print(file=sys.stderr)
        return False
    try:
        answer = stdin.readline()
        echoed = stdin.isatty() and answer.endswith("\n")
    except (OSError, ValueError):  # closed or unreadable stdin
        answer, echoed = "", False
    if not echoed:
        print(file=sys.stderr)  # keep the next message off the prompt's line
    return answer.strip().casefold() == word.casefold()


def guarded(command: str, action: Action, args: argparse.Namespace) -> int:
    """Run a command, turning its expected failures into one line and a status.

    Returns:
        The command's status; 1 after a :class:`~progress.StoreError` (its
        message names the file and what to do), or a :class:`CommandError`'s
        own status.
    """
    from progress import StoreError

    try:
        return action(args)
    except CommandError as error:
        say(command, error.message)
        return error.status
    except StoreError as error:
        say(command, str(error))
        return 1
