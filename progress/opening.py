"""Opening the store: make private, refuse newer, move damage aside, migrate.

The order matters, and each step is the least intrusive one that can answer
its question:

1. Make the folder 0700. Everything after this runs under the opening lock
   (:mod:`progress.locking`), so two copies of the course starting at once
   never interleave these steps.
2. Make the file 0600, creating it ourselves so SQLite's ``-wal``/``-shm``
   files inherit 0600 (see :mod:`progress.files`).
3. Read the 100-byte SQLite header with plain file I/O. If its
   ``user_version`` is newer than this code, refuse *before* SQLite touches
   the folder: even a read-only SQLite connection creates ``-wal`` and
   ``-shm`` files next to a WAL database. The ``-wal``'s newest copy of that
   header is read the same way (:mod:`progress.wal`). (Both are also done
   once before taking the lock, so refusing leaves the folder exactly as it
   was.) Then a ``-wal`` that is not this store's own log is set aside with
   a copy of the database, never applied to it.
4. Open a *read-only* connection to read the real version (a ``-wal`` left by
   a newer copy may hold a newer one) and to check integrity. Read-only, so
   a damaged file is never checkpointed or rewritten before it is moved
   aside: the moved copy holds exactly the bytes the learner had. (A hot
   rollback journal, which only a writer can undo, is rolled back first.)
5. If SQLite reports the file corrupt or "not a database", or the check does
   not say ``ok``, or it is someone else's database, rename it and its
   sidecars to ``progress.db.damaged-<UTC time>`` (never delete) and start
   fresh, with a :class:`~progress.records.Notice` saying where it went.
   Other errors (locked, permission denied) are never a reason to move a
   learner's file: they become a :class:`~progress.errors.StoreError`.
6. Open the read-write connection and run the migrations.

Before any of this, every file of the store is checked to be a regular file
and not a symbolic link (a FIFO as ``progress.db`` hung the app and
``export``; a link made the course chmod its target).

With ``read_only_ok``, a store on a full or read-only disk is opened
read-only instead (:func:`open_store`).

Integrity check: a store up to ``FULL_CHECK_LIMIT_BYTES`` (about 15,000
answers, far more than a learner gives) gets SQLite's full
``integrity_check``, which also catches an index that disagrees with its
table; a larger one gets ``quick_check``, which reads every page but skips
that comparison, because the full check grew past the start-up budget on a
store with 100,000 answers. ``trd-course where --check`` runs the full check
on any size (:func:`full_check`). Either way, the tables and columns the
migrations create are checked to be there: a store with a table missing
passed the check and then crashed the app when a lesson opened.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from progress.errors import StoreError
from progress.files import (
    DAMAGED_LABEL,
    create_private_file,
    ensure_private_dir,
    file_error,
    folder_error,
    labelled_path,
    move_aside,
    require_regular,
    sidecars,
    sync_dir,
    tighten_store_files,
    unwritable_cause,
)
from progress.holding import held_elsewhere
from progress.locking import lock_path, opening_lock
from progress.records import Notice
from progress.schema import (
    SCHEMA_VERSION,
    NewerSchemaError,
    has_tables,
    migrate,
    missing_parts,
    read_version,
)
from progress.store import BUSY_TIMEOUT_SECONDS, Store, connect
from progress.wal import (
    LogWatch,
    belongs,
    log_in_use,
    mark_fresh,
    newest_user_version,
    wal_id_path,
    wal_path,
)

FULL_CHECK_LIMIT_BYTES = 2 * 1024 * 1024
"""Files larger than this get ``quick_check`` at open instead of ``integrity_check``."""

_SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_SQLITE_READONLY_ROLLBACK = 776
_Problem = Literal["damaged", "foreign", "needs recovery"]
_NEEDS_RECOVERY: _Problem = "needs recovery"


@dataclass(frozen=True)
class OpenedStore:
    """An open store and what the learner should be told about opening it.

    Attributes:
        store: Ready to use; close it when done.
        notices: Usually empty. Shown once by the app or CLI: a damaged file
            that was moved aside, a folder that was made private.
    """

    store: Store
    notices: tuple[Notice, ...] = ()


def open_store(path: Path, *, read_only_ok: bool = False) -> OpenedStore:
    """Open (creating if needed) the progress database at ``path``.

    Args:
        path: The database file, normally ``database_path(resolve_data_dir(...))``.
        read_only_ok: When the disk is full or read-only (or the folder is not
            the learner's to write), open an existing store read-only instead
            of failing, with a notice naming the cause: enough to read and
            export it. Its writes then fail with a StoreError.

    Raises:
        StoreError: The folder cannot be used, the file cannot be read, or the
            file was written by a newer version (it is then left untouched).
    """
    path = path.absolute()
    try:
        return _open_read_write(path)
    except StoreError as error:
        if not read_only_ok or isinstance(error, NewerStoreError):
            raise
        cause = unwritable_cause(path.parent)
        if cause is None or not path.is_file():
            raise
        return _open_read_only(path, cause, error)


class NewerStoreError(StoreError):
    """The store was saved by a newer version: never opened, not even read-only."""


def _open_read_only(path: Path, cause: str, error: StoreError) -> OpenedStore:
    """The store as it is on disk, for reading and export, when nothing can be written."""
    for own in store_paths(path):
        require_regular(own)
    _refuse_if_header_newer(path)
    _refuse_if_log_newer(path)
    # Without a log nothing can change the file under us (nothing can write
    # here), so SQLite may read it as immutable and need no -shm file.
    has_log = wal_path(path).exists() and wal_path(path).stat().st_size > 0
    query = "mode=ro" if has_log else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(
            f"{path.as_uri()}?{query}",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
        version = read_version(conn)
        if version > SCHEMA_VERSION:
            conn.close()
            raise _newer_error(path, version)
        missing = missing_parts(conn, version) if version > 0 else ["every table"]
    except sqlite3.Error as exc:
        raise error from exc
    if missing or version < SCHEMA_VERSION:
        conn.close()
        raise error  # an older or incomplete store needs a write to be read
    notice = Notice(
        f"Your progress folder {path.parent} can't be written to: {cause}. The course "
        "opened your progress read-only, so you can read it and export your notes, but "
        "nothing new can be saved until that is fixed (free some space, or copy the "
        "folder to a disk you can write to and point --data-dir at it).",
        (path,),
    )
    return OpenedStore(Store(conn, path, read_only=True), (notice,))


def _open_read_write(path: Path) -> OpenedStore:
    for own in store_paths(path):
        require_regular(own)
    notices: list[Notice] = []
    if ensure_private_dir(path.parent):
        notices.append(
            Notice(
                f"Your progress folder {path.parent} could be opened by other "
                "people using this computer. It is now private to you.",
                (path.parent,),
            )
        )
    # Refuse a newer file (or log) before even creating the lock file.
    _refuse_if_header_newer(path, missing_ok=True)
    _refuse_if_log_newer(path)
    with opening_lock(path, BUSY_TIMEOUT_SECONDS):
        if not create_private_file(path) and tighten_store_files(path):
            notices.append(
                Notice(
                    f"Your progress file {path} could be read by other people "
                    "using this computer. It is now private to you.",
                    (path,),
                )
            )
        _refuse_if_header_newer(path)
        _refuse_if_log_newer(path)
        if not belongs(path) and not held_elsewhere(path.parent) and not log_in_use(path):
            notices.append(_set_aside_log(path))
        problem = _inspect(path)
        if problem == _NEEDS_RECOVERY:
            _recover(path)
            problem = _inspect(path)
        if problem == _NEEDS_RECOVERY:
            raise _open_error(path, "an interrupted save could not be undone")
        if problem is not None:
            notices.append(_set_aside(path, problem))
        conn = _connect_read_write(path)
        watch = LogWatch(path)
        try:
            mark_fresh(path)
            migrate(conn)
            watch.after_write()
        except NewerSchemaError as exc:  # the file changed under us
            conn.close()
            raise _newer_error(path, exc.found) from exc
        except sqlite3.Error as exc:
            conn.close()
            raise _open_error(path, exc) from exc
    return OpenedStore(Store(conn, path, watch), tuple(notices))


def store_paths(path: Path) -> tuple[Path, ...]:
    """The database and every file beside it that the store itself opens."""
    return (path, *sidecars(path), lock_path(path), wal_id_path(path))


def refuse_if_newer(path: Path) -> None:
    """Refuse a store saved by a newer version, reading its files without SQLite.

    Leaves the folder exactly as it was (no ``-shm``, no lock file).

    Raises:
        StoreError: The header or the ``-wal`` says a newer version; or a file
            of the store is a link or not a regular file.
    """
    for own in store_paths(path):
        require_regular(own)
    _refuse_if_header_newer(path, missing_ok=True)
    _refuse_if_log_newer(path)


def _refuse_if_log_newer(path: Path) -> None:
    """Refuse a store whose version bump is only in its ``-wal``, without SQLite.

    SQLite would create ``-shm`` (and the opening lock its file) just to read
    it; reading the log's frames directly leaves the folder as it was.
    """
    version = newest_user_version(path)
    if version is not None and version > SCHEMA_VERSION:
        raise _newer_error(path, version)


def _set_aside_log(path: Path) -> Notice:
    """Keep a ``-wal`` that is not this store's, with a copy of the store, unapplied."""
    import shutil

    log = wal_path(path)
    target = labelled_path(path, DAMAGED_LABEL)
    try:
        create_private_file(target)
        shutil.copyfile(path, target)
        os.rename(log, sidecars(target)[0])
        sidecars(path)[1].unlink(missing_ok=True)  # -shm: an index of the log, rebuilt
    except OSError as exc:
        raise folder_error(path.parent, exc) from exc
    sync_dir(path.parent)
    return Notice(
        f"A journal file beside your progress file ({log}) was not written for it: it "
        "came with files from another copy of the course, or from before a backup was "
        "put back. It was not used, so your progress is as this file kept it. The "
        f"journal is kept, with a copy of your progress file, as {target} and "
        f"{sidecars(target)[0]}.",
        (path, target, sidecars(target)[0]),
    )


def full_check(path: Path) -> list[str]:
    """Run SQLite's full ``integrity_check`` read-only; the problems it finds, if any.

    Slower than the check at open (it compares every index with its table),
    so it runs when asked: ``trd-course where --check``.

    Raises:
        StoreError: The file cannot be read.
    """
    require_regular(path)
    if not path.exists():
        raise file_error(path, FileNotFoundError(2, "no such file"))
    try:
        # Read-write, though it writes nothing: a read-only connection cannot
        # remove the -wal and -shm files it makes, and "where" leaves no trace.
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from exc
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        version = read_version(conn)
        missing = missing_parts(conn, min(version, SCHEMA_VERSION)) if version > 0 else []
    except sqlite3.Error as exc:
        if _is_damage(exc):
            return [str(exc)]
        raise _open_error(path, exc) from exc
    finally:
        conn.close()
    found = [str(row[0]) for row in rows if row != ("ok",)]
    return found + [f"missing: {part}" for part in missing]


def _recover(path: Path) -> None:
    """Let a read-write connection roll back a hot journal, then close it.

    Only a writer can undo a transaction that a crash left half-written in a
    rollback journal (the store falls back to one where WAL is unavailable);
    SQLite does that on first read.
    """
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            conn.execute("PRAGMA user_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if not _is_damage(exc):
            raise _open_error(path, exc) from exc


def _newer_error(path: Path, found: int) -> StoreError:
    return NewerStoreError(
        f"The progress file {path} was saved by a newer version of trd-course "
        f"(format {found}; this version reads up to {SCHEMA_VERSION}). It has "
        "been left exactly as it is. Update trd-course to continue, or use "
        "another folder with --data-dir.",
        path,
    )


def _open_error(path: Path, reason: object) -> StoreError:
    cause = unwritable_cause(path.parent)
    if cause is not None:
        return StoreError(
            f"Can't open the progress file {path}: {cause} ({reason}). Free some space "
            "or use a disk you can write to, then start again.",
            path,
        )
    return StoreError(
        f"Can't open the progress file {path} ({reason}). If another copy of the "
        "course is running, close it and try again; otherwise check that the "
        "file and its folder belong to you.",
        path,
    )


def _refuse_if_header_newer(path: Path, *, missing_ok: bool = False) -> None:
    """Refuse a newer file from its header alone, without opening SQLite.

    Args:
        missing_ok: Accept a missing file (before the lock, another copy may
            be between moving a damaged file aside and creating the new one).
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError as exc:
        if missing_ok:
            return
        raise file_error(path, exc) from exc
    except OSError as exc:
        raise file_error(path, exc) from exc
    if len(header) == 100 and header.startswith(_SQLITE_HEADER):
        version = int.from_bytes(header[60:64], "big", signed=True)
        if version > SCHEMA_VERSION:
            raise _newer_error(path, version)


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def _is_damage(exc: sqlite3.Error) -> bool:
    return _primary_code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _inspect(path: Path) -> _Problem | None:
    """Check the file through a read-only connection.

    Returns:
        None if the file is a healthy store of this or an older version;
        ``"damaged"``; ``"foreign"`` (someone else's database); or
        ``"needs recovery"`` (a hot rollback journal only a writer can undo).

    Raises:
        StoreError: The file is newer than this code, or cannot be read for a
            reason that is not damage (locked, permissions): those are never
            grounds to move a learner's file.
    """
    pragma = "integrity_check" if path.stat().st_size <= FULL_CHECK_LIMIT_BYTES else "quick_check"
    try:
        conn = sqlite3.connect(
            f"{path.as_uri()}?mode=ro",
            uri=True,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
        )
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from exc
    try:
        # One read transaction, so the version and the tables come from one
        # moment even if another running copy commits in between.
        conn.execute("BEGIN")
        version = read_version(conn)
        if version > SCHEMA_VERSION:
            raise _newer_error(path, version)
        if version < 0 or (version == 0 and has_tables(conn)):
            return "foreign"
        if conn.execute(f"PRAGMA {pragma}").fetchall() != [("ok",)]:
            return "damaged"
        if version > 0 and missing_parts(conn, version):
            return "damaged"
    except sqlite3.Error as exc:
        if _is_damage(exc):
            return "damaged"
        if getattr(exc, "sqlite_errorcode", None) == _SQLITE_READONLY_ROLLBACK:
            return _NEEDS_RECOVERY
        raise _open_error(path, exc) from exc
    finally:
        conn.close()
    return None


def _set_aside(path: Path, problem: _Problem) -> Notice:
    """Move a damaged or foreign file aside, start a fresh one, say where it went."""
    moved = move_aside(path, DAMAGED_LABEL)
    create_private_file(path)
    what = (
        "was damaged and could not be read"
        if problem == "damaged"
        else "was not a trd-course progress file"
    )
    return Notice(
        f"Your progress file {path} {what}, so it has been moved to {moved[0][1]} "
        "and the course starts fresh. Nothing was deleted: the moved file is "
        "kept in case it can be rescued.",
        (path, *(new for _, new in moved)),
    )


def _connect_read_write(path: Path) -> sqlite3.Connection:
    try:
        return connect(path)
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from exc
