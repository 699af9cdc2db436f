"""The notes export: what a learner takes to an appointment, and what must never go missing."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from course.cli import main
from course.export import escape_line, notes_markdown
from course.model import (
    Choice,
    Course,
    Lesson,
    Module,
    PlanItem,
    PlanStep,
    Question,
    QuizStep,
    ReadStep,
    ReflectStep,
    Step,
)
from progress import Snapshot, Store, open_store
from tests.course.lesson_text import LESSON, write_folder

NOW = datetime(2026, 3, 5, 14, 30, tzinfo=UTC)
DONE_AT = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)

REFLECTION = (
    "# Not a heading, just my words\n"
    "\n"
    "- my first worry\n"
    "  - and a second, *emphasised*\n"
    "> something my doctor said\n"
    "```\n"
    "<b>not html</b> [a link](http://example.invalid) `code`\n"
    "```\n"
    "\ttabbed line with trailing spaces   \n"
    "\n"
    "last line"
)

QUESTION_ONE = Question(
    "q1",
    "What does TRD usually mean?",
    (
        Choice("a", "Depression that has not eased after two or more medicines", True),
        Choice("b", "Depression that cannot be treated"),
    ),
)
QUESTION_TWO = Question(
    "q2",
    "Which can help? Select all that apply.",
    (
        Choice("x", "Talking with your provider", True),
        Choice("y", "Keeping a sleep routine", True),
        Choice("z", "Stopping medicine on your own"),
    ),
)


def lesson(lesson_id: str, module: str, title: str, *steps: Step) -> Lesson:
    return Lesson(lesson_id, module, title, 5, "A summary.", steps)


FIRST = lesson(
    "what-trd-means",
    "understanding",
    "What TRD means",
    ReadStep("page", "Read", "Some text."),
    QuizStep("check", "Check your understanding", (QUESTION_ONE, QUESTION_TWO)),
    ReflectStep("think", "What the label means to you", "What goes through your mind?"),
    PlanStep(
        "todo",
        "Your next step",
        "Pick what you will do.",
        (PlanItem("ask", "Ask about options"), PlanItem("note", "Write down side effects")),
    ),
)
UNTOUCHED = lesson(
    "how-common", "understanding", "How common it is", ReadStep("page", "Read", "Text.")
)
LATER = lesson(
    "sleep",
    "lifestyle",
    "Sleep and meals",
    ReflectStep("sleep-think", "Your nights", "How do you sleep?"),
)
COURSE = Course(
    "Test course",
    (
        Module("understanding", "Understanding TRD", "", (FIRST, UNTOUCHED)),
        Module("lifestyle", "Lifestyle choices", "", (LATER,)),
    ),
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "store" / "progress.db").store as opened:
        yield opened


def fill(store: Store) -> None:
    """A learner who did most of the first lesson, one later one, and old things."""
    # Saved out of course order, so the export must put them back in order.
    store.save_reflection("sleep", "sleep-think", "Badly.")
    store.mark_started("what-trd-means", at=DONE_AT - timedelta(days=2))
    store.record_answer("what-trd-means", "q1", ["b"], False)
    store.record_answer("what-trd-means", "q1", ["b"], False)
    store.record_answer("what-trd-means", "q1", ["a"], True)
    store.record_answer("what-trd-means", "q2", ["x", "y"], True)
    store.save_reflection("what-trd-means", "think", REFLECTION)
    store.tick("what-trd-means", "todo", "ask")
    mine = store.add_plan_item("what-trd-means", "todo", "Call Dr. Lee on Monday")
    store.tick("what-trd-means", "todo", mine.item_id)
    store.add_plan_item("what-trd-means", "todo", "Walk after lunch")
    store.mark_completed("what-trd-means", at=DONE_AT)
    # Progress the course no longer has a place for.
    store.record_answer("what-trd-means", "q-removed", ["c1", "c2"], False)
    store.save_reflection("what-trd-means", "old-step", "Words for a step that was removed.")
    store.tick("what-trd-means", "todo", "dropped-item")
    store.mark_completed("retired-lesson", at=DONE_AT)
    store.save_reflection("retired-lesson", "r", "I wrote this\nin a lesson that is gone.")
    store.tick("retired-lesson", "p", "i1")
    store.add_plan_item("retired-lesson", "p", "My own item there")


def unescape(text: str) -> str:
    """Undo Markdown's backslash escapes (CommonMark: a backslash before ASCII punctuation)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def unquote(lines: list[str]) -> str:
    """Undo the export's blockquote: drop '> ' (or a bare '>'), then the escapes."""
    return unescape("\n".join(line[2:] if line.startswith("> ") else line[1:] for line in lines))


def quoted_block(text: str, first_line: str) -> list[str]:
    lines = text.split("\n")
    start = lines.index(f"> {escape_line(first_line)}")
    end = start
    while end < len(lines) and lines[end].startswith(">"):
        end += 1
    return lines[start:end]


