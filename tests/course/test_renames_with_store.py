"""A renamed pack and a real store: every saved id finds its entry again.

The Session (not this module) will translate what the store returns; this
test records progress under the old ids with the real ``progress`` store,
renames every kind of id in the pack (keeping the old ones in
``previous_ids``), reloads, and checks that ``course.renames`` leads each
saved id to an entry of the renamed course.
"""

from __future__ import annotations

from pathlib import Path

from course.loader import load_course
from course.model import Course, PlanStep, Step
from course.renames import renames
from progress import database_path, open_store
from tests.course.lesson_text import LESSON, write_folder
from tests.course.test_previous_ids import RENAMED


def _step(course: Course, lesson_id: str, step_id: str) -> Step:
    lesson = course.lesson(lesson_id)
    assert lesson is not None, lesson_id
    index = lesson.step_index(step_id)
    assert index is not None, step_id
    return lesson.steps[index]


def test_progress_saved_before_a_rename_is_found_after_it(tmp_path: Path) -> None:
    store = open_store(database_path(tmp_path / "data")).store
    try:
        store.set_position("lesson-one", "page")
        store.mark_started("lesson-one")
        store.record_answer("lesson-one", "q1", ["a"], True)
        store.save_reflection("lesson-one", "think", "My own words.")
        store.tick("lesson-one", "todo", "one")
        saved = store.snapshot()
    finally:
        store.close()
    before = load_course([write_folder(tmp_path / "old", {"m/01-one.toml": LESSON})]).course
    assert before.lesson("lesson-one") is not None

    after = load_course([write_folder(tmp_path / "new", {"m/01-one.toml": RENAMED})]).course
    assert after.lesson("lesson-one") is None, "the lesson was renamed"
    moved = renames(after)

    assert saved.position is not None
    lesson_id = moved.lesson(saved.position.lesson_id)
    assert lesson_id == "lesson-1"
    assert _step(after, lesson_id, moved.step(lesson_id, saved.position.step_id)).id == "page-1"
    assert [moved.lesson(p.lesson_id) for p in saved.lessons] == ["lesson-1"]

    (attempt,) = saved.attempts
    lesson = after.lesson(moved.lesson(attempt.lesson_id))
    assert lesson is not None
    question_id = moved.question(lesson.id, attempt.question_id)
    (question,) = [q for q in lesson.questions if q.id == question_id]
    chosen = {moved.choice(lesson.id, question.id, c) for c in attempt.choice_ids}
    assert chosen == question.correct_ids == {"a-1"}

    (reflection,) = saved.reflections
    step = _step(after, moved.lesson(reflection.lesson_id), reflection.step_id)
    assert getattr(step, "prompt", None) == "What do you think?"

    (plan,) = saved.plans
    step = _step(after, moved.lesson(plan.lesson_id), moved.step("lesson-1", plan.step_id))
    assert isinstance(step, PlanStep)
    ticked = {moved.item("lesson-1", step.id, item) for item in plan.ticked}
    assert ticked == {"one-1"} <= {item.id for item in step.items}
