"""Every validation check names the file, the line, the key path and the problem."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from course.loader import load_course
from course.problems import Problem, Severity
from tests.course.lesson_text import LESSON, write_folder


@dataclass(frozen=True)
class Case:
    id: str
    old: str
    new: str
    line: int
    key: str
    message: str
    severity: Severity = Severity.ERROR


CASES = [
    Case(
        "syntax", 'title = "Lesson one"', 'title = "Lesson one', 3, "(file)", "TOML syntax error"
    ),
    Case(
        "unknown key with hint",
        "minutes = 5",
        "minutes = 5\nsumary = 'x'",
        5,
        "sumary",
        "unknown key 'sumary'; did you mean 'summary'?",
    ),
    Case(
        "unknown key nested",
        'feedback = "No."',
        'feedback = "No."\ncorect = true',
        32,
        "steps[1].questions[0].choices[1].corect",
        "did you mean 'correct'?",
    ),
    Case(
        "unknown key far from any",
        "minutes = 5",
        "minutes = 5\nzzzz = 1",
        5,
        "zzzz",
        "unknown key 'zzzz'; expected one of: schema, id, module",
    ),
    Case("missing key", 'title = "Lesson one"\n', "", 1, "(file)", "missing required key 'title'"),
    Case(
        "missing nested key",
        'prompt = "Which?"\n',
        "",
        17,
        "steps[1].questions[0]",
        "missing required key 'prompt'",
    ),
    Case(
        "wrong type",
        "minutes = 5",
        'minutes = "five"',
        4,
        "minutes",
        "expected an integer, found a string",
    ),
    Case(
        "wrong type bool",
        "correct = true",
        'correct = "yes"',
        25,
        "steps[1].questions[0].choices[0].correct",
        "expected a boolean (true or false), found a string",
    ),
    Case(
        "out of range",
        "minutes = 5",
        "minutes = 0",
        4,
        "minutes",
        "expected an integer from 1 to 60, found 0",
    ),
    Case(
        "empty string",
        'summary = "What it covers."',
        'summary = "  "',
        5,
        "summary",
        "must not be empty",
    ),
    Case(
        "empty plan item",
        '{ id = "two", text = "Do another" }',
        '{ id = "two", text = "" }',
        44,
        "steps[3].items[1].text",
        "must not be empty",
    ),
    Case(
        "bad id",
        'id = "lesson-one"',
        'id = "Lesson One"',
        1,
        "id",
        "expected an id of lowercase letters, digits and hyphens, found 'Lesson One'",
    ),
    Case(
        "duplicate step id",
        'id = "think"',
        'id = "page"',
        34,
        "steps[2].id",
        "duplicate step id 'page' (first used at line 8)",
    ),
    Case(
        "duplicate question id",
        'kind = "reflect"\nprompt = "What do you think?"',
        'kind = "quiz"\n[[steps.questions]]\nid = "q1"\nprompt = "Again?"\nexplanation = "x"\n'
        '[[steps.questions.choices]]\nid = "a"\ntext = "A"\ncorrect = true\nfeedback = "f"\n'
        '[[steps.questions.choices]]\nid = "b"\ntext = "B"\nfeedback = "f"',
        37,
        "steps[2].questions[0].id",
        "duplicate question id 'q1' (first used at line 17)",
    ),
    Case(
        "duplicate choice id",
        'id = "b"',
        'id = "a"',
        29,
        "steps[1].questions[0].choices[1].id",
        "duplicate choice id 'a' (first used at line 22)",
    ),
    Case(
        "duplicate plan item id",
        '{ id = "two", text = "Do another" }',
        '{ id = "one", text = "Do another" }',
        44,
        "steps[3].items[1].id",
        "duplicate plan item id 'one' (first used at line 43)",
    ),
    Case(
        "fewer than two choices",
        '[[steps.questions.choices]]\nid = "b"\ntext = "That one"\nfeedback = "No."\n',
        "",
        22,
        "steps[1].questions[0].choices",
        "expected at least 2 entries, found 1",
    ),
    Case(
        "no correct choice",
        "correct = true\n",
        "",
        22,
        "steps[1].questions[0].choices",
        "no choice is marked 'correct = true'",
    ),
    Case(
        "unknown step kind",
        'kind = "reflect"',
        'kind = "reflct"',
        35,
        "steps[2].kind",
        "expected one of read, quiz, reflect, plan, found 'reflct'; did you mean 'reflect'?",
    ),
    Case(
        "no steps",
        "[[steps]]",
        "[[stepz]]",
        8,
        "stepz",
        "unknown key 'stepz'; did you mean 'steps'?",
    ),
    Case(
        "escape character",
        'body = "Some text."',
        'body = "Some \\u001b[2Jtext."',
        11,
        "steps[0].body",
        "contains the control character U+001B",
    ),
    Case(
        "delete character",
        'prompt = "Which?"',
        'prompt = "Which\\u007f?"',
        19,
        "steps[1].questions[0].prompt",
        "contains the control character U+007F",
    ),
    Case(
        "C1 character",
        'text = "That one"',
        'text = "That\\u0085one"',
        30,
        "steps[1].questions[0].choices[1].text",
        "contains the control character U+0085",
    ),
    Case(
        "bidi override",
        'title = "Lesson one"',
        'title = "Lesson \\u202eeno"',
        3,
        "title",
        "contains the control character U+202E",
    ),
    Case(
        "bidi isolate in array",
        'sources = ["Someone. A paper. A journal. 2020."]',
        'sources = ["Someone.", "A \\u2066paper"]',
        6,
        "sources[1]",
        "contains the control character U+2066",
    ),
    Case(
        "schema version",
        'id = "lesson-one"',
        'schema = 2\nid = "lesson-one"',
        1,
        "schema",
        "schema version 2 is not supported; this program reads version 1",
    ),
    Case(
        "choice without feedback",
        'feedback = "No."\n',
        "",
        28,
        "steps[1].questions[0].choices[1]",
        "choice has no 'feedback'",
        Severity.WARNING,
    ),
    Case(
        "question without explanation",
        'explanation = "Because."\n',
        "",
        17,
        "steps[1].questions[0]",
        "question has no 'explanation'",
        Severity.WARNING,
    ),
    Case(
        "lesson without sources",
        'sources = ["Someone. A paper. A journal. 2020."]\n',
        "",
        1,
        "(file)",
        "lesson has no 'sources'",
        Severity.WARNING,
    ),
    Case(
        "module not declared",
        'module = "m"',
        'module = "n"',
        2,
        "module",
        "module 'n' is not declared in any course.toml (declared: m)",
    ),
]


def _only(problems: tuple[Problem, ...]) -> Problem:
    assert len(problems) == 1, "\n".join(p.format() for p in problems)
    return problems[0]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_each_check_names_file_line_key_and_message(tmp_path: Path, case: Case) -> None:
    assert case.old in LESSON, case.id
    text = LESSON.replace(case.old, case.new, 1)
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": text})
    result = load_course([root])
    problem = _only(result.problems)
    assert problem.path == root / "m" / "01-one.toml"
    assert (problem.line, problem.key) == (case.line, case.key), problem.format()
    assert case.message in problem.message
    assert problem.severity is case.severity
    if case.severity is Severity.ERROR:
        assert not result.course.lessons, "a lesson with errors is left out"
    else:
        assert [lesson.id for lesson in result.course.lessons] == ["lesson-one"]


def test_valid_lesson_loads_into_the_model(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})
    result = load_course([root])
    assert result.problems == ()
    lesson = result.course.lessons[0]
    assert [s.kind for s in lesson.steps] == ["read", "quiz", "reflect", "plan"]
    assert lesson.steps[0].title == "Read"
    assert lesson.questions[0].correct_ids == frozenset({"a"})


def test_every_error_in_every_file_is_reported(tmp_path: Path) -> None:
    broken = LESSON.replace("minutes = 5", 'minutes = "5"').replace('id = "b"', 'id = "a"')
    root = write_folder(
        tmp_path / "lessons",
        {"m/01-one.toml": broken, "m/02-two.toml": "id = [", "m/03-three.toml": ""},
    )
    result = load_course([root])
    by_file = sorted((p.path.name, p.line) for p in result.errors)
    assert by_file == [
        ("01-one.toml", 4),
        ("01-one.toml", 29),
        ("02-two.toml", 1),
        ("03-three.toml", 1),
    ]


def test_duplicate_lesson_id_across_folders_names_both_files(tmp_path: Path) -> None:
    first = write_folder(tmp_path / "a", {"m/01-one.toml": LESSON})
    second = tmp_path / "b" / "extra"
    second.mkdir(parents=True)
    (second / "02-again.toml").write_text(LESSON, encoding="utf-8")
    result = load_course([first, tmp_path / "b"])
    problem = _only(result.problems)
    assert problem.path == second / "02-again.toml"
    assert (problem.line, problem.key) == (1, "id")
    assert str(first / "m" / "01-one.toml") in problem.message
    assert "duplicate lesson id 'lesson-one'" in problem.message
    assert len(result.course.lessons) == 1


FILE_CASES = [
    (
        "not utf-8",
        b'id = "x"\ntitle = "caf\xe9"\n',
        2,
        "file is not UTF-8 text (byte 0xe9 at offset 21)",
    ),
    ("empty", b"", 1, "file is empty"),
    ("only spaces", b"  \n\n", 1, "file is empty"),
    ("binary garbage", bytes(range(256)) * 4, 2, "is not UTF-8 text"),
    ("deep nesting", b"x = " + b"[" * 5000 + b"]" * 5000, 1, "nested too deeply"),
    (
        "huge integer",
        b'id = "x"\n\nminutes = ' + b"9" * 5000 + b"\n",
        3,
        "a value could not be read",
    ),
    ("too large", b"# " + b"x" * (1024 * 1024) + b"\n", 1, "larger than 1 MiB"),
]


@pytest.mark.parametrize(
    ("content", "line", "message"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES]
)
def test_file_level_problems(tmp_path: Path, content: bytes, line: int, message: str) -> None:
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": content})
    problem = _only(load_course([root]).problems)
    assert (problem.path.name, problem.line, problem.key) == ("01-one.toml", line, "(file)")
    assert message in problem.message


def test_folder_with_no_lessons(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "lessons", {})
    problem = _only(load_course([root]).problems)
    assert (problem.path, problem.line) == (root, 1)
    assert "no lesson files found" in problem.message


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})
    real_open = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == "01-one.toml":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    problem = _only(load_course([root]).problems)
    assert problem.path.name == "01-one.toml"
    assert "permission denied" in problem.message


def test_symlink_loop_ends(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})
    (root / "m" / "loop").symlink_to(root, target_is_directory=True)
    (root / "m" / "self").symlink_to(root / "m" / "self")
    result = load_course([root])
    assert [lesson.id for lesson in result.course.lessons] == ["lesson-one"]
    assert all("duplicate" not in p.message for p in result.problems)


def test_module_declared_in_an_extra_folder(tmp_path: Path) -> None:
    bundled = write_folder(tmp_path / "a", {"m/01-one.toml": LESSON})
    extra_course = 'schema = 1\n\n[[modules]]\nid = "extra"\ntitle = "Extra"\nsummary = "More."\n'
    lesson = LESSON.replace('id = "lesson-one"', 'id = "lesson-two"').replace(
        'module = "m"', 'module = "extra"'
    )
    extra = write_folder(tmp_path / "b", {"extra/01-two.toml": lesson}, course=extra_course)
    result = load_course([bundled, extra])
    assert result.problems == ()
    assert result.course.title == "Test course"
    assert [m.id for m in result.course.modules] == ["m", "extra"]


def test_lessons_are_ordered_by_file_name(tmp_path: Path) -> None:
    lessons = {
        f"m/{name}.toml": LESSON.replace('id = "lesson-one"', f'id = "{name[3:]}"')
        for name in ("02-b", "10-c", "01-a")
    }
    root = write_folder(tmp_path / "lessons", lessons)
    assert [lesson.id for lesson in load_course([root]).course.lessons] == ["a", "b", "c"]


def test_many_files_do_not_stop_the_loader(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "lessons", {})
    folder = root / "m"
    folder.mkdir()
    for index in range(5000):
        (folder / f"{index:04d}.toml").write_bytes(b"id = [" if index % 2 else b"\xff\xfe")
    result = load_course([root])
    assert result.lesson_files == 5000
    assert len(result.errors) == 5000


def test_undeclared_module_is_reported_even_with_other_errors(tmp_path: Path) -> None:
    broken = LESSON.replace('module = "m"', 'module = "mm"').replace("minutes = 5", "minutes = 0")
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": broken})
    found = sorted((p.line, p.key, p.message) for p in load_course([root]).errors)
    assert found == [
        (2, "module", "module 'mm' is not declared in any course.toml; did you mean 'm'?"),
        (4, "minutes", "expected an integer from 1 to 60, found 0"),
    ]


def test_numbers_in_file_names_sort_as_numbers(tmp_path: Path) -> None:
    lessons = {
        f"m/{name}.toml": LESSON.replace('id = "lesson-one"', f'id = "l{name.split("-")[0]}"')
        for name in ("100-c", "9-a", "10-b")
    }
    root = write_folder(tmp_path / "lessons", lessons)
    assert [x.id for x in load_course([root]).course.lessons] == ["l9", "l10", "l100"]


def test_a_fifo_named_like_a_lesson_is_reported_not_waited_on(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})
    os.mkfifo(root / "m" / "02-pipe.toml")
    result = load_course([root])
    problem = _only(result.problems)
    assert problem.path.name == "02-pipe.toml"
    assert "is not a regular file" in problem.message
    assert [lesson.id for lesson in result.course.lessons] == ["lesson-one"]
