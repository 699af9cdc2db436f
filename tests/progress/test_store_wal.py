"""The write-ahead log: a clean close leaves none, and only the store's own is applied.

A "crash" here is a copy of the store's files taken while a connection is
still open (its ``-wal`` full of committed frames), which is exactly what a
killed process leaves on disk.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from progress import StoreError, database_path, open_store
from progress.wal import newest_user_version, wal_id_path

SIDE = ("-wal", "-shm")


def _crashed_copy(db: Path, dest: Path, *, with_record: bool = True) -> Path:
    """Copy ``db`` and its log (as a kill would leave them) into folder ``dest``."""
    dest.mkdir(mode=0o700, parents=True)
    names = [db.name, db.name + "-wal"] + ([wal_id_path(db).name] if with_record else [])
    for name in names:
        shutil.copy2(db.with_name(name), dest / name)
    return database_path(dest)


def _text(db: Path) -> str | None:
    opened = open_store(db)
    with opened.store as store:
        reflection = store.reflection("l", "r")
    return None if reflection is None else reflection.text


def test_a_clean_close_leaves_no_log(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    store = open_store(db).store
    for n in range(50):
        store.save_reflection("l", "r", f"draft {n} " * 100)
    assert Path(f"{db}-wal").exists()
    store.close()
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    assert wal_id_path(db).read_text() == "clean\n"
    assert _text(db) == "draft 49 " * 100


def test_the_stores_own_log_after_a_kill_is_applied_silently(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    store = open_store(db).store
    store.save_reflection("l", "r", "typed just before the kill")
    copy = _crashed_copy(db, tmp_path / "after-kill")
    store.close()
    opened = open_store(copy)
    with opened.store as kept:
        reflection = kept.reflection("l", "r")
    assert opened.notices == ()
    assert reflection is not None and reflection.text == "typed just before the kill"


KILLED_AFTER_FIRST_WRITE = """
import sys, time
from pathlib import Path
from progress import database_path, open_store
from progress.wal import wal_id_path
db = database_path(Path(sys.argv[1]))
store = open_store(db).store
fresh = wal_id_path(db).read_text()
store.save_reflection("l", "r", "first words of the day")
wal_id_path(db).write_text(fresh)  # as if killed before the new salts were recorded
print(fresh.split()[0], flush=True)
time.sleep(60)
"""


def test_a_kill_right_after_the_first_write_of_a_new_log_is_not_foreign(tmp_path: Path) -> None:
    """A new log has random salts; until they are recorded, the database's stamp vouches."""
    db = database_path(tmp_path / "data")
    open_store(db).store.close()  # clean: no log, and the record says so
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_AFTER_FIRST_WRITE, str(db.parent)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "fresh\n"
    child.kill()
    child.wait()
    child.stdout.close()
    assert Path(f"{db}-wal").stat().st_size > 0
    opened = open_store(db)
    with opened.store as again:
        reflection = again.reflection("l", "r")
    assert opened.notices == ()
    assert reflection is not None and reflection.text == "first words of the day"


def test_a_foreign_log_is_set_aside_and_never_applied(tmp_path: Path) -> None:
    mine = database_path(tmp_path / "mine")
    with open_store(mine).store as store:
        store.save_reflection("l", "r", "my own words")
    theirs = database_path(tmp_path / "theirs")
    other = open_store(theirs).store
    other.save_reflection("l", "r", "someone else's words")
    shutil.copy2(f"{theirs}-wal", f"{mine}-wal")  # e.g. a sync tool or a restored folder
    other.close()

    opened = open_store(mine)
    with opened.store as store:
        reflection = store.reflection("l", "r")
    assert reflection is not None and reflection.text == "my own words"
    [notice] = opened.notices
    assert "was not used" in notice.message and str(mine) in notice.message
    kept = [p for p in mine.parent.iterdir() if p.name.endswith("-wal") and "damaged" in p.name]
    assert len(kept) == 1 and str(kept[0]) in notice.message
    rescued = kept[0].with_name(kept[0].name.removesuffix("-wal"))
    conn = sqlite3.connect(f"{rescued.as_uri()}?mode=ro", uri=True)
    try:  # the set-aside pair opens as the mix it was: nothing is lost
        (text,) = conn.execute("SELECT text FROM reflection").fetchone()
    finally:
        conn.close()
    assert text == "someone else's words"


