"""The store commands on the data folder's odd cases: links, FIFOs, damage, the error log."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from course.cli import main
from progress import database_path, open_store
from tests.progress.test_store_damage import _corrupt_index, _filled_store


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with open_store(database_path(folder)).store as store:
        store.save_reflection("lesson", "r1", "my words")
    return folder


def test_forget_removes_the_error_log_and_says_so(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = data / "error.log"
    log.write_text("Traceback, with what was on screen")
    assert main(["--data-dir", str(data), "forget", "--yes"]) == 0
    out = capsys.readouterr().out
    listed, deleted = out.split("Deleted:")
    assert f"{log} (the course's error log" in listed
    assert f"  {log}\n" in deleted
    assert not data.exists()


def test_forget_refuses_a_linked_store_and_leaves_the_writing(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "progress.db"
    database_path(data).rename(target)
    database_path(data).symlink_to(target)
    assert main(["--data-dir", str(data), "forget", "--yes"]) == 1
    err = capsys.readouterr().err
    assert "symbolic link" in err and str(target) in err
    assert target.exists() and database_path(data).is_symlink()


@pytest.mark.parametrize("dangling", [True, False])
def test_where_names_a_linked_store_as_the_app_sees_it(
    tmp_path: Path, dangling: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    target = tmp_path / "real.db"
    if not dangling:
        open_store(target).store.close()
    database_path(folder).symlink_to(target)
    assert main(["--data-dir", str(folder), "where"]) == 0
    out = capsys.readouterr().out
    assert f"a symbolic link to {target}, which the course will not open" in out
    assert "not created yet" not in out.split("Progress file:")[1]
    assert main(["--data-dir", str(folder)]) == 1  # and the app refuses it, saying why
    assert "symbolic link" in capsys.readouterr().err


def test_where_check_runs_the_full_check_and_leaves_no_trace(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(os.listdir(data))
    assert main(["--data-dir", str(data), "where", "--check"]) == 0
    assert "no damage found" in capsys.readouterr().out
    assert sorted(os.listdir(data)) == before


def test_where_check_reports_damage_quick_check_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = database_path(tmp_path / "data")
    _filled_store(db, answers=40)
    _corrupt_index(db)  # an index that disagrees with its table
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    raw.close()
    before = db.read_bytes()
    assert main(["--data-dir", str(db.parent), "where", "--check"]) == 1
    out = capsys.readouterr().out
    assert "found damage" in out and "export" in out
    assert db.read_bytes() == before, "the check only reads"


def test_export_of_a_fifo_store_is_a_sentence_not_a_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    os.mkfifo(database_path(folder))
    assert main(["--data-dir", str(folder), "export"]) == 1
    assert "not a regular file" in capsys.readouterr().err
