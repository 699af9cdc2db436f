"""``trd-course outline``: a pack at a glance, from the course validate checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.cli import main
from course.commands.outline import outline_lines, step_words
from course.loader import load_course
from course.model import QuizStep
from tests.course.lesson_text import LESSON, write_folder

OWN_MODULE = 'schema = 1\n[[modules]]\nid = "m"\ntitle = "Mine"\nsummary = "M."\n'


def test_outline_lists_modules_lessons_and_steps_with_numbers(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "pack", {"m/01-one.toml": LESSON})
    course = load_course([root]).course
    lines = outline_lines(course)
    assert lines[0] == "Test course"
    assert "module m: Module" in lines
    lesson_line = next(line for line in lines if line.startswith("  lesson "))
    assert lesson_line.startswith("  lesson lesson-one: Lesson one (5 min, ")
    assert str(root / "m" / "01-one.toml") in lesson_line
    steps = [line.split(":")[0].split() for line in lines if line.startswith("    ")]
    assert steps == [["read", "page"], ["quiz", "check"], ["reflect", "think"], ["plan", "todo"]]
    assert lines[-4].endswith("(2 words; 1 line at 80x24: fits)")
    assert "1 question, 2 choices" in lines[-3]
    assert "2 items" in lines[-1]


def test_word_counts_include_what_the_learner_reads_after_answering(tmp_path: Path) -> None:
    course = load_course([write_folder(tmp_path / "pack", {"m/01-one.toml": LESSON})]).course
    quiz = course.lessons[0].steps[1]
    assert isinstance(quiz, QuizStep)
    # "Which?" "Because." "This one" "Yes." "That one" "No."
    assert step_words(quiz) == 1 + 1 + 2 + 1 + 2 + 1


def test_a_long_page_is_marked_as_scrolling(tmp_path: Path) -> None:
    body = "\n\n".join(["Line of text."] * 12)
    text = LESSON.replace('body = "Some text."', f'body = """\n{body}\n"""')
    course = load_course([write_folder(tmp_path / "pack", {"m/01-one.toml": text})]).course
    (page,) = [line for line in outline_lines(course) if line.lstrip().startswith("read")]
    assert "23 lines at 80x24: scrolls (over 18)" in page


def test_outline_paths_list_only_their_lessons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = write_folder(tmp_path / "pack", {"m/01-one.toml": LESSON}, course=OWN_MODULE)
    assert main(["outline", str(pack)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if line.startswith("module ")] == ["module m: Mine"]
    assert sum(line.startswith("  lesson ") for line in out) == 1


def test_outline_with_errors_says_so_and_names_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = LESSON.replace('id = "lesson-one"', 'id = "Bad Id"')
    pack = write_folder(
        tmp_path / "pack",
        {"m/01-one.toml": LESSON.replace("lesson-one", "good"), "m/02-two.toml": broken},
        course=OWN_MODULE,
    )
    assert main(["outline", str(pack)]) == 1
    out, err = capsys.readouterr()
    assert "lesson good:" in out and "Bad Id" not in out
    assert "1 error" in err and f"trd-course validate {pack}" in err


def test_outline_of_a_missing_path_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
