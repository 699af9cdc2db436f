"""``trd-course restore BACKUP``: put a backup back, the way that undoes a reset.

``reset`` prints this command with its backup's path. Copying the file over
``progress.db`` by hand could leave the old journal beside it, which SQLite
then applied; this command handles the journal, refuses while the course is
open, and backs up the current progress first, so a restore can be undone
the same way.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from course.commands.common import CommandError, confirm, data_dir, guarded, hold_folder, say

NAME = "restore"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="put back a backup of your progress (such as the one reset made)",
        description=(
            "Replace your progress with BACKUP, a file named like "
            "progress.db.backup-<time> (reset prints the command with its path; "
            "'trd-course where' lists the backups). Your current progress is backed up "
            "first and that path printed, so the restore can be undone the same way. "
            "Refuses while the course is open. Asks you to type 'yes' first unless "
            "--yes is given. Exit status: 0 restored, 1 cancelled or failed."
        ),
    )
    parser.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file to restore")
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask first (for scripts)")
    parser.set_defaults(handler=run)


def restore(args: argparse.Namespace) -> int:
    # here, not at the top: see course.commands.common
    from progress import database_path
    from progress.restoring import check_backup, restore_backup

    folder = data_dir(args)
    db_path = database_path(folder)
    backup: Path = args.backup.expanduser().absolute()
    check_backup(backup)
    with hold_folder(NAME, folder):
        if not args.yes and not confirm(
            f"This replaces your progress in {db_path} with {backup}. Your current "
            "progress is backed up first.",
            "yes",
        ):
            raise CommandError("cancelled; nothing was changed.")
        restored = restore_backup(db_path, backup)
    for notice in restored.notices:
        say(NAME, notice.message)
    if restored.previous is not None:
        print(f"Backup of your progress before the restore: {restored.previous}")
    print(f"Your progress is now as it was saved in {backup}.")
    return 0


def run(args: argparse.Namespace) -> int:
    return guarded(NAME, restore, args)
