"""Finishing a lesson moves Continue to the next lesson not yet done.

Just the next in order sent a learner who finished the last lesson (or read
an earlier one again) back to a lesson already done, while lessons never
opened waited further up the map.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from course.loader import load_course
from course.paths import bundled_lessons
from course.session import Session
from progress import database_path, open_store


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    opened = open_store(database_path(tmp_path))
    try:
        yield Session(load_course([bundled_lessons()]).course, opened.store, lambda _: None)
    finally:
        opened.store.close()


def test_finishing_the_last_lesson_goes_round_to_the_first_not_done(session: Session) -> None:
    lessons = session.course.lessons
    session.finish_lesson(lessons[0])
    session.reach_step(lessons[-1], lessons[-1].steps[-1])  # read to its end
    session.finish_lesson(lessons[-1])
    place = session.continue_place()
    assert place is not None and place.lesson.id == lessons[1].id and place.step == 0


def test_a_lesson_already_done_is_passed_over(session: Session) -> None:
    first, second, third = session.course.lessons[:3]
    session.finish_lesson(second)
    session.finish_lesson(first)  # read again, or out of order
    assert session.lesson_after(first) == third
    place = session.continue_place()
    assert place is not None and place.lesson.id == third.id


def test_with_every_lesson_done_continue_stays_where_it_was(session: Session) -> None:
    lessons = session.course.lessons
    for lesson in lessons:
        session.finish_lesson(lesson)
    assert session.lesson_after(lessons[3]) is None
    place = session.continue_place()
    assert place is not None and place.lesson.id == lessons[-1].id  # set by the last but one
