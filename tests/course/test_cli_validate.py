"""``trd-course validate`` as an author meets it: lines, counts and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import main
from tests.course.lesson_text import LESSON


def test_bundled_course_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith(" lessons, 0 errors, 0 warnings")


def test_broken_folder_prints_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "01-bad.toml").write_text(LESSON.replace("minutes = 5", "minutes = 'x'"))
    (folder / "02-worse.toml").write_bytes(b"\x00\xff garbage")
    assert main(["validate", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{folder / '01-bad.toml'}:2: module: error: module 'm' is not declared in any "
        "course.toml (declared: understanding, treatment, lifestyle, plan)",
        f"{folder / '01-bad.toml'}:4: minutes: error: expected an integer, found a string",
        f"{folder / '02-worse.toml'}:1: (file): error: file is not UTF-8 text "
        "(byte 0xff at offset 1); save it as UTF-8",
        lines[-1],
    ]
    assert lines[-1].endswith("lessons, 3 errors, 0 warnings")


def test_single_file_is_checked_with_the_bundled_course(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lesson = tmp_path / "01-mine.toml"
    lesson.write_text(LESSON.replace('module = "m"', 'module = "understanding"'))
    assert main(["validate", str(lesson)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("0 errors, 0 warnings")


def test_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error_without_traceback(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "course", "validate", "--bogus"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "unrecognized arguments: --bogus" in run.stderr


def test_single_file_uses_its_folders_course_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    (folder / "sleep").mkdir(parents=True)
    (folder / "course.toml").write_text(
        'schema = 1\n[[modules]]\nid = "sleep"\ntitle = "Sleep"\nsummary = "Rest."\n'
    )
    lesson = folder / "sleep" / "01-rest.toml"
    lesson.write_text(LESSON.replace('module = "m"', 'module = "sleep"'))
    assert main(["validate", str(lesson)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("0 errors, 0 warnings")
