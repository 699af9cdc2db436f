"""Requirement 2: durable settings, one immediate transaction per write, real resets."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from progress import Store, StoreBusy, StoreError, database_path, open_store

MARKER = "ZQXJ-private-marker-7731"


def _store(tmp_path: Path) -> Store:
    return open_store(database_path(tmp_path / "data")).store


def _connection(store: Store) -> sqlite3.Connection:
    conn = store._conn
    assert conn is not None
    return conn


def test_connection_settings(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        conn = _connection(store)
        assert conn.execute("PRAGMA secure_delete").fetchone() == (1,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone() == (100,)  # then StoreBusy
        assert conn.isolation_level is None


def test_every_write_is_its_own_immediate_transaction(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        statements: list[str] = []
        _connection(store).set_trace_callback(statements.append)
        store.record_answer("l1", "q1", ["a"], True)
        store.save_reflection("l1", "r1", "text")
        store.tick("l1", "p1", "walk")
        verbs = [s.split()[0].upper() for s in statements]
        assert verbs == ["BEGIN", "INSERT", "COMMIT"] * 3
        assert statements[0] == "BEGIN IMMEDIATE"


def test_a_write_waits_for_another_writer_when_asked_to(tmp_path: Path) -> None:
    """A command-line tool may wait for the lock; the app's writes never do (next test)."""
    with _store(tmp_path) as store:
        store.set_busy_timeout(10)
        other = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
        started = time.monotonic()
        release.start()
        try:
            store.record_answer("l1", "q1", ["a"], True)
        finally:
            release.join()
            other.close()
        assert time.monotonic() - started >= 0.25
        assert len(store.attempts("l1")) == 1


def test_a_busy_store_says_so_within_a_moment_and_changes_nothing(tmp_path: Path) -> None:
    """Another program holding the write lock must never freeze the app (F1 included)."""
    with _store(tmp_path) as store:
        other = sqlite3.connect(store.path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        try:
            started = time.monotonic()
            with pytest.raises(StoreBusy) as caught:
                store.save_reflection("l1", "r1", "typed while another program wrote")
            waited = time.monotonic() - started
            assert store.reflection("l1", "r1") is None, "nothing half-written"
        finally:
            other.execute("COMMIT")
            other.close()
        assert waited < 1.0, f"the write blocked for {waited:.2f} s"
        assert isinstance(caught.value, StoreError) and str(store.path) in str(caught.value)
        store.save_reflection("l1", "r1", "typed while another program wrote")  # the retry
        reflection = store.reflection("l1", "r1")
        assert reflection is not None and reflection.text == "typed while another program wrote"


def _files_holding(folder: Path, needle: bytes) -> set[str]:
    return {p.name for p in folder.iterdir() if needle in p.read_bytes()}


def _write_marker_history(store: Store, lesson_id: str, marker: str) -> None:
    for n in range(6):  # edits of growing and shrinking size, one spilling over
        body = f"{marker} draft {n} " + ("long " * 900 if n == 3 else "")
        store.save_reflection(lesson_id, "r1", body)
    store.add_plan_item(lesson_id, "p1", f"{marker} plan item")
    store.record_answer(lesson_id, "q1", [f"{marker}-choice"], False)


@pytest.mark.parametrize("scope", ["all", "lesson"])
def test_reset_leaves_no_trace_outside_the_backup(tmp_path: Path, scope: str) -> None:
    data_dir = tmp_path / "data"
    store = open_store(database_path(data_dir)).store
    _write_marker_history(store, "gone", MARKER)
    store.save_reflection("kept", "r1", "this lesson stays")
    needle = MARKER.encode()
    assert _files_holding(data_dir, needle)  # the marker really was written

    backup = store.make_backup()
    wiped = store.reset_all() if scope == "all" else store.reset_lesson("gone")

    assert wiped is True
    assert _files_holding(data_dir, needle) == {backup.name}
    assert Path(f"{store.path}-wal").stat().st_size == 0
    assert store.reflection("gone", "r1") is None
    kept = store.reflection("kept", "r1")
    assert (kept is not None) == (scope == "lesson")
    store.close()
    restored = sqlite3.connect(backup)
    (text,) = restored.execute("SELECT text FROM reflection WHERE lesson_id = 'gone'").fetchone()
    restored.close()
    assert text.startswith(f"{MARKER} draft 5")


def test_reset_all_keeps_settings_and_clears_the_rest(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        store.set_setting("theme", "calm")
        store.acknowledge_first_run()
        store.set_position("l1", "s1")
        store.mark_completed("l1")
        store.tick("l1", "p1", "walk")
        store.reset_all()
        snap = store.snapshot()
        assert snap.settings == {"theme": "calm"}
        assert snap.position is None
        assert snap.first_run_acknowledged_at is None
        assert (snap.lessons, snap.attempts, snap.reflections, snap.plans) == (
            (),
            (),
            (),
            (),
        )
