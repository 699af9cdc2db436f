"""``reset``, ``where`` and ``forget``: the commands that touch or show the learner's files."""

from __future__ import annotations

import io
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import main
from course.paths import bundled_lessons
from progress import Snapshot, open_store, store_files
from tests.course.lesson_text import LESSON, write_folder

OTHER_LESSON = LESSON.replace('id = "lesson-one"', 'id = "lesson-two"', 1)


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    return write_folder(
        tmp_path / "lessons", {"m/01-one.toml": LESSON, "m/02-two.toml": OTHER_LESSON}
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder whose store has progress in two lessons."""
    folder = tmp_path / "data"
    with open_store(folder / "progress.db").store as store:
        for lesson_id in ("lesson-one", "lesson-two"):
            store.set_position(lesson_id, "think")
            store.record_answer(lesson_id, "q1", ["a"], True)
            store.save_reflection(lesson_id, "think", f"my words in {lesson_id}")
            store.tick(lesson_id, "todo", "one")
        store.acknowledge_first_run()
    return folder


def options(data: Path, lessons: Path) -> list[str]:
    return ["--data-dir", str(data), "--only", "--lessons", str(lessons)]


def snapshot(db_path: Path) -> Snapshot:
    with open_store(db_path).store as store:
        return store.snapshot()


def texts(db_path: Path) -> dict[str, str]:
    return {r.lesson_id: r.text for r in snapshot(db_path).reflections}


def backups(data: Path) -> list[Path]:
    return [p for p in store_files(data) if ".backup-" in p.name]


def answer(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


# -- reset -------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["no\n", "", "y\n", "yes please\n"])
def test_reset_cancels_unless_yes_is_typed(
    data: Path,
    lessons: Path,
    typed: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer(monkeypatch, typed)
    assert main([*options(data, lessons), "reset"]) == 1
    err = capsys.readouterr().err
    assert "Type 'yes' to continue" in err
    assert "cancelled; nothing was changed" in err
    assert len(texts(data / "progress.db")) == 2
    assert backups(data) == []


@pytest.mark.parametrize("typed", ["yes\n", "  YES \n"])
def test_reset_after_yes_keeps_a_backup_with_the_old_data(
    data: Path,
    lessons: Path,
    typed: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer(monkeypatch, typed)
    assert main([*options(data, lessons), "reset"]) == 0
    out = capsys.readouterr().out
    after = snapshot(data / "progress.db")
    assert after.reflections == () and after.attempts == () and after.plans == ()
    assert after.position is None
    [backup] = backups(data)
    assert f"Backup of your progress before the reset: {backup}" in out
    assert "All your progress has been erased." in out
    # The backup is a working store holding everything from before.
    rescued = backup.parent / "rescue" / "progress.db"
    rescued.parent.mkdir()
    shutil.copyfile(backup, rescued)
    assert texts(rescued) == {
        "lesson-one": "my words in lesson-one",
        "lesson-two": "my words in lesson-two",
    }


def test_reset_with_yes_flag_does_not_ask(
    data: Path,
    lessons: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer(monkeypatch, "")  # an answer would be read as "no"
    assert main([*options(data, lessons), "reset", "--yes"]) == 0
    assert "Type 'yes'" not in capsys.readouterr().err
    assert texts(data / "progress.db") == {}
    assert len(backups(data)) == 1


def test_reset_one_lesson_leaves_the_others(
    data: Path, lessons: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answer(monkeypatch, "yes\n")
    assert main([*options(data, lessons), "reset", "--lesson", "lesson-one"]) == 0
    assert "'Lesson one' (lesson-one)" in capsys.readouterr().err
    after = snapshot(data / "progress.db")
    assert {r.lesson_id for r in after.reflections} == {"lesson-two"}
    assert {a.lesson_id for a in after.attempts} == {"lesson-two"}
    assert {p.lesson_id for p in after.plans} == {"lesson-two"}
    assert len(backups(data)) == 1


def test_reset_unknown_lesson_is_a_usage_error_with_a_hint(
    data: Path, lessons: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*options(data, lessons), "reset", "--lesson", "lesson-on", "--yes"]) == 2
    err = capsys.readouterr().err
    assert "no lesson with id 'lesson-on'" in err and "did you mean 'lesson-one'?" in err
    assert len(texts(data / "progress.db")) == 2
    assert backups(data) == []


def test_reset_a_lesson_no_longer_in_the_course_by_its_saved_id(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    only_one = write_folder(tmp_path / "fewer", {"m/01-one.toml": LESSON})
    args = ["--data-dir", str(data), "--only", "--lessons", str(only_one)]
    assert main([*args, "reset", "--lesson", "lesson-two", "--yes"]) == 0
    assert "'lesson-two'" in capsys.readouterr().out
    assert set(texts(data / "progress.db")) == {"lesson-one"}


def test_reset_without_a_store_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "nothing-here"
    assert main(["--data-dir", str(data), "reset", "--yes"]) == 0
    assert "nothing to reset" in capsys.readouterr().out
    assert not data.exists()


def test_reset_of_a_newer_file_is_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "progress.db")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = (data / "progress.db").read_bytes()
    assert main(["--data-dir", str(data), "reset", "--yes"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("trd-course reset: The progress file ") and "newer version" in err
    assert err.count("\n") == 1
    assert (data / "progress.db").read_bytes() == before
    assert backups(data) == []


# -- where -------------------------------------------------------------------------


def test_where_prints_every_path_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "fresh"
    extra = write_folder(tmp_path / "extra", {"m/01-one.toml": LESSON})
    assert main(["--data-dir", str(data), "--lessons", str(extra), "where"]) == 0
    out = capsys.readouterr().out
    assert f"  {bundled_lessons()} (the bundled course)" in out
    assert f"  {extra} (from --lessons)" in out
    assert f"Data folder: {data} (not created yet)" in out
    assert f"Progress file: {data / 'progress.db'} (not created yet" in out
    assert not data.exists()


def test_where_says_what_exists_and_lists_backups(
    data: Path, lessons: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = data / "lessons"
    write_folder(own, {"m/01-one.toml": LESSON})
    (data / "progress.db.lock").touch()  # holds no data: not a backup to list
    assert main(["--data-dir", str(data), "reset", "--yes"]) == 0
    capsys.readouterr()
    before = sorted(p.name for p in data.iterdir())
    assert main(["--data-dir", str(data), "where"]) == 0
    out = capsys.readouterr().out
    assert f"  {own} (your own lessons)" in out
    assert f"Data folder: {data} (exists)" in out
    assert f"Progress file: {data / 'progress.db'} (exists)" in out
    [backup] = backups(data)
    assert f"  {backup}" in out
    assert "progress.db.lock" not in out
    assert sorted(p.name for p in data.iterdir()) == before


# -- forget ------------------------------------------------------------------------


def _add_backup_and_damaged_copy(data: Path) -> None:
    with open_store(data / "progress.db").store as store:
        store.make_backup()
    damaged = data / "damaged-data"
    damaged.mkdir()
    (damaged / "progress.db").write_bytes(b"this is not a database, it is damaged" * 200)
    with open_store(damaged / "progress.db").store:  # moves the damaged file aside
        pass
    for path in store_files(damaged):
        if ".damaged-" in path.name:
            path.rename(data / path.name)
    shutil.rmtree(damaged)


def test_forget_deletes_store_backups_and_damaged_copies_but_not_lessons(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_backup_and_damaged_copy(data)
    lesson_file = data / "lessons" / "m" / "01-one.toml"
    write_folder(data / "lessons", {"m/01-one.toml": LESSON})
    doomed = store_files(data)
    names = {p.name for p in doomed}
    assert "progress.db" in names
    assert any(".backup-" in n for n in names) and any(".damaged-" in n for n in names)
    answer(monkeypatch, "forget\n")
    assert main(["--data-dir", str(data), "forget"]) == 0
    out = capsys.readouterr().out
    deleted = out.split("Deleted:\n")[1]
    for path in doomed:
        assert f"  {path}\n" in deleted
        assert not path.exists()
    assert store_files(data) == []
    assert lesson_file.read_text(encoding="utf-8") == LESSON
    assert "Left as they are" in out and "lessons/" in out


def test_forget_removes_an_emptied_data_folder(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data), "forget", "--yes"]) == 0
    assert f"  {data}\n" in capsys.readouterr().out
    assert not data.exists()


@pytest.mark.parametrize("typed", ["", "no\n", "yes\n"])
def test_forget_cancels_without_the_word(
    data: Path,
    typed: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    answer(monkeypatch, typed)
    before = store_files(data)
    assert main(["--data-dir", str(data), "forget"]) == 1
    captured = capsys.readouterr()
    assert "Type 'forget' to continue" in captured.err
    assert "cancelled; nothing was deleted" in captured.err
    assert "Deleted:" not in captured.out
    # Only the lifetime lock file may be new: forget held the folder while it asked.
    assert [p for p in store_files(data) if not p.name.endswith(".in-use")] == before
    assert len(texts(data / "progress.db")) == 2


def test_forget_with_nothing_saved_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "forget"]) == 0
    assert "nothing to delete" in capsys.readouterr().out


# -- all of them ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("reset", "--lesson ID"),
        ("where", "Creates nothing"),
        ("forget", "cannot be undone"),
        ("export", "--output FILE"),
    ],
)
def test_every_command_has_help(
    command: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert expected in " ".join(capsys.readouterr().out.split())


def test_closed_stdin_in_a_real_process_cancels_without_traceback(data: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "course", "--data-dir", str(data), "forget"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "cancelled; nothing was deleted" in run.stderr
    assert "Traceback" not in run.stderr
    assert (data / "progress.db").exists()
