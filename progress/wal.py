"""Which ``-wal`` file belongs to the store, and what one holds before SQLite reads it.

SQLite applies whatever ``progress.db-wal`` lies beside the database when it
opens it: a ``-wal`` copied in with another learner's store, or left from
before a backup was copied over ``progress.db``, silently replaced the
learner's text. SQLite's WAL header has no link to its database, so the store
keeps one itself, in ``progress.db.wal-id`` (one line, rewritten in place and
fsynced):

- ``salts S1 S2`` after every write that finds the ``-wal`` header changed: the
  header's two salts. SQLite increments salt-1 each time it restarts the log
  from the top (after a checkpoint), so a ``-wal`` whose salt-1 is one more
  than the recorded one is the next generation of this store's own log, even
  if the process was killed before it could record the new salts.
- ``fresh DEV INO SIZE MTIME`` at open when there is no ``-wal`` yet: a new
  log starts with random salts, so until its first write is recorded, a
  ``-wal`` is accepted only while the database file is the one recorded then
  (the log cannot have been checkpointed into it yet).
- ``clean`` when the last connection closed and the ``-wal`` is gone: any
  ``-wal`` found next is not this store's.

A store without the file (made by an older version) accepts its ``-wal``.

The record alone cannot judge a log that another open store is writing this
moment: between one copy's write restarting the log and its recording the new
salts, a second restart by another copy (or a checkpoint changing the
database's stamp) makes a live log look foreign, and moving it aside would
lose those copies' writes. So every open store keeps a shared ``flock`` on
the record file for as long as it is open, and a log is only ever judged when
no other store holds it (:func:`log_in_use`). A ``flock`` belongs to the open
file, not the process, so a second store in the same process counts too; and
the kernel drops it when its holder dies, so a crashed copy's log is judged.
The chosen rule is the first of the issue's two: the salts are compared with
a record this course keeps, rather than with the database header (which says
nothing about the log in WAL mode).

The same reading of the log answers one more question before SQLite is
allowed to create ``-shm`` and lock files: is the newest committed copy of
page 1 (the database header) from a newer version of the course?
"""

from __future__ import annotations

import os
import stat
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from progress.files import PRIVATE_FILE_MODE, WAL_ID_SUFFIX, lock_is_held

if sys.platform != "win32":
    import fcntl

_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32
_FRAME_HEADER = 24
_USER_VERSION_OFFSET = 60
_MAX_LINE = 128


def wal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-wal")


def wal_id_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + WAL_ID_SUFFIX)


@dataclass(frozen=True)
class LogHeader:
    """The parts of a ``-wal`` header this module reads."""

    page_size: int
    salt1: int
    salt2: int


def _open_regular(path: Path, flags: int) -> int | None:
    """Open ``path`` without following links or blocking; None unless a regular file."""
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, PRIVATE_FILE_MODE)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
    except OSError:
        os.close(fd)
        return None
    return fd


def _read_start(path: Path, size: int) -> bytes | None:
    """The first ``size`` bytes of a regular file, or None if it cannot be read."""
    fd = _open_regular(path, os.O_RDONLY)
    if fd is None:
        return None
    try:
        return os.pread(fd, size, 0)
    except OSError:
        return None
    finally:
        os.close(fd)


def read_header(db_path: Path) -> LogHeader | None:
    """The ``-wal`` header, or None when there is no log with frames' header."""
    raw = _read_start(wal_path(db_path), _WAL_HEADER)
    return None if raw is None else _parse_header(raw)


def _parse_header(raw: bytes) -> LogHeader | None:
    if len(raw) < _WAL_HEADER:
        return None
    magic, _version, page_size, _seq, salt1, salt2 = struct.unpack_from(">6I", raw)
    if magic not in _WAL_MAGIC or page_size < 512 or page_size & (page_size - 1):
        return None
    return LogHeader(page_size, salt1, salt2)