def snapshot_of(store: Store) -> Snapshot:
    fill(store)
    return store.snapshot()


# -- the pure function ---------------------------------------------------------


def test_header_names_the_date_and_says_the_notes_are_private(store: Store) -> None:
    text = notes_markdown(COURSE, snapshot_of(store), NOW)
    head = text.split("## ")[0]
    assert head.startswith("# My notes: Test course\n")
    assert "Exported on 5 March 2026 at 14:30 UTC." in head
    assert "private health information" in head
    assert (
        "Keep it somewhere safe; share it only with people you choose, such as your care team"
        in head
    )
    assert "Lessons completed: 1 of 3." in head
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_lessons_with_progress_appear_in_course_order_and_untouched_ones_do_not(
    store: Store,
) -> None:
    text = notes_markdown(COURSE, snapshot_of(store), NOW)
    assert text.index("## What TRD means") < text.index("## Sleep and meals")
    assert "How common it is" not in text
    assert "Module: Understanding TRD" in text


def test_a_lesson_continue_merely_moved_to_is_not_listed(store: Store) -> None:
    """Finishing a lesson points Continue at the next one: not a lesson the learner opened."""
    fill(store)
    store.set_position("how-common", "page")
    text = notes_markdown(COURSE, store.snapshot(), NOW)
    assert "How common it is" not in text
    store.mark_started("how-common")
    assert "## How common it is" in notes_markdown(COURSE, store.snapshot(), NOW)


def test_completion_date_is_shown_in_the_export_time_zone(store: Store) -> None:
    snapshot = snapshot_of(store)
    assert "Completed on 1 March 2026." in notes_markdown(COURSE, snapshot, NOW)
    east = NOW.astimezone(timezone(timedelta(hours=2)))
    assert "Completed on 2 March 2026." in notes_markdown(COURSE, snapshot, east)
    sleep = notes_markdown(COURSE, snapshot, NOW).split("## Sleep and meals")[1]
    assert "Not finished yet." in sleep.split("\n##")[0]


def test_quiz_shows_first_try_latest_choice_texts_and_attempts(store: Store) -> None:
    text = notes_markdown(COURSE, snapshot_of(store), NOW)
    first = text.split("1. What does TRD usually mean?\n")[1].split("\n\n")[0].split("\n")
    assert first == [
        "   - First try: wrong",
        "   - Your latest answer (right):",
        "     - Depression that has not eased after two or more medicines",
        "   - 3 attempts",
    ]
    second = text.split("2. Which can help? Select all that apply.\n")[1].split("\n\n")[0]
    assert second.split("\n") == [
        "   - First try: right",
        "   - Your latest answer (right):",
        "     - Talking with your provider",
        "     - Keeping a sleep routine",
        "   - 1 attempt",
    ]
    assert "Quiz: 2 of 2 right (1 of 2 answered right on the first try)." in text


def test_reflection_is_quoted_and_comes_back_exactly(store: Store) -> None:
    text = notes_markdown(COURSE, snapshot_of(store), NOW)
    block = quoted_block(text, "# Not a heading, just my words")
    assert unquote(block) == REFLECTION
    assert all(line.startswith(">") for line in block)
    assert "What goes through your mind?" in text
    # Nothing the learner typed can end the quote and become the document's own heading.
    assert "\n# Not a heading" not in text


def test_control_characters_are_made_visible_not_passed_to_a_terminal(store: Store) -> None:
    store.save_reflection("sleep", "sleep-think", "red \x1b[31malert\x1b[0m\r\nnext\u202eline")
    text = notes_markdown(COURSE, store.snapshot(), NOW)
    assert "\x1b" not in text and "\r" not in text and "\u202e" not in text
    assert "> red \u241b\\[31malert\u241b\\[0m" in text.split("\n")
    assert "> next\\<U+202E\\>line" in text.split("\n")


def test_plan_shows_ticked_and_unticked_author_and_own_items(store: Store) -> None:
    text = notes_markdown(COURSE, snapshot_of(store), NOW)
    plan = text.split("### Plan: Your next step\n")[1].split("\n## ")[0]
    assert "Pick what you will do." in plan
    assert [line for line in plan.split("\n") if line.startswith("- [")] == [
        "- [x] Ask about options",
        "- [ ] Write down side effects",
        "- [x] Call Dr. Lee on Monday *(your own)*",
        "- [ ] Walk after lunch *(your own)*",
    ]