def test_a_log_from_before_a_clean_close_is_refused(tmp_path: Path) -> None:
    """Closed clean, then a log appears (an old copy put back): not this store's."""
    db = database_path(tmp_path / "data")
    store = open_store(db).store
    store.save_reflection("l", "r", "later words")
    old_log = (tmp_path / "old-wal").write_bytes(Path(f"{db}-wal").read_bytes())
    assert old_log
    store.close()
    shutil.copy2(tmp_path / "old-wal", f"{db}-wal")
    opened = open_store(db)
    opened.store.close()
    assert [n for n in opened.notices if "was not used" in n.message]


def test_a_newer_version_only_in_the_log_is_refused_untouched(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    open_store(db).store.close()
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("CREATE TABLE later (x)")
    raw.execute("PRAGMA user_version = 99")
    copy = _crashed_copy(db, tmp_path / "copy", with_record=False)
    raw.close()
    assert newest_user_version(copy) == 99
    before = sorted(p.name for p in copy.parent.iterdir())
    with pytest.raises(StoreError, match="newer version"):
        open_store(copy)
    assert sorted(p.name for p in copy.parent.iterdir()) == before, "no -shm, no .lock"


def test_a_fifo_as_the_store_or_its_log_is_refused_not_waited_on(tmp_path: Path) -> None:
    for name in ("progress.db", "progress.db-wal"):
        folder = tmp_path / name
        folder.mkdir(mode=0o700)
        os.mkfifo(folder / name)
        with pytest.raises(StoreError, match="not a regular file"):
            open_store(database_path(folder))


def test_a_symlinked_store_is_refused_and_its_target_left_alone(tmp_path: Path) -> None:
    real = database_path(tmp_path / "real")
    with open_store(real).store as store:
        store.save_reflection("l", "r", "kept")
    real.chmod(0o644)
    link_dir = tmp_path / "linked"
    link_dir.mkdir(mode=0o700)
    (link_dir / "progress.db").symlink_to(real)
    with pytest.raises(StoreError, match="symbolic link") as caught:
        open_store(database_path(link_dir))
    assert str(real) in str(caught.value)
    assert real.stat().st_mode & 0o777 == 0o644, "the target was not chmodded"


def test_holding_a_folder_with_a_newer_store_creates_nothing(tmp_path: Path) -> None:
    """The app takes its lifetime lock before opening: that must not leave a file either."""
    from progress import hold_data_folder

    db = database_path(tmp_path / "data")
    open_store(db).store.close()
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA user_version = 99")
    copy = _crashed_copy(db, tmp_path / "copy", with_record=False)
    raw.close()
    before = sorted(p.name for p in copy.parent.iterdir())
    with pytest.raises(StoreError, match="newer version"):
        hold_data_folder(copy.parent)
    assert sorted(p.name for p in copy.parent.iterdir()) == before


RUNNING_APP = """
import sys
from pathlib import Path
from progress import database_path, hold_data_folder, open_store
data = Path(sys.argv[1])
held = hold_data_folder(data)
store = open_store(database_path(data)).store
store.save_reflection("l", "r", "the running app's words")
print("ready", flush=True)
sys.stdin.readline()
"""


def test_the_live_log_of_a_running_app_is_never_moved_aside(tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    open_store(db).store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", RUNNING_APP, str(db.parent)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        wal_id_path(db).write_text("clean\n")  # a record that lags, however it came to
        _opens_with_the_live_log(db, "the running app's words")  # as export does
    finally:
        child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()


def test_a_log_another_open_store_is_writing_is_never_judged(tmp_path: Path) -> None:
    """Without the app's lifetime lock (two commands at once, or the copies test's
    workers), a record that lags behind a live log must still not move it aside."""
    db = database_path(tmp_path / "data")
    first = open_store(db).store
    try:
        first.save_reflection("l", "r", "words in the live log")
        live_log = Path(f"{db}-wal").read_bytes()
        wal_id_path(db).write_text("clean\n")  # as if another copy's restart raced ahead
        _opens_with_the_live_log(db, "words in the live log")
    finally:
        first.close()
    # Once no store has it open, the same log put back is judged, and refused.
    Path(f"{db}-wal").write_bytes(live_log)
    opened = open_store(db)
    opened.store.close()
    assert [n for n in opened.notices if "was not used" in n.message]


def _opens_with_the_live_log(db: Path, words: str) -> None:
    """Open a second store while another keeps the log: nothing judged, its words seen."""
    opened = open_store(db)
    with opened.store as store:
        reflection = store.reflection("l", "r")
    assert opened.notices == ()
    assert reflection is not None and reflection.text == words
    assert not [p for p in db.parent.iterdir() if "damaged" in p.name]
