"""``previous_ids`` and ``shuffle``: read into the model, with clashes refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.loader import load_course
from course.model import PlanStep, QuizStep
from tests.course.lesson_text import LESSON, write_folder

RENAMED = (
    LESSON.replace('id = "lesson-one"\n', 'id = "lesson-1"\nprevious_ids = ["lesson-one"]\n', 1)
    .replace('id = "page"\n', 'id = "page-1"\nprevious_ids = ["page"]\n')
    .replace('id = "q1"\n', 'id = "q-1"\nprevious_ids = ["q1", "q0"]\nshuffle = false\n')
    .replace('id = "a"\n', 'id = "a-1"\nprevious_ids = ["a"]\n')
    .replace(
        '{ id = "one", text = "Do one thing" }',
        '{ id = "one-1", text = "Do one thing", previous_ids = ["one"] }',
    )
)


def test_previous_ids_and_shuffle_reach_the_model(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": RENAMED})
    result = load_course([root])
    assert result.problems == ()
    lesson = result.course.lessons[0]
    assert lesson.previous_ids == ("lesson-one",)
    assert lesson.steps[0].previous_ids == ("page",)
    quiz = lesson.steps[1]
    assert isinstance(quiz, QuizStep)
    question = quiz.questions[0]
    assert (question.previous_ids, question.shuffle) == (("q1", "q0"), False)
    assert question.choices[0].previous_ids == ("a",)
    assert question.choices[1].previous_ids == ()
    plan = lesson.steps[3]
    assert isinstance(plan, PlanStep)
    assert plan.items[0].previous_ids == ("one",)


def test_shuffle_defaults_to_true(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})
    assert load_course([root]).course.lessons[0].questions[0].shuffle is True


CLASHES = [
    (
        "own id",
        'id = "page"\n',
        'id = "page"\nprevious_ids = ["page"]\n',
        "steps[0].previous_ids[0]",
        "previous id 'page' is this step's own id",
    ),
    (
        "another step's id",
        'id = "page"\n',
        'id = "page"\nprevious_ids = ["think"]\n',
        "steps[0].previous_ids[0]",
        "previous id 'think' is the id of the step at line",
    ),
    (
        "listed twice in one list",
        'id = "page"\n',
        'id = "page"\nprevious_ids = ["old", "old"]\n',
        "steps[0].previous_ids[1]",
        "previous id 'old' is listed twice",
    ),
    (
        "two choices list one old id",
        'id = "b"\n',
        'id = "b"\nprevious_ids = ["x"]\n',
        "steps[1].questions[0].choices[1].previous_ids[0]",
        "previous id 'x' is also listed by the choice at line",
    ),
    (
        "not an id",
        'id = "page"\n',
        'id = "page"\nprevious_ids = ["Old Page"]\n',
        "steps[0].previous_ids[0]",
        "expected an id of lowercase letters",
    ),
    (
        "not an array",
        'id = "page"\n',
        'id = "page"\nprevious_ids = "old"\n',
        "steps[0].previous_ids",
        "expected an array of ids",
    ),
    (
        "shuffle not a boolean",
        'id = "q1"\n',
        'id = "q1"\nshuffle = "no"\n',
        "steps[1].questions[0].shuffle",
        "expected a boolean (true or false), found a string",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "key", "message"), [c[1:] for c in CLASHES], ids=[c[0] for c in CLASHES]
)
def test_clashing_previous_ids_are_errors(
    tmp_path: Path, old: str, new: str, key: str, message: str
) -> None:
    text = LESSON.replace(old, new, 1)
    if "also listed" in message:
        text = text.replace('id = "a"\n', 'id = "a"\nprevious_ids = ["x"]\n', 1)
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": text})
    result = load_course([root])
    assert [(p.key, message in p.message) for p in result.errors] == [(key, True)], [
        p.format() for p in result.problems
    ]
    assert not result.course.lessons


def _lesson(ident: str, previous: str = "") -> str:
    text = LESSON.replace('id = "lesson-one"', f'id = "{ident}"', 1)
    if previous:
        text = text.replace("module =", f"previous_ids = [{previous}]\nmodule =", 1)
    return text


@pytest.mark.parametrize(
    ("previous", "message"),
    [
        ('"one"', "previous id 'one' is the id of the lesson in"),
        ('"gone"', "previous id 'gone' is also listed by the lesson in"),
    ],
)
def test_lesson_previous_ids_are_checked_across_the_course(
    tmp_path: Path, previous: str, message: str
) -> None:
    first = write_folder(tmp_path / "a", {"m/01-one.toml": _lesson("one", '"gone"')})
    second = write_folder(
        tmp_path / "b",
        {"m/02-two.toml": _lesson("two", previous)},
        course='schema = 1\n[[modules]]\nid = "n"\ntitle = "N"\nsummary = "N."\n',
    )
    result = load_course([first, second])
    (problem,) = result.errors
    assert problem.path == second / "m" / "02-two.toml"
    assert problem.key == "previous_ids[0]"
    assert message in problem.message
    assert str(first / "m" / "01-one.toml") in problem.message
    assert [lesson.id for lesson in result.course.lessons] == ["one"]
