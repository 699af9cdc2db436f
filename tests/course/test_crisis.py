"""The crisis lines: read from their wording file, the same in the last lesson, never lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from course import crisis, wording
from course.loader import load_course
from course.paths import bundled_lessons
from course.search import step_text


def test_last_lesson_repeats_every_crisis_fact() -> None:
    last = load_course([bundled_lessons()]).course.lessons[-1]
    text = "\n".join(step_text(step) for step in last.steps)
    for fact in (crisis.US_LINE, crisis.US_LINE_OLD, crisis.EMERGENCY, crisis.WORLDWIDE):
        assert fact in text, f"{last.path} does not mention {fact}"
        assert fact in crisis.as_text()


def test_the_lines_come_from_the_wording_file() -> None:
    words = wording.crisis()
    assert words.headline == crisis.HEADLINE
    assert words.lines == crisis.LINES
    assert words.privacy == crisis.PRIVACY
    assert [what for what, _ in crisis.LINES] == [
        "Call or text 988",
        "Call 911",
        "findahelpline.com",
    ]


def test_a_broken_crisis_file_still_gives_988_911_and_findahelpline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "crisis.toml").write_text("broken = [", encoding="utf-8")
    monkeypatch.setattr(wording, "FOLDER", tmp_path)
    wording.crisis.cache_clear()
    try:
        text = crisis.as_text()
        for fact in ("988", "911", "findahelpline.com"):
            assert fact in text
        assert crisis.FALLBACK.headline == crisis.HEADLINE
    finally:
        wording.crisis.cache_clear()


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        crisis.NOT_A_NAME  # noqa: B018
