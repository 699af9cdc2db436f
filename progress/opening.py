"""Opening the store: make private, refuse newer, move damage aside, migrate.

The order matters, and each step is the least intrusive one that can answer
its question:

1. Make the folder 0700 and the file 0600, creating the file ourselves so
   SQLite's ``-wal``/``-shm`` files inherit 0600 (see :mod:`progress.files`).
2. Read the 100-byte SQLite header with plain file I/O. If its
   ``user_version`` is newer than this code, refuse *before* SQLite touches
   the folder: even a read-only SQLite connection creates ``-wal`` and
   ``-shm`` files next to a WAL database.
3. Open a *read-only* connection to read the real version (a ``-wal`` left by
   a newer copy may hold a newer one) and to check integrity. Read-only, so
   a damaged file is never checkpointed or rewritten before it is moved
   aside: the moved copy holds exactly the bytes the learner had.
4. If SQLite reports the file corrupt or "not a database", or the check does
   not say ``ok``, or it is someone else's database, rename it and its
   sidecars to ``progress.db.damaged-<UTC time>`` (never delete) and start
   fresh, with a :class:`~progress.records.Notice` saying where it went.
5. Open the read-write connection and run the migrations.

Integrity check: the full ``PRAGMA integrity_check`` also catches an index
that disagrees with its table, which ``quick_check`` misses, and a learner's
file is small: measured 8 ms for 10,000 answers (a 1.9 MB file), inside the
50 ms budget for opening. It grows with the file, so above
``FULL_CHECK_LIMIT_BYTES`` (far beyond any real learner) the linear-time
``quick_check`` is used instead, keeping start-up fast.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from progress.errors import StoreError
from progress.files import (
    DAMAGED_LABEL,
    create_private_file,
    ensure_private_dir,
    file_error,
    move_aside,
    tighten_store_files,
)
from progress.records import Notice
from progress.schema import (
    SCHEMA_VERSION,
    NewerSchemaError,
    has_tables,
    migrate,
    read_version,
)
from progress.store import BUSY_TIMEOUT_SECONDS, Store, connect

FULL_CHECK_LIMIT_BYTES = 32 * 1024 * 1024
"""Files larger than this get ``quick_check`` instead of ``integrity_check``."""

_SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


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


def open_store(path: Path) -> OpenedStore:
    """Open (creating if needed) the progress database at ``path``.

    Args:
        path: The database file, normally ``database_path(resolve_data_dir(...))``.

    Raises:
        StoreError: The folder cannot be used, the file cannot be read, or the
            file was written by a newer version (it is then left untouched).
    """
    path = path.absolute()
    notices: list[Notice] = []
    if ensure_private_dir(path.parent):
        notices.append(
            Notice(
                f"Your progress folder {path.parent} could be opened by other "
                "people using this computer. It is now private to you.",
                (path.parent,),
            )
        )
    if not create_private_file(path) and tighten_store_files(path):
        notices.append(
            Notice(
                f"Your progress file {path} could be read by other people using "
                "this computer. It is now private to you.",
                (path,),
            )
        )
    _refuse_if_header_newer(path)
    problem = _inspect(path)
    if problem is not None:
        notices.append(_set_aside(path, problem))
        create_private_file(path)
    conn = _connect_read_write(path)
    try:
        migrate(conn)
    except NewerSchemaError as exc:  # another, newer copy got there first
        conn.close()
        raise _newer_error(path, exc.found) from exc
    except sqlite3.Error as exc:
        conn.close()
        raise _open_error(path, exc) from exc
    return OpenedStore(Store(conn, path), tuple(notices))


def _newer_error(path: Path, found: int) -> StoreError:
    return StoreError(
        f"The progress file {path} was saved by a newer version of trd-course "
        f"(format {found}; this version reads up to {SCHEMA_VERSION}). It has "
        "been left exactly as it is. Update trd-course to continue, or use "
        "another folder with --data-dir.",
        path,
    )


def _open_error(path: Path, exc: sqlite3.Error) -> StoreError:
    return StoreError(
        f"Can't open the progress file {path} ({exc}). If another copy of the "
        "course is running, close it and try again; otherwise check that the "
        "file and its folder belong to you.",
        path,
    )


def _refuse_if_header_newer(path: Path) -> None:
    """Refuse a newer file from its header alone, without opening SQLite."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise file_error(path, exc) from exc
    if len(header) == 100 and header.startswith(_SQLITE_HEADER):
        version = int.from_bytes(header[60:64], "big", signed=True)
        if version > SCHEMA_VERSION:
            raise _newer_error(path, version)


def _is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _inspect(path: Path) -> str | None:
    """Check the file through a read-only connection.

    Returns:
        None if the file is a healthy store of this or an older version;
        otherwise ``"damaged"`` or ``"foreign"`` (someone else's database).

    Raises:
        StoreError: The file is newer than this code, or cannot be read for a
            reason that is not damage (locked, permissions): those are never
            grounds to move a learner's file.
    """
    pragma = "integrity_check" if path.stat().st_size <= FULL_CHECK_LIMIT_BYTES else "quick_check"
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from exc
    try:
        version = read_version(conn)
        if version > SCHEMA_VERSION:
            raise _newer_error(path, version)
        if version < 0 or (version == 0 and has_tables(conn)):
            return "foreign"
        if conn.execute(f"PRAGMA {pragma}").fetchall() != [("ok",)]:
            return "damaged"
    except sqlite3.Error as exc:
        if _is_damage(exc):
            return "damaged"
        raise _open_error(path, exc) from exc
    finally:
        conn.close()
    return None


def _set_aside(path: Path, problem: str) -> Notice:
    moved = move_aside(path, DAMAGED_LABEL)
    new_path = moved[0][1]
    what = (
        "was damaged and could not be read"
        if problem == "damaged"
        else "was not a trd-course progress file"
    )
    return Notice(
        f"Your progress file {path} {what}, so it has been moved to {new_path} "
        "and the course starts fresh. Nothing was deleted: the moved file is "
        "kept in case it can be rescued.",
        (path, *(new for _, new in moved)),
    )


def _connect_read_write(path: Path) -> sqlite3.Connection:
    try:
        return connect(path)
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from exc
