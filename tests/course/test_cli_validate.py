"""``trd-course validate`` as an author meets it: lines, counts and exit codes."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import build_parser, main
from course.loader import load_course
from course.paths import bundled_lessons, validate_command
from tests.course.lesson_text import LESSON


def test_bundled_course_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert " lessons, 0 errors, " in out[-1]


def test_broken_folder_prints_one_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "01-bad.toml").write_text(LESSON.replace("minutes = 5", "minutes = 'x'"))
    (folder / "02-worse.toml").write_bytes(b"\x00\xff garbage")
    assert main(["validate", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    declared = ", ".join(m.id for m in load_course([bundled_lessons()]).course.modules)
    assert lines == [
        f"{folder / '01-bad.toml'}:2: module: error: module 'm' is not declared in any "
        f"course.toml (declared: {declared})",
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
    assert "0 errors, " in capsys.readouterr().out.splitlines()[-1]


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
    assert "0 errors, " in capsys.readouterr().out.splitlines()[-1]


# validate checks exactly what the app loads (issue 18, problem 1) -----------

CAREGIVERS = (
    'schema = 1\n\n[[modules]]\nid = "caregivers"\ntitle = "Caregivers"\nsummary = "For you."\n'
)


def _pack(root: Path, lesson_id: str, course: str = CAREGIVERS) -> Path:
    (root / "caregivers").mkdir(parents=True)
    (root / "course.toml").write_text(course)
    (root / "caregivers" / "01-x.toml").write_text(
        LESSON.replace('id = "lesson-one"', f'id = "{lesson_id}"').replace(
            'module = "m"', 'module = "caregivers"'
        )
    )
    return root


def test_the_data_folder_is_validated_as_the_app_loads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    _pack(data / "lessons", "in-data")
    pack = _pack(tmp_path / "pack", "in-pack")
    args = ["--data-dir", str(data), "--lessons", str(pack)]
    assert main([*args, "validate"]) == 1
    out = capsys.readouterr().out
    assert f"{pack / 'course.toml'}:" in out
    assert "module 'caregivers' is already declared in" in out
    assert out.splitlines()[-1].endswith("1 error, 0 warnings")
    # The app's own load reports the same problems.
    from course.commands.common import data_dir
    from course.launch import load

    parsed = build_parser().parse_args(args)
    assert [p.format() for p in load(parsed, data_dir(parsed)).problems] == out.splitlines()[:-1]


def test_only_is_validated_as_the_app_loads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = _pack(tmp_path / "pack", "in-pack")
    assert main(["--lessons", str(pack), "validate"]) == 0
    capsys.readouterr()
    assert main(["--only", "--lessons", str(pack), "validate"]) == 1
    out = capsys.readouterr().out
    assert f"{pack / 'course.toml'}:1: (file): error: missing required key 'title'" in out


def test_the_apps_hint_names_a_command_that_reproduces_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = _pack(tmp_path / "my pack", "in-pack")
    parsed = build_parser().parse_args(["--only", "--lessons", str(pack)])
    command = validate_command(parsed)
    assert command == f"trd-course --lessons '{pack}' --only validate"
    words = shlex.split(command)
    assert main(words[1:]) == 1
    assert "missing required key 'title'" in capsys.readouterr().out


def test_a_single_file_is_checked_without_its_siblings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = _pack(tmp_path / "pack", "in-pack")
    (pack / "caregivers" / "02-broken.toml").write_text('id = "broken"\nminutes = "x"\n')
    lesson = pack / "caregivers" / "01-x.toml"
    assert main(["validate", str(lesson)]) == 0
    out = capsys.readouterr().out
    assert "02-broken" not in out
    bundled = load_course([bundled_lessons()]).lesson_files
    assert out.splitlines()[-1].startswith(f"{bundled + 1} lessons, 0 errors, ")
    assert main(["validate", str(pack)]) == 1
    assert "02-broken.toml" in capsys.readouterr().out


def test_json_format_for_ci(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "01-bad.toml").write_text(LESSON.replace("minutes = 5", "minutes = 'x'"))
    assert main(["validate", "--format", "json", str(folder)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["errors"] == len([p for p in document["problems"] if p["severity"] == "error"])
    found = {(p["line"], p["key"]) for p in document["problems"]}
    assert (4, "minutes") in found
    assert all(
        set(p) == {"path", "line", "key", "severity", "message"} for p in document["problems"]
    )


def test_counts_read_as_sentences() -> None:
    from course.problems import counted

    assert [counted(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
