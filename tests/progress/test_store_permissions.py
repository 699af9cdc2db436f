"""Requirement 1: the folder is 0700 and every store file 0600, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from progress import database_path, open_store


def mode(path: Path) -> int:
    """Permission bits of ``path``."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o000, 0o022], ids=["umask000", "umask022"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """Run the test under a given umask, restoring the old one afterwards."""
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def test_new_store_is_private_including_wal_and_shm(umask: int, tmp_path: Path) -> None:
    data_dir = tmp_path / "deep" / "data"
    db = database_path(data_dir)
    opened = open_store(db)
    store = opened.store
    try:
        store.save_reflection("l1", "r1", "private words")
        wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
        assert wal.exists() and shm.exists()
        assert mode(data_dir) == 0o700
        assert (mode(db), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
        backup = store.make_backup()
        assert mode(backup) == 0o600
    finally:
        store.close()
    assert opened.notices == ()


def test_looser_existing_folder_and_files_are_tightened(umask: int, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    db = database_path(data_dir)
    first = open_store(db).store  # kept open so -wal and -shm stay on disk
    try:
        first.record_answer("l1", "q1", ["a"], True)
        sidecars = [Path(f"{db}-wal"), Path(f"{db}-shm")]
        os.chmod(data_dir, 0o777)
        for path in (db, *sidecars):
            os.chmod(path, 0o666)
        opened = open_store(db)
        opened.store.close()
        assert mode(data_dir) == 0o700
        assert [mode(p) for p in (db, *sidecars)] == [0o600, 0o600, 0o600]
        messages = " ".join(n.message for n in opened.notices)
        assert str(data_dir) in messages and str(db) in messages
        assert "private" in messages
    finally:
        first.close()


def test_existing_empty_file_with_loose_mode_is_tightened(umask: int, tmp_path: Path) -> None:
    db = database_path(tmp_path / "data")
    db.parent.mkdir(mode=0o755)
    db.touch(mode=0o644)
    os.chmod(db, 0o644)
    opened = open_store(db)
    opened.store.record_answer("l1", "q1", ["a"], False)
    try:
        assert mode(db) == 0o600
        assert mode(Path(f"{db}-wal")) == 0o600
        assert mode(db.parent) == 0o700
    finally:
        opened.store.close()


def test_owner_only_folder_gives_no_notice(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    first = open_store(database_path(data_dir))
    first.store.close()
    assert len(first.notices) == 1  # 0755: others could list it

    second = open_store(database_path(data_dir))
    second.store.close()
    assert second.notices == ()
