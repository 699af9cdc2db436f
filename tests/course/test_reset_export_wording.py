"""What ``reset`` and ``export`` say matches what they do.

A full reset erases the learner's own tools too (safety plan, check-ins,
treatments, questions), so its question says so before they type "yes"; a
lesson's reset keeps them, and says that. The export's "Other saved notes"
names the likeliest reason first: the lesson pack was not loaded.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from course.cli import main
from course.commands.reset import OWN_TOOLS
from course.export import OTHER_EXPLAINED, OTHER_HEADING
from progress import Store, open_store
from progress.checkins import read_checkins, save_checkin
from progress.questions import add_question, read_questions
from progress.safety_plan import read_parts, save_part
from progress.treatments import TreatmentRow, add_treatment, treatments
from tests.course.lesson_text import LESSON, write_folder
from tests.progress.test_safety_and_checkins import fill

OTHER_LESSON = LESSON.replace('id = "lesson-one"', 'id = "lesson-two"', 1)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A store with one lesson's reflection and the learner's own tools filled in."""
    folder = tmp_path / "data"
    with open_store(folder / "progress.db").store as store:
        store.save_reflection("lesson-one", "think", "my words")
        fill(store)
        store.acknowledge_first_run()
    return folder


def lessons(root: Path, *files: tuple[str, str]) -> Path:
    return write_folder(root, dict(files))


def tools_left(data: Path) -> tuple[bool, bool, bool]:
    with open_store(data / "progress.db").store as store:
        return bool(read_parts(store)), bool(read_checkins(store)), bool(read_questions(store))


def test_a_full_reset_says_the_own_tools_go_too_and_they_do(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    assert main(["--data-dir", str(data), "reset"]) == 0
    captured = capsys.readouterr()
    asked = " ".join(captured.err.split())
    assert f"and {OWN_TOOLS}." in asked
    for named in ("safety plan", "check-ins", "treatment history", "questions"):
        assert named in asked
    assert "were erased with it" in captured.out
    assert tools_left(data) == (False, False, False)


def _only_a_plan(store: Store) -> None:
    save_part(store, "helpers", "Ana, 555-0100")


def _only_a_checkin(store: Store) -> None:
    save_checkin(store, "phq9", [0, 1, 0, 1, 0, 1, 0, 1, 0], 0, 4, False)


def _only_a_question(store: Store) -> None:
    add_question(store, "Is there another medicine to try?", "own")


def _only_a_treatment(store: Store) -> None:
    add_treatment(store, TreatmentRow("medicine", "sertraline"))


@pytest.mark.parametrize(
    "write", [_only_a_plan, _only_a_checkin, _only_a_question, _only_a_treatment]
)
def test_a_store_holding_only_an_own_tool_is_reset_not_told_nothing_to_reset(
    tmp_path: Path, write: Callable[[Store], None], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    with open_store(folder / "progress.db").store as store:
        write(store)
    assert main(["--data-dir", str(folder), "reset", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "nothing to reset" not in out
    assert "were erased with it" in out
    with open_store(folder / "progress.db").store as store:
        assert not store.holds_own_tools()
        assert treatments(store) == ()
    assert tools_left(folder) == (False, False, False)


def test_the_full_reset_help_names_the_own_tools(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["reset", "--help"])
    assert OWN_TOOLS in " ".join(capsys.readouterr().out.split())


def test_a_lesson_reset_says_the_own_tools_are_kept_and_they_are(
    data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = lessons(tmp_path / "lessons", ("m/01-one.toml", LESSON))
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    args = ["--data-dir", str(data), "--only", "--lessons", str(folder)]
    assert main([*args, "reset", "--lesson", "lesson-one"]) == 0
    asked = " ".join(capsys.readouterr().err.split())
    assert "questions for your provider are kept" in asked
    assert tools_left(data) == (True, True, True)


def test_notes_of_a_pack_left_out_say_to_export_with_the_same_lessons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    with open_store(data / "progress.db").store as store:
        store.save_reflection("lesson-two", "think", "words from the second pack")
    first = lessons(tmp_path / "first", ("m/01-one.toml", LESSON))
    second = lessons(tmp_path / "second", ("m/02-two.toml", OTHER_LESSON))
    base = ["--data-dir", str(data), "--only", "--lessons", str(first)]

    assert main([*base, "export"]) == 0
    text = capsys.readouterr().out
    other = text.split(f"## {OTHER_HEADING}\n", 1)[1]
    assert " ".join(OTHER_EXPLAINED.split()) in " ".join(other.split())
    assert "the same --lessons" in OTHER_EXPLAINED and "likeliest" in OTHER_EXPLAINED
    assert "words from the second pack" in other

    # What the sentence says works: with the pack loaded, the notes have a home.
    assert main([*base, "--lessons", str(second), "export"]) == 0
    text = capsys.readouterr().out
    assert OTHER_HEADING not in text and "words from the second pack" in text
