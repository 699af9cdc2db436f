"""Lesson Markdown as plain lines: lists, emphasis, links, and nothing a terminal obeys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from course.loader import load_course
from course.model import QuizStep, ReadStep
from course.paths import bundled_lessons
from course.plain.markdown_text import plain_lines, plain_text
from course.safe_text import UNSAFE
from tests.plain.helpers import DRAWN


def test_lists_are_dashes_and_numbers_nested_by_two_spaces() -> None:
    assert plain_lines("- one\n- two\n  - inner\n\n1. first\n2. second") == [
        "- one",
        "- two",
        "  - inner",
        "",
        "1. first",
        "2. second",
    ]


def test_emphasis_is_dropped_and_the_words_kept() -> None:
    assert plain_text("Some **bold**, *em*, ~~gone~~ and `code` words.") == (
        "Some bold, em, gone and code words."
    )


def test_links_show_their_text_then_the_address() -> None:
    assert plain_text("See [the lifeline](https://988lifeline.org).") == (
        "See the lifeline (https://988lifeline.org)."
    )
    assert plain_text("<https://findahelpline.com>") == "https://findahelpline.com"
    assert plain_text("[write](mailto:a@b.org)") == "write (a@b.org)"


def test_paragraphs_are_one_line_each_with_an_empty_line_between() -> None:
    assert plain_lines("One\nsentence.\n\nTwo.") == ["One sentence.", "", "Two."]


def test_headings_quotes_rules_and_tables_are_plain_text() -> None:
    text = "# Title\n\n> quoted\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    assert plain_lines(text) == ["Title", "", "> quoted", "", "* * *", "", "a | b", "1 | 2"]


def test_control_characters_are_shown_not_sent() -> None:
    assert plain_text("red \x1b[31m here") == "red \u241b[31m here"


@given(st.text(max_size=200))
def test_no_page_prints_a_control_character(text: str) -> None:
    for line in plain_lines(text):
        assert UNSAFE.search(line) is None
        assert "\n" not in line


def test_every_bundled_page_reads_without_markup_or_drawn_characters() -> None:
    course = load_course([bundled_lessons()]).course
    for lesson in course.lessons:
        for step in lesson.steps:
            body = step.body if isinstance(step, ReadStep) else ""
            if isinstance(step, QuizStep):
                body = step.intro
            text = plain_text(body)
            assert not DRAWN.search(text), (lesson.id, step.id)
            assert "**" not in text, (lesson.id, step.id)
            assert "](" not in text, (lesson.id, step.id)
