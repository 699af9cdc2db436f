"""Putting a backup back: what ``trd-course restore BACKUP`` does, done right.

Copying a backup over ``progress.db`` by hand after a crash kept the old
``-wal`` beside it, and SQLite then applied it: the learner got the state
they were trying to undo. Restoring here:

1. checks the backup is a whole trd-course store this version can read,
   before anything changes;
2. opens the current store (so its own ``-wal`` is applied and checkpointed)
   and backs it up, so the restore can itself be undone;
3. closes it cleanly (no ``-wal`` left), copies the backup into a new private
   file with SQLite's backup API and renames that over ``progress.db``;
4. opens the result once, which checks and migrates it.

The caller holds the data folder's lifetime lock (:mod:`progress.holding`),
so no copy of the course has the store open meanwhile.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from progress.errors import StoreError
from progress.files import (
    BACKUP_LABEL,
    create_private_file,
    folder_error,
    labelled_path,
    require_regular,
    sidecars,
    sync_dir,
)
from progress.opening import open_store
from progress.records import Notice
from progress.schema import SCHEMA_VERSION, missing_parts, read_version
from progress.store import copy_database


@dataclass(frozen=True)
class Restored:
    """What a restore did.

    Attributes:
        previous: The backup of the progress it replaced, or None if there
            was no progress file.
        notices: What opening the stores said (a journal set aside, say).
    """

    previous: Path | None
    notices: tuple[Notice, ...]


def _not_a_backup(backup: Path, why: str) -> StoreError:
    return StoreError(
        f"{backup} can't be restored: {why}. Nothing was changed. Give the path of a "
        "file named like progress.db.backup-<time>, as 'trd-course reset' printed it, "
        "or see them with 'trd-course where'.",
        backup,
    )


def check_backup(backup: Path) -> None:
    """Refuse anything but a readable trd-course store of this or an older version.

    Raises:
        StoreError: Saying what is wrong with it; nothing has been changed.
    """
    if not backup.exists() and not backup.is_symlink():
        raise _not_a_backup(backup, "there is no such file")
    require_regular(backup)
    try:
        conn = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _not_a_backup(backup, f"it could not be opened ({exc})") from exc
    try:
        version = read_version(conn)
        ok = conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        missing = missing_parts(conn, min(version, SCHEMA_VERSION)) if version > 0 else []
    except sqlite3.Error as exc:
        raise _not_a_backup(backup, f"it is not a trd-course progress file ({exc})") from exc
    finally:
        conn.close()
    if version > SCHEMA_VERSION:
        raise _not_a_backup(backup, "it was saved by a newer version of trd-course")
    if version < 1 or missing:
        raise _not_a_backup(backup, "it is not a trd-course progress file")
    if not ok:
        raise _not_a_backup(backup, "it is damaged")


def restore_backup(db_path: Path, backup: Path) -> Restored:
    """Replace the store at ``db_path`` with ``backup``, backing up the current one first.

    Raises:
        StoreError: The backup is not a usable store, or a file could not be
            written; the current progress is then left as it was.
    """
    db_path = db_path.absolute()
    backup = backup.absolute()
    check_backup(backup)
    notices: list[Notice] = []
    previous: Path | None = None
    if db_path.exists():
        opened = open_store(db_path)
        notices += opened.notices
        with opened.store as store:
            previous = store.make_backup()
    if any(path.exists() for path in sidecars(db_path)[:1]):
        raise StoreError(
            f"Another program still has {db_path} open, so it was not replaced. Close "
            f"it and run the restore again; your progress is also kept in {previous}.",
            db_path,
        )
    incoming = labelled_path(db_path, BACKUP_LABEL)
    if not create_private_file(incoming):
        raise folder_error(db_path.parent, FileExistsError(str(incoming)))
    try:
        source = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
        try:
            copy_database(source, incoming)
        finally:
            source.close()
        for stale in sidecars(db_path):
            stale.unlink(missing_ok=True)
        os.replace(incoming, db_path)
    except (sqlite3.Error, OSError) as exc:
        incoming.unlink(missing_ok=True)
        raise StoreError(
            f"Couldn't restore {backup} ({exc}). Your progress file {db_path} was not changed.",
            db_path,
        ) from exc
    sync_dir(db_path.parent)
    opened = open_store(db_path)
    opened.store.close()
    notices += opened.notices
    return Restored(previous, tuple(notices))
