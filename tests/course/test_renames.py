"""course.renames: every saved id finds its current one, and nothing else moves."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from course.loader import load_course
from course.model import Course, Lesson, Module, ReadStep
from course.renames import renames
from tests.course.lesson_text import LESSON, write_folder
from tests.course.test_previous_ids import RENAMED


def _course(tmp_path: Path, text: str) -> Course:
    result = load_course([write_folder(tmp_path / "lessons", {"m/01-one.toml": text})])
    assert result.errors == (), [p.format() for p in result.errors]
    return result.course


def test_every_kind_of_saved_id_maps_to_its_current_id(tmp_path: Path) -> None:
    moved = renames(_course(tmp_path, RENAMED))
    assert moved
    assert moved.lesson("lesson-one") == "lesson-1"
    assert moved.step("lesson-1", "page") == "page-1"
    assert moved.question("lesson-1", "q1") == "q-1"
    assert moved.question("lesson-1", "q0") == "q-1"
    assert moved.choice("lesson-1", "q-1", "a") == "a-1"
    assert moved.item("lesson-1", "todo", "one") == "one-1"


def test_current_and_unknown_ids_stay_as_they_are(tmp_path: Path) -> None:
    moved = renames(_course(tmp_path, RENAMED))
    assert moved.lesson("lesson-1") == "lesson-1"
    assert moved.lesson("gone") == "gone"
    assert moved.step("lesson-1", "check") == "check"
    # Scoped: an old id means nothing in another lesson, question or step.
    assert moved.step("other-lesson", "page") == "page"
    assert moved.choice("lesson-1", "elsewhere", "a") == "a"
    assert moved.item("lesson-1", "another-step", "one") == "one"


def test_a_course_without_renames_maps_nothing(tmp_path: Path) -> None:
    moved = renames(_course(tmp_path, LESSON))
    assert not moved
    assert moved.lesson("lesson-one") == "lesson-one"


ids = st.from_regex(r"[a-z][a-z0-9-]{0,5}", fullmatch=True)


@given(st.lists(st.tuples(ids, st.lists(ids, max_size=3)), max_size=6))
def test_a_current_id_is_never_redirected(entries: list[tuple[str, list[str]]]) -> None:
    """Even in a course the validator would refuse, current ids keep their progress."""
    lessons = tuple(
        Lesson(ident, "m", "T", 1, "S", (ReadStep("s", "T", "b"),), previous_ids=tuple(previous))
        for ident, previous in entries
    )
    moved = renames(Course("C", (Module("m", "M", "S", lessons),)))
    for lesson in lessons:
        assert moved.lesson(lesson.id) == lesson.id
    for lesson in lessons:
        for old in lesson.previous_ids:
            assert moved.lesson(old) in {x.id for x in lessons}