def newest_user_version(db_path: Path) -> int | None:
    """``user_version`` in the newest committed page 1 of the ``-wal``, if any.

    Frames are read up to the last commit frame that carries the header's
    salts; a frame with other salts is left over from an earlier generation of
    the log and ends the search, as it ends SQLite's.
    """
    fd = _open_regular(wal_path(db_path), os.O_RDONLY)
    if fd is None:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    header = _parse_header(data)
    if header is None:
        return None
    size = header.page_size
    offset = _WAL_HEADER
    newest: int | None = None
    pending: int | None = None
    while offset + _FRAME_HEADER + size <= len(data):
        page, commit, salt1, salt2 = struct.unpack_from(">4I", data, offset)
        if (salt1, salt2) != (header.salt1, header.salt2):
            break
        if page == 1:
            start = offset + _FRAME_HEADER + _USER_VERSION_OFFSET
            pending = struct.unpack_from(">i", data, start)[0]
        if commit and pending is not None:
            newest = pending
        offset += _FRAME_HEADER + size
    return newest


def _stamp(db_path: Path) -> str | None:
    try:
        info = db_path.stat()
    except OSError:
        return None
    return f"{info.st_dev} {info.st_ino} {info.st_size} {info.st_mtime_ns}"


def _read_record(db_path: Path) -> str | None:
    raw = _read_start(wal_id_path(db_path), _MAX_LINE)
    if raw is None:
        return None
    line = raw.split(b"\n", 1)[0].decode("ascii", "replace").strip()
    return line or None


def _write_record(db_path: Path, line: str) -> None:
    """Rewrite the record in place and fsync it; failing costs only the check."""
    fd = _open_regular(wal_id_path(db_path), os.O_RDWR | os.O_CREAT)
    if fd is None:
        return
    try:
        data = (line + "\n").encode("ascii")
        os.pwrite(fd, data, 0)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def belongs(db_path: Path) -> bool:
    """Whether the ``-wal`` beside ``db_path`` (if any) is this store's own log."""
    header = read_header(db_path)
    if header is None:
        return True  # no log, or an empty one: nothing to apply
    record = _read_record(db_path)
    if record is None:
        return True  # a store from before this check: trust it, as before
    kind, _, rest = record.partition(" ")
    if kind == "salts":
        try:
            salt1, salt2 = (int(part) for part in rest.split())
        except ValueError:
            return True
        if (header.salt1, header.salt2) == (salt1, salt2):
            return True
        return header.salt1 == (salt1 + 1) & 0xFFFFFFFF
    if kind == "fresh":
        return rest == _stamp(db_path)
    return False  # "clean": closed with no log, so this one came from elsewhere


def mark_fresh(db_path: Path) -> None:
    """Before the first write into a new log: remember which database it will serve."""
    if read_header(db_path) is not None:
        return
    stamp = _stamp(db_path)
    if stamp is not None:
        _write_record(db_path, f"fresh {stamp}")


def mark_clean(db_path: Path) -> None:
    """After the last connection closed: no ``-wal`` is this store's any more."""
    if not os.path.lexists(wal_path(db_path)):
        _write_record(db_path, "clean")


def log_in_use(db_path: Path) -> bool:
    """Whether another open store (in any process, this one included) keeps the log.

    Call it with the opening lock held, so that no store can open meanwhile.
    """
    return lock_is_held(wal_id_path(db_path), shared_holders=True)


def _keep(db_path: Path) -> int | None:
    """A shared lock on the record file, held while the store is open."""
    if sys.platform == "win32":
        return None
    fd = _open_regular(wal_id_path(db_path), os.O_RDWR | os.O_CREAT)
    if fd is None:
        fd = _open_regular(wal_id_path(db_path), os.O_RDONLY)  # a read-only disk
    if fd is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


class LogWatch:
    """Records the ``-wal`` salts after each write, rewriting only when they change,
    and keeps the log marked as in use (:func:`log_in_use`) until :meth:`release`."""

    def __init__(self, db_path: Path) -> None:
        self._db_path = db_path
        self._known: tuple[int, int] | None = None
        self._kept = _keep(db_path)

    def release(self) -> None:
        """The store has closed: its log may be judged again; safe to call twice."""
        if self._kept is not None:
            os.close(self._kept)
            self._kept = None

    def after_write(self) -> None:
        header = read_header(self._db_path)
        if header is None:
            return
        salts = (header.salt1, header.salt2)
        if salts != self._known:
            _write_record(self._db_path, f"salts {salts[0]} {salts[1]}")
            self._known = salts
