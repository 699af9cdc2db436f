"""What ``export`` and ``brief`` share (``course.commands.common``): the same set-up, said the same way."""

from __future__ import annotations

import shlex
import stat
from pathlib import Path

import pytest

from course.cli import main
from progress import open_store
from tests.course.lesson_text import LESSON, write_folder

COMMANDS = ("export", "brief")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with open_store(folder / "progress.db").store as store:
        store.save_reflection("lesson-one", "think", "MY WORDS")
    return folder


@pytest.mark.parametrize("command", COMMANDS)
def test_a_lesson_problem_names_the_validate_command_that_shows_it(
    command: str, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write_folder(
        tmp_path / "my pack", {"m/01-one.toml": LESSON, "m/02-broken.toml": "id = ["}
    )
    options = ["--data-dir", str(data), "--lessons", str(pack), "--only"]
    assert main([*options, command]) == 0
    err = capsys.readouterr().err
    hint = shlex.join(["trd-course", *options, "validate"])
    assert f"trd-course {command}: 1 problem in the lesson files" in err
    assert f"(run '{hint}' to see them)" in err
    # Run as printed, it checks exactly the lessons the command loaded.
    assert main(shlex.split(hint)[1:]) == 1
    assert "02-broken.toml" in capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_no_saved_progress_creates_nothing(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    out = tmp_path / "out.md"
    assert main(["--data-dir", str(empty), command, "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"trd-course {command}: there is no saved progress in {empty} yet")
    assert "point --data-dir at the folder your progress is in" in err
    assert not empty.exists() and not out.exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_is_private_and_said_once(
    command: str, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.md"
    assert main(["--data-dir", str(data), command, "--output", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    said = capsys.readouterr().out
    assert said.startswith(f"{'Notes' if command == 'export' else 'Brief'} written to {out}.")
    assert out.read_text(encoding="utf-8") not in said


@pytest.mark.parametrize("command", COMMANDS)
def test_without_output_the_text_goes_to_stdout(
    command: str, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data), command]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# ") and printed.endswith("\n")
    assert list(tmp_path.iterdir()) == [data]
