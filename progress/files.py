"""The store's files on disk: private permissions, moving aside, forgetting.

Reflections are private writing, so the folder is 0700 and every file 0600,
and both are tightened when they already exist with looser modes (an older
tool, a copy from a backup, a generous umask). The database file is created
here with ``os.open(..., 0o600)`` *before* SQLite sees it, because SQLite
gives its ``-wal`` and ``-shm`` files the same mode as the database file: so
they are private whatever the umask.

A store is one database file plus the files SQLite keeps beside it, its
opening lock (:mod:`progress.locking`), and the backups and damaged copies
this package writes. They all share the
``progress.db`` prefix, and :func:`store_files` finds them by name, so
``forget`` can delete exactly what belongs to the course and nothing else.
"""

from __future__ import annotations

import os
import stat
import sys
from datetime import datetime
from pathlib import Path

from progress.errors import StoreError
from progress.location import database_path
from progress.timestamps import file_stamp

if sys.platform != "win32":
    import fcntl

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600

SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
"""Files SQLite may keep next to a database, named ``<database><suffix>``."""

LOCK_SUFFIX = ".lock"
"""``progress.db.lock``: held while a copy of the course opens the store."""

IN_USE_SUFFIX = ".in-use"
"""``progress.db.in-use``: held by the running app for its lifetime (:mod:`progress.holding`)."""

WAL_ID_SUFFIX = ".wal-id"
"""``progress.db.wal-id``: which ``-wal`` belongs to the store (:mod:`progress.wal`)."""

BACKUP_LABEL = "backup"
DAMAGED_LABEL = "damaged"

_POSIX = os.name == "posix"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _tighten(path: Path, mode: int, *, exact: bool = False) -> bool:
    """Take away every permission ``mode`` does not grant; never add one.

    A learner who made their file read-only (0400) or their folder 0500 keeps
    that choice: only the bits that let other people in are removed.

    Args:
        exact: Set exactly ``mode``: for a file or folder this call's caller
            has just made (whose mode is only what the umask left).

    Returns:
        True if other users could reach it before (group or other bits set):
        the case worth telling the learner about.
    """
    if not _POSIX:
        return False
    old = _mode(path)
    new = mode if exact else old & mode
    if old != new:
        os.chmod(path, new)
    return bool(old & 0o077)


def refuse_symlink(path: Path) -> None:
    """Refuse a symbolic link where the store keeps one of its own files.

    The course never follows links in the data folder: following one made it
    chmod the link's target, and ``forget`` then deleted only the link and left
    the learner's writing where it pointed. A link to the folder itself is
    fine (a learner may keep it on another drive); links inside it are not.

    Raises:
        StoreError: ``path`` is a symbolic link, dangling or not.
    """
    if not path.is_symlink():
        return
    try:
        target = os.readlink(path)
    except OSError:
        target = "somewhere else"
    raise StoreError(
        f"{path} is a symbolic link (to {target}), and the course keeps its progress "
        "only in real files, never following links. Replace the link with the file "
        "itself, or point --data-dir at the folder the file is in.",
        path,
    )


def not_regular_error(path: Path) -> StoreError:
    """Explain a FIFO, device, socket or folder where a file of the store should be."""
    return StoreError(
        f"{path} is not a regular file (it may be a pipe, a device or a folder), so "
        "the course will not open it. Move it out of the progress folder and try again.",
        path,
    )


