"""Which lesson folders make up the course: bundled, the data folder, --lessons, --only."""

from __future__ import annotations

import argparse
import gc
import shlex
from pathlib import Path

import pytest

from course.cli import NO_ARGUMENTS, build_parser, main
from course.launch import load
from course.paths import bundled_lessons, lesson_folders
from tests.course.lesson_text import LESSON, write_folder


def _args(*lessons: Path, only: bool = False) -> argparse.Namespace:
    return argparse.Namespace(lessons=list(lessons) or None, only=only, data_dir=None)


def test_bundled_course_alone_by_default(tmp_path: Path) -> None:
    assert lesson_folders(_args(), tmp_path) == [bundled_lessons()]


def test_data_folder_lessons_join_when_present(tmp_path: Path) -> None:
    own = tmp_path / "lessons" / "lifestyle"
    own.mkdir(parents=True)
    (own / "09-mine.toml").write_text(LESSON.replace('module = "m"', 'module = "lifestyle"'))
    extra = tmp_path / "extra"
    assert lesson_folders(_args(extra), tmp_path) == [
        bundled_lessons(),
        tmp_path / "lessons",
        extra,
    ]
    result = load(_args(), tmp_path)
    lifestyle = result.course.module("lifestyle")
    assert lifestyle is not None and lifestyle.lessons[-1].id == "lesson-one"
    assert result.ok


def test_only_uses_the_named_folders(tmp_path: Path) -> None:
    mine = write_folder(tmp_path / "mine", {"m/01-one.toml": LESSON})
    (tmp_path / "data" / "lessons").mkdir(parents=True)
    assert lesson_folders(_args(mine, only=True), tmp_path / "data") == [mine]
    result = load(_args(mine, only=True), tmp_path / "data")
    assert result.course.title == "Test course"
    assert [lesson.id for lesson in result.course.lessons] == ["lesson-one"]


def test_id_clash_with_a_bundled_lesson_names_both_files(tmp_path: Path) -> None:
    bundled_id = load(_args(), tmp_path).course.lessons[0]
    clash = tmp_path / "extra" / "understanding"
    clash.mkdir(parents=True)
    (clash / "01-copy.toml").write_text(
        LESSON.replace('id = "lesson-one"', f'id = "{bundled_id.id}"').replace(
            'module = "m"', 'module = "understanding"'
        )
    )
    result = load(_args(tmp_path / "extra"), tmp_path)
    [problem] = result.errors
    assert problem.path == clash / "01-copy.toml"
    assert str(bundled_id.path) in problem.message


def test_a_store_that_cannot_open_stops_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    assert main(["--data-dir", str(blocker)]) == 1
    err = capsys.readouterr().err
    assert str(blocker) in err and "--data-dir" in err and "Traceback" not in err


def test_no_usable_lessons_stops_with_the_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_folder(tmp_path / "broken", {"m/01-one.toml": "id = ["})
    assert main(["--data-dir", str(tmp_path / "data"), "--only", "--lessons", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "01-one.toml:1: (file): error: TOML syntax error" in err
    assert "no lessons could be loaded" in err
    assert not (tmp_path / "data").exists(), "nothing is created when the course cannot start"


def test_no_arguments_start_the_course_as_the_parser_would() -> None:
    """``main`` skips building the parser for a plain ``trd-course``; nothing else may differ."""
    assert vars(build_parser().parse_args([])) == NO_ARGUMENTS


def test_no_arguments_start_the_course(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[argparse.Namespace] = []

    def start(args: argparse.Namespace) -> int:
        started.append(args)
        return 0

    monkeypatch.setattr("course.launch.start", start)
    assert main([]) == 0
    assert [vars(args) for args in started] == [NO_ARGUMENTS]


def _broken_pack(root: Path) -> Path:
    """One good lesson and one that cannot load: the course starts, with a problem to name."""
    return write_folder(root, {"m/01-one.toml": LESSON, "m/02-broken.toml": "id = ["})


def test_the_app_names_the_validate_command_for_its_own_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import course.ui.app

    made: list[dict[str, object]] = []

    class App:
        return_code = 0

        def __init__(self, *args: object, **kwargs: object) -> None:
            made.append(kwargs)

        def run(self) -> None:
            pass

    monkeypatch.setenv("TRD_COURSE_PLAIN", "0")
    monkeypatch.setattr(course.ui.app, "CourseApp", App)
    pack = _broken_pack(tmp_path / "my pack")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "--only", "--lessons", str(pack)]) == 0
    [kwargs] = made
    hint = kwargs["validate_hint"]
    assert hint == shlex.join(
        ["trd-course", "--data-dir", str(data), "--lessons", str(pack), "--only", "validate"]
    )
    # Run as named, it reports the problem the app left out.
    assert main(shlex.split(str(hint))[1:]) == 1
    assert "02-broken.toml" in capsys.readouterr().out


def test_start_up_runs_with_collection_paused_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``start`` relies on its caller to pause the collector for the whole start."""
    during: list[bool] = []

    def start(args: argparse.Namespace) -> int:
        during.append(gc.isenabled())
        return 0

    monkeypatch.setattr("course.launch.start", start)
    assert gc.isenabled()
    assert main([]) == 0
    assert during == [False]
    assert gc.isenabled()


def test_loading_pauses_collection_and_leaves_it_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from course import loader

    during: list[bool] = []
    build = loader._Loading.build

    def spy(self: loader._Loading) -> object:
        during.append(gc.isenabled())
        return build(self)

    monkeypatch.setattr(loader._Loading, "build", spy)
    pack = write_folder(tmp_path / "pack", {"m/01-one.toml": LESSON})
    assert gc.isenabled()
    loader.load_course([pack])
    assert during == [False] and gc.isenabled()
    gc.disable()
    try:
        loader.load_course([pack])
        assert not gc.isenabled(), "a caller's pause is not ended by loading"
    finally:
        gc.enable()
    assert during == [False, False]
