"""The checked course kept between starts: used only while nothing it came from changed."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from course.course_cache import CACHE_FILE, keep, load_with_cache
from course.lesson_files import LoadResult
from tests.course.lesson_text import LESSON, write_folder


def _first_start(lessons: Path, data: Path) -> LoadResult:
    result, key = load_with_cache([lessons], data)
    assert key, "nothing was kept yet, so the course was read and checked"
    data.mkdir(exist_ok=True)
    keep(result, key, data)
    return result


def _no_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> LoadResult:
        raise AssertionError("the course was read again")

    monkeypatch.setattr("course.loader.load_course", refuse)


def test_a_second_start_uses_the_kept_course(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lessons = write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})
    first = _first_start(lessons, tmp_path / "data")
    _no_full_load(monkeypatch)
    again, key = load_with_cache([lessons], tmp_path / "data")
    assert key == ()
    assert again.course == first.course and again.problems == first.problems
    mode = stat.S_IMODE((tmp_path / "data" / CACHE_FILE).stat().st_mode)
    assert mode == 0o600


@pytest.mark.parametrize("change", ["edit", "add", "remove", "course"])
def test_any_change_to_the_lessons_means_a_full_load(tmp_path: Path, change: str) -> None:
    lessons = write_folder(
        tmp_path / "lessons", {"m/01-one.toml": LESSON, "m/02-two.toml": LESSON}
    )
    _first_start(lessons, tmp_path / "data")
    one = lessons / "m" / "01-one.toml"
    if change == "edit":
        one.write_text(LESSON.replace('title = "Lesson one"', 'title = "Renamed"'))
        os.utime(one, ns=(one.stat().st_atime_ns, one.stat().st_mtime_ns + 1_000_000))
    elif change == "add":
        (lessons / "m" / "03-three.toml").write_text(LESSON)
    elif change == "remove":
        (lessons / "m" / "02-two.toml").unlink()
    else:
        course_file = lessons / "course.toml"
        course_file.write_text(course_file.read_text() + "\n# touched\n")
    again, key = load_with_cache([lessons], tmp_path / "data")
    assert key, f"after '{change}' the kept course was used"
    if change == "edit":
        assert again.course.lessons[0].title == "Renamed"


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_damaged_copy_means_a_full_load(tmp_path: Path, damage: bytes) -> None:
    lessons = write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})
    first = _first_start(lessons, tmp_path / "data")
    (tmp_path / "data" / CACHE_FILE).write_bytes(damage)
    again, key = load_with_cache([lessons], tmp_path / "data")
    assert key and again.course == first.course


def test_a_folder_that_cannot_be_written_costs_only_speed(tmp_path: Path) -> None:
    lessons = write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o500)
    try:
        result, key = load_with_cache([lessons], data)
        keep(result, key, data)  # must not raise
        assert not (data / CACHE_FILE).exists() or os.geteuid() == 0
    finally:
        data.chmod(0o700)
    assert result.ok
