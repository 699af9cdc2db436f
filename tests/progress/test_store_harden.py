"""The store's smaller failure modes: missing tables, modes, parents, read-only media."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from progress import SCHEMA_VERSION, StoreError, database_path, open_store
from progress.schema import expected_columns


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def test_the_expected_tables_come_from_the_migrations_themselves() -> None:
    expected = expected_columns()
    assert {"reflection", "quiz_attempt", "app_state"} <= expected.keys()
    assert "text" in expected["reflection"]
    assert expected_columns(SCHEMA_VERSION - 1).keys() <= expected.keys()


@pytest.mark.parametrize(
    "damage",
    ["DROP TABLE plan_tick", "ALTER TABLE reflection DROP COLUMN updated_at"],
    ids=["table", "column"],
)
def test_a_store_missing_a_table_or_column_is_moved_aside_with_a_notice(
    tmp_path: Path, damage: str
) -> None:
    db = database_path(tmp_path / "data")
    with open_store(db).store as store:
        store.save_reflection("l", "r", "words")
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute(damage)
    raw.close()
    original = db.read_bytes()
    opened = open_store(db)
    with opened.store as store:
        store.tick("l", "p", "i")  # the fresh store has every table
        assert store.reflection("l", "r") is None
    [notice] = opened.notices
    assert "moved to" in notice.message
    moved = [p for p in db.parent.iterdir() if p.name.startswith("progress.db.damaged-")]
    assert [p.read_bytes() for p in moved if not p.name.endswith(("-wal", "-shm"))] == [original]


def test_parent_folders_are_private_whatever_the_umask(tmp_path: Path) -> None:
    with _umask(0):
        db = database_path(tmp_path / "a" / "b" / "data")
        open_store(db).store.close()
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "data"):
        assert _mode(folder) == 0o700, folder
    assert _mode(db) == 0o600


@pytest.mark.parametrize(("folder_mode", "file_mode"), [(0o500, 0o400), (0o700, 0o400)])
def test_a_stricter_mode_chosen_by_the_learner_is_kept(
    tmp_path: Path, folder_mode: int, file_mode: int
) -> None:
    db = database_path(tmp_path / "data")
    open_store(db).store.close()
    db.chmod(file_mode)
    db.parent.chmod(folder_mode)
    try:
        # A read-only folder may refuse opening (not as root): the mode is the point.
        with contextlib.suppress(StoreError):
            open_store(db).store.close()
        assert (_mode(db.parent), _mode(db)) == (folder_mode, file_mode)
    finally:
        db.parent.chmod(0o700)


def test_looser_modes_are_tightened(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    open_store(db).store.close()
    db.parent.chmod(0o755)
    db.chmod(0o664)
    opened = open_store(db)
    opened.store.close()
    assert (_mode(db.parent), _mode(db)) == (0o700, 0o600)
    assert len(opened.notices) == 2
