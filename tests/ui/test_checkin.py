"""The check-in as a learner meets it: item pages, the item-9 panel, the result and the trend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from course import wording
from course.ui.app import CourseApp
from course.ui.messages import ToolChosen
from course.ui.screens.checkin import (
    DIFFICULTY,
    INTRO,
    ITEM,
    PANEL,
    QUESTION_SOURCE,
    RESULT,
    TREND,
    CheckinScreen,
    PanelText,
)
from course.ui.screens.help import HelpScreen
from course.ui.screens.safety_plan import SafetyPlanScreen
from progress.checkins import save_checkin
from tests.ui.helpers import lessons_folder, running, settle, wait_for

START = datetime(2026, 1, 5, 12, tzinfo=UTC)


def shown(screen: object) -> str:
    assert isinstance(screen, CheckinScreen)
    return "\n".join(str(s.render()) for s in screen.query(Static))


async def open_checkin(app: CourseApp, pilot: Pilot[None]) -> CheckinScreen:
    app.post_message(ToolChosen("checkin"))
    await wait_for(pilot, lambda: isinstance(app.screen, CheckinScreen))
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, CheckinScreen) and screen.page == INTRO
    return screen


async def start(app: CourseApp, pilot: Pilot[None]) -> CheckinScreen:
    screen = await open_checkin(app, pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert screen.page == ITEM and screen.index == 0
    return screen


async def click_button(pilot: Pilot[None], selector: str) -> None:
    """Click a button and wait out its pressed look (the button may be gone after)."""
    button = pilot.app.screen.query_one(selector)
    await pilot.click(button)
    await settle(pilot)
    while button.is_attached and button.has_class("-active"):
        await pilot.pause(0.05)


async def answer(pilot: Pilot[None], *answers: int) -> None:
    for value in answers:
        await pilot.press(str(value))
        await settle(pilot)


@pytest.mark.parametrize("item9", [1, 2, 3])
async def test_item9_answered_shows_its_panel_before_the_difficulty_item(
    tmp_path: Path, item9: int
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await start(app, pilot)
        await answer(pilot, *[1] * 8, item9)
        assert screen.page == PANEL
        text = shown(screen)
        for line in wording.item9().lines(item9):
            assert line in text
        assert wording.phq9().difficulty not in text
        other = wording.item9().lines(1 if item9 > 1 else 3)
        assert other[0] not in text  # the right panel for this answer
        await click_button(pilot, "#panel-continue")
        assert screen.page == DIFFICULTY


async def test_not_at_all_on_item9_shows_no_panel(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await start(app, pilot)
        await answer(pilot, *[2] * 8, 0)
        assert screen.page == DIFFICULTY
        await answer(pilot, 1)
        assert screen.page == RESULT
        saved = app.session.checkins.history()[-1]
        assert saved.item9_panel_shown is False
        assert (saved.total, saved.difficulty) == (16, 1)


async def test_all_not_at_all_skips_the_difficulty_question(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await start(app, pilot)
        await answer(pilot, *[0] * 9)
        assert screen.page == RESULT
        assert app.session.checkins.history()[-1].difficulty is None


async def test_escape_enter_and_n_do_not_leave_the_panel(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await start(app, pilot)
        await answer(pilot, *[0] * 8, 2)
        assert screen.page == PANEL
        assert isinstance(app.focused, PanelText), "focus must not start on Continue"
        for key in ("escape", "enter", "n", "b", "0", "3", "t", "escape"):
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is screen and screen.page == PANEL, key
        await pilot.pause(0.3)  # and nothing times out
        assert screen.page == PANEL
        await click_button(pilot, "#panel-continue")
        assert screen.page == DIFFICULTY


async def test_the_panel_shown_flag_is_saved_with_the_check_in(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await start(app, pilot)
        await answer(pilot, *[1] * 8, 1)
        await click_button(pilot, "#panel-continue")
        await answer(pilot, 2)
        assert screen.page == RESULT
        saved = app.session.checkins.history()[-1]
        assert saved.item9_panel_shown is True
        assert saved.answers == (1,) * 8 + (1,)
        assert saved.form == wording.phq9().form


async def test_f1_opens_help_on_every_check_in_page_and_on_the_panel(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_checkin(app, pilot)

        async def help_here() -> None:
            page, index = screen.page, screen.index
            await pilot.press("f1")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen), page
            text = " ".join(str(s.render()) for s in app.screen.query(Static))
            for fact in ("988", "911", "findahelpline.com"):
                assert fact in text
            await pilot.press("escape")
            await settle(pilot)
            back: object = app.screen
            assert back is screen and (screen.page, screen.index) == (page, index)

        await help_here()  # the first page
        await pilot.press("enter")
        await settle(pilot)
        for value in [1] * 8 + [3]:
            await help_here()  # each item page
            await answer(pilot, value)
        assert screen.page == PANEL
        await help_here()  # the panel
        await click_button(pilot, "#panel-continue")
        await help_here()  # the difficulty item
        await answer(pilot, 0)
        await help_here()  # the result
        await pilot.press("t")
        await settle(pilot)
        assert screen.page == TREND
        await help_here()


async def test_the_panel_opens_the_plan_and_adds_a_question(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await start(app, pilot)
        await answer(pilot, *[0] * 8, 3)
        await click_button(pilot, "#panel-add-question")
        questions = app.session.questions.list()
        assert [(q.text, q.source) for q in questions] == [
            (wording.item9().question, QUESTION_SOURCE)
        ]
        assert screen.page == PANEL
        await click_button(pilot, "#panel-add-question")  # disabled now: not added twice
        assert len(app.session.questions.list()) == 1
        await click_button(pilot, "#panel-open-plan")
        await wait_for(pilot, lambda: isinstance(app.screen, SafetyPlanScreen))
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and screen.page == PANEL


async def test_result_in_words_with_change_and_checking_back(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        save_checkin(app.store, "phq9-v1", [2] * 9, None, 18, True, at=START)
        save_checkin(app.store, "phq9-v1", [2] * 8 + [0], 1, 16, False, at=START + timedelta(14))
        screen = await start(app, pilot)
        await answer(pilot, 2, 2, 2, 2, 2, 2, 1, 1, 0, 1)  # total 14
        assert screen.page == RESULT
        text = shown(screen)
        assert "Your total is 14 out of 27: in the moderate range (10-14)." in text
        assert "This is a checklist, not a diagnosis: take it to your provider." in text
        assert "down 2 points from 16" in text and "down 4 points from 18" in text
        assert wording.checkin()["meaningful"] in text
        assert wording.checkin()["checking_back"] in text  # 14 is not 5 below 18
        await pilot.press("t")
        await settle(pilot)
        trend = shown(screen)
        assert "2026-01-05" in trend and "moderately severe" in trend
        assert "Date        Total  Band" in trend


async def test_escape_leaves_from_an_item_page_and_saves_nothing(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await start(app, pilot)
        await answer(pilot, 1, 2)
        await pilot.press("b")
        await settle(pilot)
        assert screen.index == 1
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is not screen
        assert app.session.checkins.history() == ()


async def test_mouse_only(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_checkin(app, pilot)
        await click_button(pilot, "#checkin-start")
        assert screen.page == ITEM
        for index in range(9):
            await pilot.click("#checkin-answers", offset=(3, 1))  # "Several days"
            await settle(pilot)
            if index < 8:
                assert screen.index == index + 1
        assert screen.page == PANEL
        await click_button(pilot, "#panel-continue")
        await pilot.click("#checkin-answers", offset=(3, 0))
        await settle(pilot)
        assert screen.page == RESULT
        assert app.session.checkins.history()[-1].total == 9
        await click_button(pilot, "#checkin-done")
        assert app.screen is not screen


async def test_opening_again_starts_afresh_in_the_same_kept_screen(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        first = await start(app, pilot)
        await answer(pilot, 1, 2)
        await pilot.press("escape")
        await settle(pilot)
        again = await open_checkin(app, pilot)  # asserts the first page
        assert again is first and again.answers == [None] * 9
        assert not again.query("#checkin-trend")  # nothing saved yet
        await pilot.press("enter")
        await settle(pilot)
        await answer(pilot, *[0] * 9)
        assert again.page == RESULT
        await pilot.press("escape")
        await settle(pilot)
        after = await open_checkin(app, pilot)
        assert after is first and after.query("#checkin-trend")  # the one just saved
