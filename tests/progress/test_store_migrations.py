"""Requirement 3: user_version, ordered migrations, and newer files left alone."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from progress import SCHEMA_VERSION, StoreError, database_path, open_store
from progress.schema import MIGRATIONS, Migration, migrate, read_version

TABLES = {
    "app_state",
    "lesson",
    "plan_own_item",
    "plan_tick",
    "position",
    "quiz_attempt",
    "reflection",
    "setting",
}


def _tables(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    finally:
        conn.close()
    return {name for (name,) in rows}


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_migrations_are_ordered_and_versioned() -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 1


def test_empty_file_is_version_0_and_migrates(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    db.parent.mkdir(mode=0o700)
    db.touch(mode=0o600)  # version 0: what a first run leaves before SQLite
    opened = open_store(db)
    opened.store.record_answer("l1", "q1", ["a"], True)
    opened.store.close()
    assert opened.notices == ()
    assert _tables(db) >= TABLES
    conn = sqlite3.connect(db)
    assert read_version(conn) == SCHEMA_VERSION
    conn.close()


def test_empty_sqlite_database_at_version_0_migrates(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    db.parent.mkdir(mode=0o700)
    fixture = sqlite3.connect(db)
    fixture.executescript("CREATE TABLE scratch (a); DROP TABLE scratch;")
    fixture.close()
    assert db.stat().st_size > 0
    with open_store(db).store as store:
        assert store.snapshot().attempts == ()
    assert _tables(db) >= TABLES


def test_migrate_applies_only_the_missing_steps_in_order(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    applied: list[int] = []

    def step(n: int) -> Migration:
        def run(c: sqlite3.Connection) -> None:
            applied.append(n)
            c.execute(f"CREATE TABLE t{n} (a)")

        return run

    assert migrate(conn, [step(0)]) == 0
    conn.execute("INSERT INTO t0 VALUES ('kept')")
    assert migrate(conn, [step(0), step(1), step(2)]) == 1
    assert applied == [0, 1, 2]
    assert read_version(conn) == 3
    assert conn.execute("SELECT a FROM t0").fetchall() == [("kept",)]
    conn.close()


def test_a_failing_step_leaves_the_previous_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)

    def good(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE t0 (a)")

    def bad(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE t1 (a)")
        raise RuntimeError("step failed")

    with pytest.raises(RuntimeError):
        migrate(conn, [good, bad])
    assert read_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
    assert tables == {"t0"}
    conn.close()


def _newer_database(db: Path) -> None:
    db.parent.mkdir(mode=0o700, exist_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")  # like a real store from the future
    conn.execute("CREATE TABLE from_the_future (a)")
    conn.execute("INSERT INTO from_the_future VALUES ('precious')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


def test_newer_database_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    _newer_database(db)
    before = _listing(db.parent)
    assert list(before) == ["progress.db"]

    with pytest.raises(StoreError) as caught:
        open_store(db)

    assert _listing(db.parent) == before  # no -wal, no -shm, same bytes
    message = str(caught.value)
    assert str(db) in message
    assert "newer version" in message and "left exactly as it is" in message
    assert caught.value.path == db


def test_newer_version_only_in_the_wal_is_refused_too(tmp_path: Path) -> None:
    """A newer copy crashed before checkpointing: the header still says 1."""
    live = tmp_path / "live" / "progress.db"
    with open_store(live).store as store:
        conn = store._conn
        assert conn is not None
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        db = database_path(tmp_path / "data")
        db.parent.mkdir(mode=0o700)
        for suffix in ("", "-wal"):  # the files as a crash would leave them
            shutil.copy(f"{live}{suffix}", f"{db}{suffix}")
    header_version = int.from_bytes(db.read_bytes()[60:64], "big")
    assert header_version <= SCHEMA_VERSION
    db_bytes, wal_bytes = db.read_bytes(), Path(f"{db}-wal").read_bytes()

    with pytest.raises(StoreError, match="newer version"):
        open_store(db)

    assert db.read_bytes() == db_bytes
    assert Path(f"{db}-wal").read_bytes() == wal_bytes
