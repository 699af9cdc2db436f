"""Prepare for my appointment, driven as a learner would: a goal, two questions, no reflection."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static

from course.treatments import MonthYear, Treatment
from course.ui.app import CourseApp
from course.ui.screens.brief import BriefScreen, ConfirmReplace
from course.ui.screens.notes import AskText
from tests.ui.helpers import lessons_folder, running, settle, wait_for

TODAY = date(2026, 12, 2)
PRIVATE = "my reflection: nobody else should read this"


def seed(app: CourseApp) -> None:
    door = app.session.brief
    for text in ("Should we try an add-on?", "What about sleep?", "Is my thyroid checked?"):
        assert door.add_question(text)
    app.store.save_reflection("first", "think", PRIVATE, prompt="What do you think?")
    app.session.treatments.add(Treatment("medicine", "Sertraline", MonthYear(2021, 3)))


async def open_brief(app: CourseApp, pilot: Pilot[None]) -> BriefScreen:
    screen = BriefScreen(app.session, today=TODAY)
    app.push_screen(screen)
    await wait_for(pilot, lambda: app.screen is screen)
    await settle(pilot)
    return screen


async def click(pilot: Pilot[None], selector: str) -> None:
    pilot.app.screen.query_one(selector).scroll_visible(animate=False)
    await settle(pilot)
    await pilot.click(selector)
    await settle(pilot)


async def test_a_goal_two_questions_and_no_reflection_make_exactly_that(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        seed(app)
        screen = await open_brief(app, pilot)
        questions = list(screen.query(".brief-question").results(Checkbox))
        assert [box.value for box in questions] == [True, True, True]
        reflections = list(screen.query(".brief-reflection").results(Checkbox))
        assert [box.value for box in reflections] == [False]  # none picked by default

        await click(pilot, "#brief-goal")
        await pilot.press(*"Decide what to try next")
        await click(pilot, f"#{questions[1].id}")  # leave "What about sleep?" out
        assert not questions[1].value

        await click(pilot, "#brief-write-md")
        await wait_for(pilot, lambda: isinstance(app.screen, AskText))
        path = Path(app.screen.query_one("#ask-input", Input).value)
        assert path == Path.home() / "appointment-brief-2026-12-02.md"
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen and screen.written is not None)

        text = path.read_text(encoding="utf-8")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert "Decide what to try next" in text
        assert "Should we try an add-on?" in text
        assert "Is my thyroid checked?" in text
        assert "What about sleep?" not in text
        assert PRIVATE.split(":")[0] not in text and "nobody else" not in text
        assert "Reflections I chose to share" not in text
        assert "Sertraline" in text
        said = str(screen.query_one("#brief-written", Static).render())
        assert "~/appointment-brief-2026-12-02.md" in said
        preview = str(screen.query_one("#brief-preview", Static).render())
        assert "Decide what to try next" in preview and "What about sleep?" not in preview


async def test_a_picked_reflection_goes_in_and_an_existing_file_is_asked_about(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        seed(app)
        target = Path.home() / "appointment-brief-2026-12-02.html"
        target.write_text("keep me", encoding="utf-8")
        screen = await open_brief(app, pilot)
        await click(pilot, "#r-0")
        assert app.session.brief.reflections()[0].picked

        await click(pilot, "#brief-write-html")
        await wait_for(pilot, lambda: isinstance(app.screen, AskText))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmReplace))
        await pilot.press("escape")  # keep it
        await wait_for(pilot, lambda: app.screen is screen)
        assert target.read_text(encoding="utf-8") == "keep me"

        await click(pilot, "#brief-write-html")
        await wait_for(pilot, lambda: isinstance(app.screen, AskText))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmReplace))
        await click(pilot, "#replace-yes")
        await wait_for(pilot, lambda: screen.written == target)
        page = target.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>")
        assert "nobody else should read this" in page


async def test_goal_is_kept_when_leaving(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        screen = await open_brief(app, pilot)
        await click(pilot, "#brief-goal")
        await pilot.press(*"Ask about ECT")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is not screen)
        assert app.session.brief.goal() == "Ask about ECT"
        assert app.session.brief.questions() == []
