"""The mistakes an outside author really made, each caught where it was made.

Issue 18 lists them: an unclosed triple-quoted string reported far away, a
control character at the wrong line, silent mistakes (indented bodies, starter
text, huge pages, empty explanations, all-correct questions, stray TOML
files), and a Python tuple in a message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from course.loader import load_course
from course.page_fit import READ_HEIGHT, READ_WIDTH, code_line, page_lines
from course.problems import Problem, Severity
from course.schema import MAX_CHOICE_CHARS, MAX_CHOICES
from tests.course.lesson_text import LESSON, write_folder

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"

# LESSON with a multi-line body on the first page, and a second read step after
# the quiz whose body is also multi-line (the unclosed-string shape).
TWO_PAGES = LESSON.replace(
    'body = "Some text."',
    'body = """\nSome text.\n\nMore text.\n"""',
).replace(
    '[[steps]]\nid = "think"',
    '[[steps]]\nid = "page-two"\nkind = "read"\nbody = """\nA second page.\n\nWith words.\n"""\n\n'
    '[[steps]]\nid = "think"',
)


def _problems(tmp_path: Path, text: str | bytes, name: str = "m/01-one.toml") -> list[Problem]:
    root = write_folder(tmp_path / "lessons", {name: text})
    return list(load_course([root]).problems)


def _line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_two_pages_fixture_is_clean(tmp_path: Path) -> None:
    assert _problems(tmp_path, TWO_PAGES) == []


# 3. Unclosed strings and control characters --------------------------------


def test_unclosed_string_before_another_is_named_at_its_opening_line(tmp_path: Path) -> None:
    text = TWO_PAGES.replace('More text.\n"""', "More text.\n", 1)
    opened = _line_of(text, 'body = """')
    (problem,) = _problems(tmp_path, text)
    assert problem.line > opened + 10, "TOML itself reports the error far below"
    assert f'a """ string opened at line {opened} may be unclosed' in problem.message


def test_unclosed_last_string_is_named_at_its_opening_line(tmp_path: Path) -> None:
    text = TWO_PAGES.replace('With words.\n"""', "With words.\n", 1)
    (problem,) = _problems(tmp_path, text)
    assert "Unterminated string" in problem.message
    opened = _line_of(text, 'id = "page-two"') + 2
    assert f'a """ string opened at line {opened} may be unclosed' in problem.message


def test_a_closed_string_gets_no_unclosed_hint(tmp_path: Path) -> None:
    text = TWO_PAGES.replace('id = "page-two"', 'id = "page-two"\nminutes = = 3')
    (problem,) = _problems(tmp_path, text)
    assert "TOML syntax error" in problem.message
    assert "may be unclosed" not in problem.message


def test_control_character_is_reported_at_its_own_line(tmp_path: Path) -> None:
    text = TWO_PAGES.replace("More text.", "More \x1b[2J text.")
    (problem,) = _problems(tmp_path, text)  # TOML itself refuses a raw one
    assert problem.line == _line_of(text, "More ")
    assert "\x1b" not in problem.format()


def test_escaped_control_character_is_reported_at_its_own_line(tmp_path: Path) -> None:
    text = TWO_PAGES.replace("More text.", "More \\u001b[2J text.")
    (problem,) = _problems(tmp_path, text)
    assert problem.key == "steps[0].body"
    assert problem.line == _line_of(text, "More ")
    assert problem.line != _line_of(text, 'body = """')


def test_key_with_a_control_character_prints_harmlessly(tmp_path: Path) -> None:
    text = LESSON.replace("minutes = 5", 'minutes = 5\n"ti\\u001b]52;c;x\\u0007" = 1')
    printed = "\n".join(p.format() for p in _problems(tmp_path, text))
    assert "\x1b" not in printed and "\x07" not in printed
    assert "\u241b" in printed


def test_single_brackets_twice_name_the_toml_not_a_python_tuple(tmp_path: Path) -> None:
    text = LESSON.replace("[[steps]]", "[steps]")
    (problem,) = _problems(tmp_path, text)
    assert "('steps',)" not in problem.message
    assert "[steps] is declared twice; write [[steps]] (two brackets)" in problem.message


# 4. Silent mistakes ---------------------------------------------------------


def _warnings(problems: list[Problem]) -> list[tuple[int, str, str]]:
    assert all(p.severity is Severity.WARNING for p in problems), problems
    return [(p.line, p.key, p.message) for p in problems]


def test_a_body_indented_four_spaces_warns_at_the_first_code_line(tmp_path: Path) -> None:
    text = TWO_PAGES.replace("\nSome text.\n\nMore text.\n", "\n    Some **text**.\n\n    More.\n")
    ((line, key, message),) = _warnings(_problems(tmp_path, text))
    assert (line, key) == (_line_of(text, "Some **text**"), "steps[0].body")
    assert "shows as code" in message


@pytest.mark.parametrize(
    "body",
    [
        "- a bullet\n    continued under it\n",
        "Text\n    a lazy continuation line\n",
        "```\n    code on purpose\n```\n",
        "- item\n\n    more of the same item\n",
    ],
)
def test_indents_that_are_not_code_blocks_do_not_warn(body: str) -> None:
    assert code_line(body) is None


