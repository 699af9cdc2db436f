"""Preview reloads a lesson on save, keeps the step, and survives a broken file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from course.cli import main
from course.paths import bundled_lessons
from course.ui.preview import PreviewApp
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.problems import ProblemsScreen
from progress import database_path, open_store
from tests.ui.helpers import UI_LESSON, settle


def _app(tmp_path: Path, text: str) -> tuple[PreviewApp, Path]:
    lesson = tmp_path / "mine" / "01-first.toml"
    lesson.parent.mkdir()
    lesson.write_text(text.replace('module = "m"', 'module = "understanding"'))
    store = open_store(database_path(tmp_path / "scratch")).store
    return PreviewApp(lesson, store, [bundled_lessons()]), lesson


def _counter(app: PreviewApp) -> str:
    return str(app.screen.query_one("#lesson-step", Static).render())


async def test_preview_opens_the_lesson_and_reloads_at_the_same_step(tmp_path: Path) -> None:
    app, lesson = _app(tmp_path, UI_LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        assert _counter(app) == "Step 1 of 4 · A page"
        app.screen.show_step(2)
        await settle(pilot)
        assert app.check_for_changes() is False
        lesson.write_text(lesson.read_text().replace('title = "Think"', 'title = "Think again"'))
        assert app.check_for_changes() is True
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        assert _counter(app) == "Step 3 of 4 · Think again"
    app.store.close()


async def test_broken_file_shows_errors_then_recovers(tmp_path: Path) -> None:
    app, lesson = _app(tmp_path, UI_LESSON)
    good = lesson.read_text()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        app.screen.show_step(1)
        await settle(pilot)
        lesson.write_text(good.replace("minutes = 5", 'minutes = "five"'))
        app.check_for_changes()
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        text = str(app.screen.query_one("#problems-text", Static).render())
        assert "01-first.toml:4: minutes: error: expected an integer, found a string" in text
        lesson.write_text("id = [")
        app.check_for_changes()
        await settle(pilot)
        assert "TOML syntax error" in str(app.screen.query_one("#problems-text", Static).render())
        lesson.write_text(good)
        app.check_for_changes()
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        assert _counter(app) == "Step 2 of 4 · Check"
    app.store.close()


async def test_a_removed_step_falls_back_to_the_first(tmp_path: Path) -> None:
    app, lesson = _app(tmp_path, UI_LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)
        app.screen.show_step(2)
        await settle(pilot)
        lesson.write_text(lesson.read_text().replace('id = "think"', 'id = "ponder"'))
        app.check_for_changes()
        await settle(pilot)
        assert _counter(app) == "Step 1 of 4 · A page"
    app.store.close()


async def test_preview_keeps_progress_out_of_the_learners_store(tmp_path: Path) -> None:
    app, _ = _app(tmp_path, UI_LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert app.store.path.parent == tmp_path / "scratch"
    # Its store is thrown away: quitting must not say "everything is saved".
    assert app.saved_line() == (
        "trd-course preview: closed 01-first.toml; nothing from the preview was kept."
    )
    app.store.close()


def test_the_preview_command_uses_a_throwaway_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``trd-course preview FILE`` never opens the learner's own store, and cleans up."""
    lesson = tmp_path / "mine" / "01-first.toml"
    lesson.parent.mkdir()
    lesson.write_text(UI_LESSON.replace('module = "m"', 'module = "understanding"'))
    seen: dict[str, Path] = {}

    def run(app: PreviewApp) -> None:  # the wiring, without drawing anything
        seen["store"] = app.store.path
        app.store.record_answer("first", "single", ["a"], True)
        assert app.store.path.exists()

    monkeypatch.setattr(PreviewApp, "run", run)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "preview", str(lesson)]) == 0
    assert not seen["store"].is_relative_to(data)
    assert not seen["store"].parent.exists(), "the throwaway store is deleted on quit"
    assert not (data / "progress.db").exists(), "the learner's own store is never opened"
