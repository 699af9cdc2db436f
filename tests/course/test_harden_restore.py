"""``trd-course restore``: the command reset prints, and what it does after a crash."""

from __future__ import annotations

import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import main
from progress import database_path, open_store

ROOT = Path(__file__).resolve().parents[2]

KILLED_WRITER = """
import sys, time
from pathlib import Path
from progress import database_path, open_store
store = open_store(database_path(Path(sys.argv[1]))).store
store.save_reflection("lesson", "r1", "written after the reset")
print("saved", flush=True)
time.sleep(60)
"""


def _text(folder: Path) -> str | None:
    with open_store(database_path(folder)).store as store:
        reflection = store.reflection("lesson", "r1")
    return None if reflection is None else reflection.text


def _reset(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    with open_store(database_path(folder)).store as store:
        store.save_reflection("lesson", "r1", "written before the reset")
    assert main(["--data-dir", str(folder), "reset", "--yes"]) == 0
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if line.startswith("To undo it: ")]
    words = shlex.split(line.removeprefix("To undo it: "))
    assert words[0] == "trd-course" and "restore" in words
    return words[1:]


def _crash_after_writing(folder: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "saved\n"
    child.kill()
    child.wait()
    child.stdout.close()


def test_reset_prints_the_restore_command_and_it_undoes_the_reset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    undo = _reset(folder, capsys)
    assert _text(folder) is None
    assert main([*undo, "--yes"]) == 0
    assert _text(folder) == "written before the reset"


def test_restore_after_a_crash_shows_the_restored_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    undo = _reset(folder, capsys)
    _crash_after_writing(folder)
    db = database_path(folder)
    assert Path(f"{db}-wal").stat().st_size > 0, "the kill left a journal"
    assert main([*undo, "--yes"]) == 0
    out = capsys.readouterr().out
    assert _text(folder) == "written before the reset"
    [line] = [line for line in out.splitlines() if "before the restore" in line]
    previous = Path(line.split(": ", 1)[1])
    conn = sqlite3.connect(f"{previous.as_uri()}?mode=ro", uri=True)
    try:  # what the crashed copy wrote is kept, not lost, in the backup of the current state
        (text,) = conn.execute("SELECT text FROM reflection").fetchone()
    finally:
        conn.close()
    assert text == "written after the reset"


def test_restore_refuses_what_is_not_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    with open_store(database_path(folder)).store as store:
        store.save_reflection("lesson", "r1", "mine")
    before = database_path(folder).read_bytes()
    notes = tmp_path / "notes.md"
    notes.write_text("# not a store")
    for candidate in (notes, tmp_path / "missing"):
        assert main(["--data-dir", str(folder), "restore", str(candidate), "--yes"]) == 1
        err = capsys.readouterr().err
        assert str(candidate) in err and "Nothing was changed" in err
    assert database_path(folder).read_bytes() == before


def test_restore_refuses_while_the_course_is_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    undo = _reset(folder, capsys)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from progress import hold_data_folder; "
            "h = hold_data_folder(Path(sys.argv[1])); print('held', flush=True); "
            "sys.stdin.readline()",
            str(folder),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        assert main([*undo, "--yes"]) == 1
        assert "open in another window" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    assert _text(folder) is None, "nothing was restored while the course was open"
