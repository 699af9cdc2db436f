"""Requirement 4: a damaged file is moved aside (never deleted) and the course starts fresh."""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from progress import Store, StoreError, database_path, open_store
from progress.files import labelled_path
from progress.opening import _refuse_if_header_newer

STAMPED = re.compile(r"^progress\.db\.damaged-\d{8}T\d{6}Z$")


def _filled_store(db: Path, answers: int = 300) -> None:
    with open_store(db).store as store:
        for n in range(answers):
            store.record_answer(f"lesson-{n % 5}", f"q{n % 7}", ["a", "b"], n % 2 == 0)
        store.save_reflection("lesson-0", "r1", "words " * 2000)


def _open_damaged(db: Path) -> tuple[Store, str, Path]:
    """Open a damaged store; return it, the notice text and the moved copy."""
    opened = open_store(db)
    # A file written by the test may also get the "now private" notice.
    (notice,) = [n for n in opened.notices if "moved to" in n.message]
    moved = [p for p in db.parent.iterdir() if STAMPED.match(p.name)]
    assert len(moved) == 1
    return opened.store, notice.message, moved[0]


def _assert_fresh_and_usable(store: Store) -> None:
    snap = store.snapshot()
    assert snap.attempts == () and snap.reflections == ()
    store.record_answer("l1", "q1", ["a"], True)
    assert len(store.attempts()) == 1
    store.close()


def test_random_bytes_are_moved_aside_exactly(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    db.parent.mkdir(mode=0o700)
    original = random.Random(4).randbytes(8192)
    db.write_bytes(original)

    store, message, moved = _open_damaged(db)

    assert moved.read_bytes() == original
    assert str(db) in message and str(moved) in message
    assert "Nothing was deleted" in message
    _assert_fresh_and_usable(store)


@pytest.mark.parametrize("keep", [50, 4096, 0.5])
def test_truncated_database_is_moved_aside_exactly(tmp_path: Path, keep: float) -> None:
    db = database_path(tmp_path / "data")
    _filled_store(db)
    size = db.stat().st_size
    assert size > 3 * 4096  # a real, multi-page store
    with db.open("r+b") as handle:
        handle.truncate(int(size * keep) if keep < 1 else int(keep))
    original = db.read_bytes()

    store, message, moved = _open_damaged(db)

    assert moved.read_bytes() == original
    assert str(db) in message and str(moved) in message
    _assert_fresh_and_usable(store)


def _corrupt_index(db: Path) -> None:
    """Change one key inside the answers index so it disagrees with the table."""
    conn = sqlite3.connect(db)
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'quiz_attempt_by_question'"
    ).fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    start = (root - 1) * page_size
    page = data[start : start + page_size]
    at = page.index(b"lesson-3")
    data[start + at + len("lesson-")] = ord("9")
    db.write_bytes(bytes(data))


def test_file_failing_integrity_check_is_moved_aside(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    _filled_store(db, answers=40)
    _corrupt_index(db)
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    check.execute("SELECT count(*) FROM quiz_attempt").fetchone()  # still opens
    check.close()
    original = db.read_bytes()

    store, message, moved = _open_damaged(db)

    assert moved.read_bytes() == original
    assert str(moved) in message
    _assert_fresh_and_usable(store)


def test_wal_and_shm_move_with_the_damaged_file(tmp_path: Path) -> None:
    live = database_path(tmp_path / "live")
    _filled_store(live, answers=20)  # closed: everything is in the main file
    db = database_path(tmp_path / "data")
    db.parent.mkdir(mode=0o700)
    with open_store(live).store as store:
        store.record_answer("l1", "q1", ["a"], True)  # only in the -wal
        for suffix in ("", "-wal", "-shm"):  # as a crash would leave them
            shutil.copy(f"{live}{suffix}", f"{db}{suffix}")
    db.write_bytes(random.Random(7).randbytes(db.stat().st_size))
    original = db.read_bytes()
    wal_bytes = Path(f"{db}-wal").read_bytes()
    assert len(wal_bytes) > 0

    store, message, moved = _open_damaged(db)

    assert moved.read_bytes() == original
    assert Path(f"{moved}-wal").read_bytes() == wal_bytes
    assert Path(f"{moved}-shm").exists()
    assert str(db) in message and str(moved) in message
    _assert_fresh_and_usable(store)


def test_someone_elses_database_is_moved_aside_not_mixed_into(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    db.parent.mkdir(mode=0o700)
    other = sqlite3.connect(db)
    other.executescript("CREATE TABLE invoices (total); INSERT INTO invoices VALUES (9);")
    other.close()
    original = db.read_bytes()

    store, message, moved = _open_damaged(db)

    assert moved.read_bytes() == original
    assert "not a trd-course progress file" in message
    _assert_fresh_and_usable(store)


def test_two_damaged_copies_in_one_second_never_overwrite(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    db.parent.mkdir(mode=0o700)
    first = labelled_path(db, "damaged")
    first.write_bytes(b"older")
    second = labelled_path(db, "damaged")
    assert second != first and second.name.startswith(first.name)


def test_folder_that_cannot_be_created_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    with pytest.raises(StoreError) as caught:
        open_store(blocker / "data" / "progress.db")
    message = str(caught.value)
    assert str(blocker / "data") in message
    assert "--data-dir" in message
    assert blocker.read_text() == "in the way"


def test_unreadable_file_is_explained_not_moved(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    db.mkdir(parents=True)  # a folder where the file should be
    with pytest.raises(StoreError) as caught:
        open_store(db)
    assert str(db) in str(caught.value) and "not a regular file" in str(caught.value)
    assert db.is_dir()
    assert not [name for name in os.listdir(db.parent) if ".damaged-" in name]


def test_a_hot_rollback_journal_is_recovered_not_called_damage(tmp_path: Path) -> None:
    """Where WAL is unavailable the store uses a rollback journal; a crash
    mid-write leaves a hot journal that only a writer can roll back."""
    live = database_path(tmp_path / "live")
    with open_store(live).store as store:
        store.save_reflection("l1", "r1", "before the crash")
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA cache_size = 1")  # spill the change to the file early
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE reflection SET text = 'half written'")
    for n in range(100):
        conn.execute(
            "INSERT INTO plan_tick (lesson_id, step_id, item_id) VALUES ('l1', 'p1', ?)",
            (f"x{n:0500}",),
        )
    db = database_path(tmp_path / "data")
    db.parent.mkdir(mode=0o700)
    for suffix in ("", "-journal"):  # the files as a crash would leave them
        shutil.copy(f"{live}{suffix}", f"{db}{suffix}")
    conn.execute("ROLLBACK")
    conn.close()

    opened = open_store(db)
    with opened.store as store:
        reflection = store.reflection("l1", "r1")
        plan = store.plan("l1", "p1")
    assert not [n for n in opened.notices if "moved to" in n.message]
    assert reflection is not None and reflection.text == "before the crash"
    assert plan.ticked == frozenset()
    assert not Path(f"{db}-journal").exists()


def test_a_file_missing_before_the_lock_is_not_an_error(tmp_path: Path) -> None:
    """Before taking the lock, another copy may be between moving a damaged
    file aside and creating the new one: the file is briefly missing."""
    db = database_path(tmp_path / "data")
    db.parent.mkdir(mode=0o700)
    _refuse_if_header_newer(db, missing_ok=True)  # no error, nothing created
    assert not db.exists()
    with pytest.raises(StoreError, match="Can't read"):
        _refuse_if_header_newer(db)  # under the lock it must exist