def require_regular(path: Path) -> None:
    """Refuse ``path`` unless it is missing or a regular file (links refused too).

    Checked before anything opens it: opening a FIFO blocks until someone
    writes to it, which hung the app and ``export``.

    Raises:
        StoreError: ``path`` is a symbolic link or not a regular file.
    """
    refuse_symlink(path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise file_error(path, exc) from exc
    if not stat.S_ISREG(info.st_mode):
        raise not_regular_error(path)


_LOW_SPACE_BYTES = 256 * 1024
"""Less free space than this counts as a full disk (SQLite needs room for its journal)."""


def unwritable_cause(folder: Path) -> str | None:
    """Why nothing can be written in ``folder``, in words, or None if it looks writable.

    Asked of the disk itself, so a message names the real cause (a full or
    read-only disk) rather than guessing at another copy of the course.
    """
    current = folder
    while not current.exists() and current != current.parent:
        current = current.parent
    try:
        info = os.statvfs(current)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return None
    if info.f_flag & getattr(os, "ST_RDONLY", 1):
        return "the disk it is on is read-only"
    if info.f_bavail * info.f_frsize < _LOW_SPACE_BYTES:
        return "the disk it is on is full"
    if _POSIX and not os.access(current, os.W_OK):
        return "you do not have permission to write there"
    return None


def folder_error(folder: Path, exc: OSError) -> StoreError:
    """Explain a folder that cannot be created or made private."""
    reason = exc.strerror or str(exc)
    cause = unwritable_cause(folder)
    if cause is not None:
        return StoreError(
            f"Can't use the progress folder {folder}: {cause} ({reason}). Free some "
            "space or use a disk you can write to, or choose another folder with "
            "--data-dir or the TRD_COURSE_DATA_DIR environment variable.",
            folder,
        )
    return StoreError(
        f"Can't use the progress folder {folder} ({reason}). Check that you can "
        "write there, or choose another folder with --data-dir or the "
        "TRD_COURSE_DATA_DIR environment variable.",
        folder,
    )


def file_error(path: Path, exc: OSError) -> StoreError:
    """Explain a progress file that cannot be opened or read."""
    reason = exc.strerror or str(exc)
    return StoreError(
        f"Can't read the progress file {path} ({reason}). Check that the file "
        "belongs to you and can be read, or choose another folder with "
        "--data-dir or the TRD_COURSE_DATA_DIR environment variable.",
        path,
    )


def ensure_private_dir(folder: Path) -> bool:
    """Create ``folder`` (and parents) if needed and make it 0700.

    Returns:
        True if the folder already existed and other users could open it.

    Raises:
        StoreError: The folder cannot be created or its mode cannot be set.
    """
    try:
        _make_parents(folder.parent)
        folder.mkdir(mode=PRIVATE_DIR_MODE)
    except FileExistsError as exc:  # already there, perhaps made by another copy
        if not folder.is_dir():  # a file where the folder should be
            raise folder_error(folder, exc) from exc
    except OSError as exc:
        raise folder_error(folder, exc) from exc
    else:
        _tighten(folder, PRIVATE_DIR_MODE, exact=True)  # mkdir's mode is masked by the umask
        return False
    try:
        return _tighten(folder, PRIVATE_DIR_MODE)
    except OSError as exc:
        raise folder_error(folder, exc) from exc


def _make_parents(folder: Path) -> None:
    """Create missing parent folders 0700, whatever the umask.

    ``Path.mkdir(parents=True)`` makes parents with the umask's mode: 0777
    under umask 000, so anyone could have planted files beside the store.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for parent in reversed(missing):
        try:
            parent.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            continue
        _tighten(parent, PRIVATE_DIR_MODE, exact=True)


def create_private_file(path: Path) -> bool:
    """Create an empty 0600 file at ``path`` unless something is already there.

    Returns:
        True if this call created the file.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    except OSError as exc:
        raise folder_error(path.parent, exc) from exc
    try:
        if _POSIX:
            os.fchmod(fd, PRIVATE_FILE_MODE)  # a umask like 0o277 would drop 0o200
            os.fsync(fd)
    finally:
        os.close(fd)
    sync_dir(path.parent)
    return True


def tighten_store_files(db_path: Path) -> bool:
    """Make the database and its sidecar files 0600 if they exist.

    Returns:
        True if other users could read or write any of them before.
    """
    changed = False
    for path in (db_path, *sidecars(db_path)):
        try:
            changed = _tighten(path, PRIVATE_FILE_MODE) or changed
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise file_error(path, exc) from exc
    return changed


def sync_dir(folder: Path) -> None:
    """Flush a folder's entries to disk so a new or renamed file survives a crash."""
    if not _POSIX:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sidecars(db_path: Path) -> tuple[Path, ...]:
    """The paths SQLite may use next to ``db_path`` (existing or not)."""
    return tuple(db_path.with_name(db_path.name + s) for s in SIDECAR_SUFFIXES)


def labelled_path(db_path: Path, label: str, moment: datetime | None = None) -> Path:
    """Return a free ``<db>.<label>-<UTC stamp>`` path next to ``db_path``.

    A counter is appended (``-2``, ``-3``...) if the same second is taken, so
    two backups or damaged copies never overwrite each other. "Free" means
    neither the file nor any of its sidecars exists.
    """
    base = f"{db_path.name}.{label}-{file_stamp(moment)}"
    candidate = db_path.with_name(base)
    counter = 1
    while any(p.exists() or p.is_symlink() for p in (candidate, *sidecars(candidate))):
        counter += 1
        candidate = db_path.with_name(f"{base}-{counter}")
    return candidate


def move_aside(db_path: Path, label: str = DAMAGED_LABEL) -> list[tuple[Path, Path]]:
    """Rename the database and its sidecars to ``<db>.<label>-<stamp>[suffix]``.

    The sidecars keep their suffix, so SQLite still finds the ``-wal`` when
    someone opens the moved copy to rescue what is in it. Nothing is deleted.

    Returns:
        ``(old, new)`` pairs for each file that was moved, database first.
    """
    target = labelled_path(db_path, label)
    moved: list[tuple[Path, Path]] = []
    pairs = [(db_path, target), *zip(sidecars(db_path), sidecars(target), strict=True)]
    for old, new in pairs:
        if not old.exists():
            continue
        try:
            os.rename(old, new)
        except OSError as exc:
            raise folder_error(db_path.parent, exc) from exc
        moved.append((old, new))
    sync_dir(db_path.parent)
    return moved


def store_files(data_dir: Path) -> list[Path]:
    """Every file in ``data_dir`` that belongs to the progress store.

    That is ``progress.db``, its ``-wal``/``-shm``/``-journal`` files, its
    ``.lock`` file, and every backup and damaged copy (with their own
    sidecars), sorted by name. Other files in the folder (an author's lessons,
    say) are never listed.
    """
    db_path = database_path(data_dir)
    name = db_path.name
    own = {
        name,
        name + LOCK_SUFFIX,
        name + IN_USE_SUFFIX,
        name + WAL_ID_SUFFIX,
        *(name + s for s in SIDECAR_SUFFIXES),
    }
    prefixes = (f"{name}.{BACKUP_LABEL}-", f"{name}.{DAMAGED_LABEL}-")
    try:
        entries = list(os.scandir(db_path.parent))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise folder_error(db_path.parent, exc) from exc
    found = [
        Path(entry.path)
        for entry in entries
        if (entry.name in own or entry.name.startswith(prefixes))
        and not entry.is_dir(follow_symlinks=False)
    ]
    return sorted(found)


def forget(data_dir: Path) -> list[Path]:
    """Delete every file :func:`store_files` lists, then the folder if empty.

    For a ``forget`` command: the learner asked for everything the course kept
    about them to go. Close any open :class:`~progress.store.Store` first.
    Files are unlinked, not overwritten: on SSDs and copy-on-write file systems
    overwriting gives no real guarantee, so we do not pretend it does.

    Returns:
        The paths deleted, files first and then ``data_dir`` itself if it was
        left empty and removed.

    Raises:
        StoreError: A file or the folder could not be deleted; files deleted
            before the failure stay deleted.
    """
    deleted: list[Path] = []
    for path in store_files(data_dir):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise folder_error(data_dir, exc) from exc
        deleted.append(path)
    try:
        data_dir.rmdir()
    except OSError:
        pass  # not empty (the learner keeps other things there) or already gone
    else:
        deleted.append(data_dir)
    return deleted


def lock_is_held(path: Path, *, shared_holders: bool) -> bool:
    """Whether another open file holds a ``flock`` on ``path`` right now.

    Probes without waiting and without following links or blocking on a FIFO;
    a file that is missing or not regular is held by nobody. With
    ``shared_holders`` the probe asks for an exclusive lock, so even shared
    holders count; otherwise a shared probe finds only an exclusive holder.
    The probe's own lock goes with its descriptor. Always False on Windows.
    """
    if sys.platform == "win32":
        return False
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        fcntl.flock(fd, (fcntl.LOCK_EX if shared_holders else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False
