"""The plain mode's first-run words are the app's welcome, word for word: one module holds them."""

from __future__ import annotations

from course import welcome_text
from course.plain import welcome
from course.ui.screens import welcome as app_welcome


def test_both_front_ends_read_one_welcome_text() -> None:
    for name in ("ABOUT", "NOT", "TITLE", "privacy"):
        assert getattr(welcome, name) is getattr(welcome_text, name)
        assert getattr(app_welcome, name) is getattr(welcome_text, name)
