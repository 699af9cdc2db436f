"""The store's everyday behaviour, one method family at a time."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from progress import (
    LessonProgress,
    Store,
    StoreBusy,
    StoreError,
    database_path,
    forget,
    open_store,
    store_files,
)

T0 = datetime(2026, 11, 26, 15, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(database_path(tmp_path / "data"))
    assert opened.notices == ()
    yield opened.store
    opened.store.close()


def test_position_is_kept_across_reopening(store: Store) -> None:
    assert store.position() is None
    store.set_position("l1", "s1", at=T0)
    store.set_position("l2", "s3", at=T0 + timedelta(minutes=1))
    store.close()
    with open_store(store.path).store as again:
        position = again.position()
    assert position is not None
    assert (position.lesson_id, position.step_id) == ("l2", "s3")
    assert position.updated_at == T0 + timedelta(minutes=1)


def test_lesson_times_keep_the_first_start_and_completion(store: Store) -> None:
    assert store.lesson("l1") is None
    store.mark_started("l1", at=T0)
    store.mark_started("l1", at=T0 + timedelta(days=1))
    assert store.lesson("l1") == LessonProgress("l1", T0, None)
    store.mark_completed("l1", at=T0 + timedelta(hours=1))
    store.mark_completed("l1", at=T0 + timedelta(days=2))
    assert store.lesson("l1") == LessonProgress("l1", T0, T0 + timedelta(hours=1))
    store.mark_completed("l2", at=T0)  # finished without a recorded start
    assert store.lessons()["l2"] == LessonProgress("l2", T0, T0)
    store.close()


def test_answers_keep_every_attempt_per_lesson(store: Store) -> None:
    store.record_answer("l1", "q1", ["b"], False, at=T0)
    store.record_answer("l2", "q1", ["a"], True, at=T0)
    store.record_answer("l1", "q1", ["a", "c"], True, at=T0)
    results = store.question_results("l1")
    assert list(results) == ["q1"]
    assert (results["q1"].attempts, results["q1"].first_correct) == (2, False)
    assert results["q1"].latest.choice_ids == ("a", "c")
    assert [a.lesson_id for a in store.attempts()] == ["l1", "l2", "l1"]
    assert store.question_results("unknown") == {}
    store.close()


def test_bad_arguments_are_refused_before_writing(store: Store) -> None:
    with pytest.raises(TypeError):
        store.record_answer("l1", "q1", "abc", True)
    with pytest.raises(ValueError, match="timezone"):
        store.save_reflection("l1", "r1", "x", at=datetime(2026, 1, 1))
    assert store.snapshot().attempts == () and store.reflection("l1", "r1") is None
    store.close()


def test_lone_surrogates_are_replaced_not_a_crash(store: Store) -> None:
    saved = store.save_reflection("l1", "r1", "before \udcff after")
    assert saved.text == "before \ufffd after"
    item = store.add_plan_item("l1", "p1", "\ud800")
    assert item.text == "\ufffd"
    assert store.reflection("l1", "r1") == saved
    store.close()


def test_own_plan_items_and_author_items(store: Store) -> None:
    mine = store.add_plan_item("l1", "p1", "phone my sister", at=T0)
    assert mine.item_id.startswith("mine:")
    store.tick("l1", "p1", mine.item_id)
    store.tick("l1", "p1", "walk")
    assert store.remove_plan_item("l1", "p1", "walk") is False  # author's item
    assert store.remove_plan_item("l1", "other-step", mine.item_id) is False
    assert store.plan("l1", "p1").ticked == {"walk", mine.item_id}
    assert store.remove_plan_item("l1", "p1", mine.item_id) is True
    state = store.plan("l1", "p1")
    assert (state.ticked, state.own_items) == (frozenset({"walk"}), ())
    again = store.add_plan_item("l1", "p1", "phone my sister")
    assert again.item_id != mine.item_id
    store.close()


def test_first_run_and_settings(store: Store) -> None:
    assert store.first_run_acknowledged_at() is None
    store.acknowledge_first_run(at=T0)
    store.acknowledge_first_run(at=T0 + timedelta(days=1))
    assert store.first_run_acknowledged_at() == T0
    assert store.setting("theme") is None
    store.set_setting("theme", "high-contrast")
    store.set_setting("theme", "calm")
    assert store.setting("theme") == "calm"
    store.set_setting("theme", None)
    assert store.setting("theme") is None
    store.close()


def test_reset_lesson_leaves_other_lessons_and_the_position(store: Store) -> None:
    for lesson in ("l1", "l2"):
        store.mark_started(lesson)
        store.record_answer(lesson, "q1", ["a"], True)
        store.save_reflection(lesson, "r1", f"{lesson} words")
        store.tick(lesson, "p1", "walk")
        store.add_plan_item(lesson, "p1", "mine")
    store.set_position("l1", "s2")
    store.reset_lesson("l1")
    snap = store.snapshot()
    assert {x.lesson_id for x in snap.lessons} == {"l2"}
    assert {x.lesson_id for x in snap.attempts} == {"l2"}
    assert {x.lesson_id for x in snap.reflections} == {"l2"}
    assert {x.lesson_id for x in snap.plans} == {"l2"}
    assert snap.position is not None and snap.position.lesson_id == "l1"
    store.close()


def test_snapshot_holds_everything(store: Store) -> None:
    store.set_position("l1", "s1", at=T0)
    store.mark_started("l1", at=T0)
    store.record_answer("l1", "q1", ["a"], True, at=T0)
    store.save_reflection("l1", "r1", "words", at=T0)
    item = store.add_plan_item("l1", "p1", "rest", at=T0)
    store.tick("l1", "p1", item.item_id)
    store.acknowledge_first_run(at=T0)
    store.set_setting("theme", "calm")
    snap = store.snapshot()
    store.close()
    assert snap.position is not None and snap.position.step_id == "s1"
    assert [x.lesson_id for x in snap.lessons] == ["l1"]
    assert [x.question_id for x in snap.attempts] == ["q1"]
    assert [x.text for x in snap.reflections] == ["words"]
    (plan,) = snap.plans
    assert plan.ticked == {item.item_id} and plan.own_items == (item,)
    assert snap.first_run_acknowledged_at == T0
    assert snap.settings == {"theme": "calm"}


def test_backup_is_a_complete_single_file_copy(store: Store, tmp_path: Path) -> None:
    store.save_reflection("l1", "r1", "keep me")
    backup = store.make_backup()
    assert backup.name.startswith("progress.db.backup-")
    assert not Path(f"{backup}-wal").exists()
    with pytest.raises(StoreError, match="already exists"):
        store.backup_to(backup)
    store.close()
    with open_store(backup).store as copy:
        reflection = copy.reflection("l1", "r1")
    assert reflection is not None and reflection.text == "keep me"


def test_store_files_and_forget(store: Store, tmp_path: Path) -> None:
    data_dir = store.path.parent
    store.record_answer("l1", "q1", ["a"], True)
    backup = store.make_backup()
    (data_dir / "progress.db.damaged-20260101T000000Z").write_bytes(b"old")
    (data_dir / "progress.db.damaged-20260101T000000Z-wal").write_bytes(b"old")
    (data_dir / "my-lessons").mkdir()
    (data_dir / "notes.txt").write_text("not ours")
    listed = {p.name for p in store_files(data_dir)}
    assert listed == {
        "progress.db",
        "progress.db.lock",
        "progress.db.wal-id",
        "progress.db-wal",
        "progress.db-shm",
        backup.name,
        "progress.db.damaged-20260101T000000Z",
        "progress.db.damaged-20260101T000000Z-wal",
    }
    store.close()
    deleted = forget(data_dir)
    assert {p.name for p in deleted} == listed - {"progress.db-wal", "progress.db-shm"}
    assert sorted(p.name for p in data_dir.iterdir()) == ["my-lessons", "notes.txt"]


def test_forget_removes_a_folder_left_empty(store: Store) -> None:
    data_dir = store.path.parent
    store.save_reflection("l1", "r1", "x")
    store.close()
    deleted = forget(data_dir)
    assert deleted[-1] == data_dir and not data_dir.exists()
    assert forget(data_dir) == []


def test_closed_store_refuses_use(store: Store) -> None:
    store.close()
    store.close()  # twice is fine
    with pytest.raises(ValueError, match="closed"):
        store.position()


def test_store_can_be_used_from_worker_threads(store: Store) -> None:
    def write(name: str) -> None:
        for n in range(50):
            store.record_answer("l1", f"{name}{n}", ["a"], True)

    threads = [threading.Thread(target=write, args=(c,)) for c in "xyz"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store.attempts("l1")) == 150
    store.close()


def test_write_failure_is_a_store_error_naming_the_file(store: Store) -> None:
    blocker = sqlite3.connect(store.path, isolation_level=None, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    conn = store._conn
    assert conn is not None
    try:
        with pytest.raises(StoreBusy) as caught:
            store.record_answer("l1", "q1", ["a"], True)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert isinstance(caught.value, StoreError)
    assert str(store.path) in str(caught.value)
    assert "nothing was lost" in str(caught.value)
    assert not conn.in_transaction
    store.record_answer("l1", "q1", ["a"], True)  # and the store still works
    assert len(store.attempts()) == 1
    store.close()