def test_starter_text_from_new_warns_where_it_is(tmp_path: Path) -> None:
    text = LESSON.replace('prompt = "Which?"', 'prompt = "Replace with a question."')
    ((line, key, message),) = _warnings(_problems(tmp_path, text))
    assert (line, key) == (_line_of(text, "Replace with"), "steps[1].questions[0].prompt")
    assert "starter text from 'trd-course new'" in message


def test_a_page_longer_than_the_screen_warns(tmp_path: Path) -> None:
    long_body = "\n\n".join(["A sentence of about forty characters here."] * 10)
    assert page_lines(long_body) == 19 > READ_HEIGHT
    text = LESSON.replace('body = "Some text."', f'body = """\n{long_body}\n"""')
    ((line, key, message),) = _warnings(_problems(tmp_path, text))
    assert (line, key) == (_line_of(text, "body ="), "steps[0].body")
    assert f"page is about 19 lines at 80x24, and {READ_HEIGHT} fit" in message


def test_a_page_that_fits_does_not_warn(tmp_path: Path) -> None:
    body = "\n\n".join(["A sentence of about forty characters here."] * 9)
    assert page_lines(body) == READ_HEIGHT - 1
    assert _problems(tmp_path, LESSON.replace('"Some text."', f'"""\n{body}\n"""')) == []


def test_page_lines_wraps_at_the_reading_width() -> None:
    assert page_lines("word " * (READ_WIDTH // 5)) == 1
    assert page_lines("word " * (READ_WIDTH // 5 + 1)) == 2
    assert page_lines("- one\n- two\n- three") == 3, "a tight list has no gaps"
    assert page_lines("# Title\n\nText.") == 3


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            'explanation = "Because."',
            'explanation = ""',
            "steps[1].questions[0].explanation",
            "'explanation' is empty",
        ),
        (
            'feedback = "No."',
            'feedback = "  "',
            "steps[1].questions[0].choices[1].feedback",
            "'feedback' is empty",
        ),
        (
            'text = "That one"',
            'text = "That one"\ncorrect = true',
            "steps[1].questions[0].choices",
            "every choice is correct",
        ),
        (
            'text = "That one"',
            f'text = "{"x" * (MAX_CHOICE_CHARS + 1)}"',
            "steps[1].questions[0].choices[1].text",
            f"choice is {MAX_CHOICE_CHARS + 1} characters, more than the {MAX_CHOICE_CHARS}",
        ),
    ],
    ids=["empty explanation", "empty feedback", "all correct", "long choice"],
)
def test_quiz_warnings(tmp_path: Path, old: str, new: str, key: str, message: str) -> None:
    ((_, found_key, found),) = _warnings(_problems(tmp_path, LESSON.replace(old, new, 1)))
    assert (found_key, message in found) == (key, True), found


def test_too_many_choices_warn(tmp_path: Path) -> None:
    extra = "".join(
        f'\n[[steps.questions.choices]]\nid = "c{n}"\ntext = "C{n}"\nfeedback = "F."\n'
        for n in range(MAX_CHOICES - 1)
    )
    text = LESSON.replace('feedback = "No."\n', 'feedback = "No."\n' + extra, 1)
    ((_, key, message),) = _warnings(_problems(tmp_path, text))
    assert key == "steps[1].questions[0].choices"
    assert f"{MAX_CHOICES + 1} choices is more than {MAX_CHOICES}" in message
    fewer = LESSON.replace(
        'feedback = "No."\n', 'feedback = "No."\n' + extra[: extra.rfind("\n[[")]
    )
    assert _problems(tmp_path / "fewer", fewer) == []


def test_a_stray_toml_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    root = write_folder(
        tmp_path / "lessons",
        {
            "m/01-one.toml": LESSON,
            "taplo.toml": 'include = ["**/*.toml"]\n\n[formatting]\nalign_entries = true\n',
        },
    )
    result = load_course([root])
    (problem,) = result.problems
    assert problem.severity is Severity.WARNING
    assert problem.path == root / "taplo.toml"
    assert "skipped: not a lesson" in problem.message
    assert result.lesson_files == 1
    assert [lesson.id for lesson in result.course.lessons] == ["lesson-one"]


def test_a_broken_lesson_is_still_a_lesson(tmp_path: Path) -> None:
    """Only a file with none of the lesson keys is skipped: a draft still gets errors."""
    problems = _problems(tmp_path, 'id = "draft"\n')
    assert any(p.is_error for p in problems)
    assert not any("skipped" in p.message for p in problems)


# 6. Smaller ------------------------------------------------------------------


def test_missing_module_names_what_a_module_is(tmp_path: Path) -> None:
    problems = _problems(tmp_path, LESSON.replace('module = "m"\n', ""))
    (problem,) = [p for p in problems if "'module'" in p.message]
    assert "an id such as 'my-lesson'" not in problem.message
    assert "the id of a module declared in a course.toml" in problem.message


def test_the_guide_states_the_limits_the_code_uses() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    assert f"and {READ_HEIGHT} fit without scrolling" in guide
    assert f"about {READ_WIDTH} columns by {READ_HEIGHT} lines" in guide
    assert f"choices is more than {MAX_CHOICES}," in guide
    assert f"more than the {MAX_CHOICE_CHARS} that read well" in guide
