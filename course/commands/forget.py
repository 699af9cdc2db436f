"""``trd-course forget``: delete everything the course saved about the learner.

For someone who wants no trace left on this computer: the progress file, the
files SQLite keeps beside it, every backup ``reset`` made and every damaged
copy set aside. Lessons and other files in the data folder are left alone
(``progress.forget`` only deletes files named like the store's). It lists what
it will delete, asks for the word ``forget`` (unless ``--yes``), then lists
what it deleted, so the learner can see that it happened.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from course.commands.common import CommandError, confirm, data_dir, guarded, hold_folder

NAME = "forget"
WORD = "forget"
_MAX_LEFT_SHOWN = 10
ERROR_LOG = "error.log"
"""What the app writes in the data folder when it fails (``course.ui.crash``); it may
quote what was on screen, so it goes with the rest."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="delete all your saved progress, backups included, for good",
        description=(
            "Delete the progress file with every backup and set-aside copy, so nothing "
            "you wrote in the course stays on this computer, then list what was "
            "deleted. Your own lesson files and anything else in the data folder are "
            "left alone, and so are notes you exported. This cannot be undone. Close "
            "the course first (forget refuses while it is open). Asks you to type "
            "'forget' first unless --yes is given. "
            "Exit status: 0 deleted or nothing to delete, 1 cancelled or failed."
        ),
    )
    parser.add_argument(
        "--yes",
        "-y",
        action="store_true",
        help="do not ask first (for scripts)",
    )
    parser.set_defaults(handler=run)


def _left_behind(folder: Path) -> list[str]:
    """Names still in the data folder after forgetting, folders marked with '/'."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    return [e.name + ("/" if e.is_dir(follow_symlinks=False) else "") for e in entries]


def _error_log(folder: Path) -> Path | None:
    """The app's error log in ``folder``, if there is one (a link counts: its name goes)."""
    path = folder / ERROR_LOG
    return path if path.is_file() or path.is_symlink() else None


def forget_all(args: argparse.Namespace) -> int:
    # here, not at the top: see course.commands.common
    from progress import database_path, store_files
    from progress.files import refuse_symlink

    folder = data_dir(args)
    log = _error_log(folder)
    if not store_files(folder) and log is None:
        print(f"There is no saved progress in {folder}, so there is nothing to delete.")
        return 0
    # Refused, not half-done: deleting a link would leave the writing it points to.
    refuse_symlink(database_path(folder))
    with hold_folder(NAME, folder):
        return _forget_held(args, folder, log)


def _forget_held(args: argparse.Namespace, folder: Path, log: Path | None) -> int:
    from progress import forget, store_files

    files = store_files(folder)
    print("These files hold everything the course saved about you:")
    for path in files:
        print(f"  {path}")
    if log is not None:
        print(f"  {log} (the course's error log, which may quote what was on screen)")
    if not args.yes and not confirm(
        "This deletes them for good, backups included; it cannot be undone.",
        WORD,
    ):
        raise CommandError("cancelled; nothing was deleted.")
    deleted: list[Path] = []
    if log is not None:
        try:
            log.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            raise CommandError(
                f"can't delete {log} ({error.strerror}); nothing else was deleted"
            ) from error
        else:
            deleted.append(log)
    deleted += forget(folder)
    print("Deleted:")
    for path in deleted:
        print(f"  {path}")
    left = _left_behind(folder)
    if left:
        shown = ", ".join(left[:_MAX_LEFT_SHOWN]) + (
            ", ..." if len(left) > _MAX_LEFT_SHOWN else ""
        )
        print(f"Left as they are in {folder}: {shown}")
    print(
        "Notes you exported are wherever you saved them; delete those yourself if "
        "you want them gone. Deleted files are not overwritten: on some disks they "
        "can be recovered until the space is reused."
    )
    return 0


def run(args: argparse.Namespace) -> int:
    return guarded(NAME, forget_all, args)