def test_progress_the_course_no_longer_has_is_kept_with_its_ids(store: Store) -> None:
    text = notes_markdown(COURSE, snapshot_of(store), NOW)
    main_part, other = text.split("\n## Other saved notes\n")
    assert "retired-lesson" not in main_part
    # A removed question, reflect step and plan item of a lesson still in the course.
    assert "### What TRD means (`what-trd-means`)" in other
    assert "- Quiz question `q-removed`" in other
    assert "Your latest answer (wrong): choices `c1`, `c2`" in other
    assert "#### Reflection `old-step`" in other
    assert "> Words for a step that was removed." in other
    assert "- [x] item `dropped-item` (no longer in the lesson)" in other
    # A whole lesson that is gone: its completion, reflection, ticks and own items.
    gone = other.split("### Lesson `retired-lesson` (no longer in the course)")[1]
    assert "Completed on 1 March 2026." in gone
    assert unquote(quoted_block(gone, "I wrote this")) == "I wrote this\nin a lesson that is gone."
    assert "- [x] item `i1` (no longer in the lesson)" in gone
    assert "- [ ] My own item there *(your own)*" in gone


def test_a_removed_choice_is_named_not_dropped(store: Store) -> None:
    store.record_answer("what-trd-means", "q1", ["gone-choice"], False)
    text = notes_markdown(COURSE, store.snapshot(), NOW)
    assert "     - choice `gone-choice` (no longer in the lesson)" in text


def test_every_saved_text_reaches_the_export(store: Store) -> None:
    snapshot = snapshot_of(store)
    text = notes_markdown(COURSE, snapshot, NOW)
    quoted = unquote([line for line in text.split("\n") if line.startswith(">")])
    for reflection in snapshot.reflections:
        assert reflection.text in quoted
    for plan in snapshot.plans:
        for own in plan.own_items:
            assert own.text in text


def test_nothing_saved_says_so(store: Store) -> None:
    text = notes_markdown(COURSE, store.snapshot(), NOW)
    assert "You have not started any lessons yet" in text
    assert "## " not in text
    assert "private health information" in text


def test_ids_with_backticks_stay_one_code_span(store: Store) -> None:
    store.save_reflection("odd`id", "s", "text")
    text = notes_markdown(COURSE, store.snapshot(), NOW)
    assert "### Lesson ``odd`id`` (no longer in the course)" in text


def test_the_exporter_loads_neither_sqlite_nor_textual() -> None:
    code = "import sys, course.export; print(sorted(m.split('.')[0] for m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "course" in loaded
    assert "sqlite3" not in loaded and "textual" not in loaded and "rich" not in loaded


# -- the command -----------------------------------------------------------------


@pytest.fixture
def learner(tmp_path: Path) -> list[str]:
    """Global options for a data folder with progress and a one-lesson course."""
    lessons = write_folder(tmp_path / "lessons", {"m/01-one.toml": LESSON})
    data = tmp_path / "data"
    with open_store(data / "progress.db").store as saved:
        saved.record_answer("lesson-one", "q1", ["b"], False)
        saved.save_reflection("lesson-one", "think", "My *private* words\nline two")
        saved.tick("lesson-one", "todo", "one")
        saved.mark_completed("lesson-one")
    return ["--data-dir", str(data), "--only", "--lessons", str(lessons)]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_export_to_a_file_is_private(
    learner: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.md"
    old_umask = os.umask(0o022)
    try:
        assert main([*learner, "export", "--output", str(out)]) == 0
    finally:
        os.umask(old_umask)
    assert _mode(out) == 0o600
    text = out.read_text(encoding="utf-8")
    assert "> My \\*private\\* words\n> line two" in text
    assert "- [x] Do one thing" in text
    assert "Which?" in text and "First try: wrong" in text
    assert str(out) in capsys.readouterr().out


def test_export_replaces_an_existing_file_and_makes_it_private(
    learner: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "notes.md"
    out.write_text("old contents that are much longer than nothing " * 100)
    out.chmod(0o644)
    assert main([*learner, "export", "-o", str(out)]) == 0
    assert _mode(out) == 0o600
    text = out.read_text(encoding="utf-8")
    assert "old contents" not in text
    assert text.startswith("# My notes: Test course\n")


def test_export_to_stdout(learner: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*learner, "export"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# My notes: Test course\n")
    assert "> My \\*private\\* words" in out


def test_export_refuses_a_folder(
    learner: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main([*learner, "export", "--output", str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"{folder} is a folder; give a file name" in err
    assert list(folder.iterdir()) == []


def test_export_into_a_missing_folder_fails_with_a_message(
    learner: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / "notes.md"
    assert main([*learner, "export", "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"trd-course export: can't write {out}")
    assert err.count("\n") == 1


def test_export_without_progress_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "export"]) == 1
    assert "no saved progress" in capsys.readouterr().err
    assert not data.exists()


def test_a_newer_progress_file_is_one_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "progress.db")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    assert main(["--data-dir", str(data), "export"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("trd-course export: The progress file ")
    assert "newer version" in captured.err and str(data / "progress.db") in captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err


def test_export_help_mentions_privacy(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--output FILE" in out and "care team" in out
