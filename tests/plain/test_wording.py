"""The plain mode's first-run words are the app's welcome, word for word."""

from __future__ import annotations

from pathlib import Path

from course.plain import welcome
from course.ui.screens import welcome as app_welcome


def test_first_run_wording_matches_the_apps_welcome() -> None:
    assert welcome.ABOUT == app_welcome.ABOUT
    assert welcome.NOT == app_welcome.NOT
    path = Path.home() / "data" / "progress.db"
    assert welcome.privacy(path) == app_welcome.privacy(path)
