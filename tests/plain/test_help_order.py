"""help in the line mode says what F1 says, in the same order, in blocks a screen reader can tell apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from course import crisis, wording
from tests.plain.helpers import DRAWN, after, drive
from tests.ui.helpers import data_folder, lessons_folder


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    return lessons_folder(tmp_path / "lessons")


def test_help_gives_crisis_lines_then_own_helpers_then_that_nobody_watches(
    lessons: Path,
) -> None:
    words = wording.safety_plan()
    helpers = next(n for n, p in enumerate(words.parts, start=1) if p.id == "helpers")
    code, out = drive(lessons, data_folder(), ["s", str(helpers), "Mom: 555-0100", "", "", "help"])
    assert code == 0
    shown = after(out, "Get help now")
    lines = shown.splitlines()
    at_988 = next(i for i, line in enumerate(lines) if "988" in line)
    at_heading = lines.index(words.help_heading)
    at_mom = lines.index("- Mom: 555-0100")
    at_privacy = lines.index(crisis.PRIVACY)
    assert at_988 < at_heading < at_mom < at_privacy
    assert lines[at_heading - 1] == "", "the learner's own helpers start a block"
    assert lines[at_privacy - 1] == ""
    assert not DRAWN.search(out)


def test_help_without_a_plan_still_ends_with_that_nobody_watches(lessons: Path) -> None:
    code, out = drive(lessons, data_folder(), ["help"])
    assert code == 0
    lines = after(out, "Get help now").splitlines()
    at_privacy = lines.index(crisis.PRIVACY)
    offer = next(i for i, line in enumerate(lines) if "no safety plan yet" in line)
    assert offer < at_privacy
