"""The check-in's item-9 panel, the safety plan and its helpers in help, in plain lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from course import wording
from course.loader import load_course
from course.session import Session
from progress import database_path, open_store
from tests.plain.helpers import DRAWN, after, drive
from tests.ui.helpers import data_folder, lessons_folder

EIGHT_NONE = ["0"] * 8


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    return lessons_folder(tmp_path / "lessons")


def _session_after(lessons: Path, data: Path) -> tuple[Session, object]:
    opened = open_store(database_path(data))
    return Session(load_course([lessons]).course, opened.store, print), opened.store


def _checkins(lessons: Path, data: Path) -> list[tuple[tuple[int, ...], bool]]:
    opened = open_store(database_path(data))
    try:
        session = Session(load_course([lessons]).course, opened.store, print)
        return [(c.answers, c.item9_panel_shown) for c in session.checkins.history()]
    finally:
        opened.store.close()


def test_several_days_on_item_9_prints_the_panel_first_and_enter_does_not_pass_it(
    lessons: Path,
) -> None:
    data = data_folder()
    panel = wording.item9()
    difficulty = wording.checkin()["difficulty_heading"]
    code, out = drive(
        lessons,
        data,
        ["k", *EIGHT_NONE, "Several days", "", "next", "continue", "1", "", "quit"],
    )
    assert code == 0
    item9 = after(out, "Question 9 of 9")
    panel_at = item9.index(panel.title)
    # The panel's own lines, whole, come straight after the answer, before anything else.
    assert item9.index("Several days") < panel_at
    shown = item9[panel_at:]
    for line in panel.gentle:
        assert line in shown
    assert shown.index(panel.gentle[-1]) < shown.index(difficulty)
    assert "988" in shown[: shown.index(difficulty)]
    # A bare Enter, and any other word, prints the panel again; only "continue" passes it.
    before_continue = shown[: shown.index(": continue\n")]
    assert before_continue.count(panel.title) == 3
    assert difficulty not in before_continue
    assert shown.index(": continue\n") < shown.index(difficulty)
    assert not DRAWN.search(out)
    assert _checkins(lessons, data) == [((0, 0, 0, 0, 0, 0, 0, 0, 1), True)]


def test_nearly_every_day_prints_the_direct_words(lessons: Path) -> None:
    data = data_folder()
    code, out = drive(lessons, data, ["k", *EIGHT_NONE, "3", "continue", "", "", "quit"])
    assert code == 0
    shown = after(out, "Question 9 of 9")
    for line in wording.item9().direct:
        assert line in shown
    assert wording.item9().gentle[0] not in shown


def test_not_at_all_on_item_9_shows_no_panel(lessons: Path) -> None:
    data = data_folder()
    code, out = drive(lessons, data, ["k", *EIGHT_NONE, "0", "", "", "quit"])
    assert code == 0
    assert wording.item9().title not in out
    assert "Your total is 0 out of 27" in out
    assert _checkins(lessons, data) == [((0,) * 9, False)]


def test_the_panel_adds_the_question_and_shows_the_plan(lessons: Path) -> None:
    data = data_folder()
    panel = wording.item9()
    code, out = drive(
        lessons, data, ["k", *EIGHT_NONE, "2", "add", "plan", "continue", "", "", "quit"]
    )
    assert code == 0
    assert panel.question_added in out
    assert wording.safety_plan().parts[0].title in after(out, ": plan\n")
    opened = open_store(database_path(data))
    try:
        session = Session(load_course([lessons]).course, opened.store, print)
        assert [q.text for q in session.questions.list()] == [panel.question]
    finally:
        opened.store.close()


def test_leaving_a_check_in_half_way_keeps_nothing_and_says_so(lessons: Path) -> None:
    data = data_folder()
    code, out = drive(lessons, data, ["k", "1", "2"])
    assert code == 0
    assert "Your check-in was not finished, so it was not saved" in out
    assert out.rstrip().endswith("Everything is saved. Goodbye.")
    assert _checkins(lessons, data) == []


def test_the_safety_plan_is_saved_a_line_at_a_time_and_help_shows_the_helpers(
    lessons: Path,
) -> None:
    data = data_folder()
    words = wording.safety_plan()
    helpers = next(n for n, p in enumerate(words.parts, start=1) if p.id == "helpers")
    code, out = drive(
        lessons,
        data,
        ["s", str(helpers), "My sister Ann, 555-0100", "Sam next door", "", "", "help"],
    )
    assert code == 0
    help_text = after(out, "Get help now")
    assert words.help_heading in help_text
    assert "- My sister Ann, 555-0100" in help_text and "- Sam next door" in help_text
    assert help_text.index("988") < help_text.index("My sister Ann")
    opened = open_store(database_path(data))
    try:
        session = Session(load_course([lessons]).course, opened.store, print)
        assert session.safety_plan.parts() == {"helpers": "My sister Ann, 555-0100\nSam next door"}
    finally:
        opened.store.close()


def test_notes_list_reflections_and_plans(lessons: Path) -> None:
    data = data_folder()
    drive(
        lessons,
        data,
        ["", "", "next", "next", "my thought \x1b[2J here", "", "2", "a", "Walk", "map"],
    )
    code, out = drive(lessons, data, ["m", "", "quit"])
    assert code == 0
    notes = after(out, "My notes:")
    assert "The lesson asked: What do you think?" in notes
    assert "my thought \u241b[2J here" in notes
    assert "- Do another: ticked" in notes and "- Walk (your own): ticked" in notes
    assert not DRAWN.search(out)
