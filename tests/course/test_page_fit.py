"""The page-fit estimate stays close to the page the app really draws.

``course.page_fit`` wraps text without the UI so the validator and outline
can warn about long pages; this holds it to ``course.ui.markdown_page`` on
every bundled page and on the shapes authors write.
"""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from course.loader import load_course
from course.model import ReadStep
from course.page_fit import READ_WIDTH, page_lines, wrapped_lines
from course.paths import bundled_lessons
from course.ui.markdown_page import MarkdownPage

SHAPES = [
    "One short paragraph.",
    "A paragraph\nwrapped by the author\nover three lines.",
    "# A heading\n\nText under it.",
    "- one\n- two\n- three",
    "1. first\n2. second\n\nAfter the list.",
    "- a long item " + "word " * 30 + "\n- short",
    "Intro.\n\n- a\n- b\n\nOutro " + "word " * 40,
    "```\ncode\nmore code\n```\n\nText.",
    "> a quote\n\nText.",
]


def _real(markdown: str) -> int:
    console = Console(width=READ_WIDTH, legacy_windows=False)
    return len(MarkdownPage(markdown).lines(READ_WIDTH, console))


@pytest.mark.parametrize("markdown", SHAPES)
def test_estimate_matches_the_page_on_common_shapes(markdown: str) -> None:
    assert abs(page_lines(markdown) - _real(markdown)) <= 1, (
        page_lines(markdown),
        _real(markdown),
    )


def test_estimate_is_within_two_lines_on_every_bundled_page() -> None:
    pages = [
        step.body
        for lesson in load_course([bundled_lessons()]).course.lessons
        for step in lesson.steps
        if isinstance(step, ReadStep)
    ]
    assert len(pages) > 10
    misses = [(page_lines(p), _real(p)) for p in pages if abs(page_lines(p) - _real(p)) > 2]
    assert misses == []


@given(
    st.lists(st.text(alphabet="ab", min_size=1, max_size=120), max_size=30),
    st.integers(min_value=10, max_value=100),
)
def test_the_fast_wrap_counts_as_textwrap_does(words: list[str], width: int) -> None:
    text = " ".join(words)
    expected = max(1, len(textwrap.wrap(text, width, break_on_hyphens=False)))
    assert wrapped_lines(text, width) == expected
