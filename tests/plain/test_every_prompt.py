"""At every kind of prompt: help prints the crisis lines, the end of input leaves saved."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from course.loader import load_course
from course.plain import run_plain
from progress import database_path, open_store
from progress.checkins import read_checkins
from tests.plain.helpers import DRAWN, drive, numbers
from tests.ui.helpers import data_folder, lessons_folder

RIGHT = "<right>"
"""Stands for the number the single question's right choice is shown under."""

TO_PLAN = ["", "", "next", "next", ""]
NINE_TO_PANEL = [*["0"] * 8, "1"]

PROMPTS: dict[str, list[str]] = {
    "welcome": [],
    "map": [],
    "page": [""],
    "question": ["", ""],
    "answered question": ["", "", RIGHT],
    "select-all question": ["", "", "next"],
    "reflection": ["", "", "next", "next"],
    "reflection, part written": ["", "", "next", "next", "a first line"],
    "plan": TO_PLAN,
    "own plan item": [*TO_PLAN, "a"],
    "summary": [*TO_PLAN, ""],
    "notes": ["m"],
    "check-in question": ["k"],
    "item-9 panel": ["k", *NINE_TO_PANEL],
    "check-in difficulty": ["k", *NINE_TO_PANEL, "continue"],
    "check-in result": ["k", *NINE_TO_PANEL, "continue", ""],
    "safety plan": ["s"],
    "safety plan part": ["s", "1"],
}
CHECKIN_UNFINISHED = {"check-in question", "item-9 panel", "check-in difficulty"}


def _lines(lessons: Path, data: Path, kind: str) -> list[str]:
    right = numbers(lessons, data, "single", "a")
    return [right if line == RIGHT else line for line in PROMPTS[kind]]


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    return lessons_folder(tmp_path / "lessons")


@pytest.mark.parametrize("kind", PROMPTS)
@pytest.mark.parametrize("word", ["help", "?"])
def test_help_at_every_prompt_prints_988(lessons: Path, kind: str, word: str) -> None:
    data = data_folder()
    before = 1 if kind == "welcome" else 0  # the welcome shows the lines unasked
    code, out = drive(
        lessons, data, [*_lines(lessons, data, kind), word], acknowledged=kind != "welcome"
    )
    assert code == 0
    assert out.count("Call or text 988") == before + 1
    help_at = out.rindex("Get help now")
    asked = out[:help_at].rstrip().splitlines()[-1]
    assert asked.endswith(word), "help was asked for at the prompt"
    prompt = asked.removesuffix(word)
    assert prompt in out[help_at:], "the same prompt is asked again after help"
    assert "To carry on, answer the prompt again" in out[help_at:]


@pytest.mark.parametrize("kind", PROMPTS)
def test_end_of_input_at_every_prompt_leaves_with_everything_saved(
    lessons: Path, kind: str
) -> None:
    data = data_folder()
    code, out = drive(lessons, data, _lines(lessons, data, kind), acknowledged=kind != "welcome")
    assert code == 0
    assert out.rstrip().endswith("End of input.\nEverything is saved. Goodbye.")
    assert not DRAWN.search(out)
    store = open_store(database_path(data)).store
    try:
        snap = store.snapshot()
        assert (snap.first_run_acknowledged_at is None) == (kind == "welcome")
        if kind == "answered question":
            assert [a.choice_ids for a in snap.attempts] == [("a",)]
        if kind == "reflection, part written":
            saved = store.reflection("first", "think")
            assert saved is not None and saved.text == "a first line"
        if kind in {"page", "question", "plan"}:
            assert snap.position is not None and snap.position.lesson_id == "first"
        if kind in CHECKIN_UNFINISHED:
            assert "Your check-in was not finished, so it was not saved" in out
        if kind == "check-in result":
            assert "Your total is 1 out of 27" in out
            assert [c.answers[-1] for c in read_checkins(store)] == [1]
        if kind == "summary":
            done = {p.lesson_id for p in snap.lessons if p.completed_at is not None}
            assert done == {"first"}
            assert snap.position is not None and snap.position.lesson_id == "second"
    finally:
        store.close()
    assert not list(data.glob("*-wal")), "the store was closed cleanly"


def test_a_last_line_without_its_line_ending_is_kept(lessons: Path) -> None:
    data = data_folder()
    code, out = drive(lessons, data, "\n\nnext\nnext\nwritten, then Ctrl+D")
    assert code == 0 and "Everything is saved." in out
    store = open_store(database_path(data)).store
    try:
        saved = store.reflection("first", "think")
        assert saved is not None and saved.text == "written, then Ctrl+D"
    finally:
        store.close()


def test_quit_says_everything_is_saved(lessons: Path) -> None:
    code, out = drive(lessons, data_folder(), ["", "quit"])
    assert code == 0
    assert out.rstrip().endswith("Everything is saved. Goodbye.")
    assert "End of input" not in out


class _Interrupted(io.StringIO):
    """Input where the learner presses Ctrl+C once, then types the rest."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.interrupted = False

    def readline(self, size: int = -1, /) -> str:  # type: ignore[override]
        if not self.interrupted:
            self.interrupted = True
            raise KeyboardInterrupt
        return super().readline(size)


def test_ctrl_c_says_how_to_leave_and_carries_on(lessons: Path) -> None:
    data = data_folder()
    opened = open_store(database_path(data))
    opened.store.acknowledge_first_run()
    out = io.StringIO()
    try:
        code = run_plain(load_course([lessons]), opened.store, (), _Interrupted("1\nquit\n"), out)
    finally:
        opened.store.close()
    assert code == 0
    text = out.getvalue()
    assert "To leave, type quit (or press Ctrl+D). Everything is saved as you go." in text
    assert "Lesson: First lesson" in text, "the answer after Ctrl+C was taken"
