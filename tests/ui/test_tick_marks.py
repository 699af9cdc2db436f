"""Ticks read from their shape in the treatments and the brief, and the form says what it drops.

Textual's Checkbox drew ``▐X▌`` ticked or not; an unticked "I am still
taking it" read as ticked, so a learner pressing Space to "untick" it ticked
it, and the Stopped date they had typed was then dropped without a word.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Static

from course.treatments import MonthYear, Treatment
from course.treatments_wording import treatments_wording
from course.ui.screens.treatments import TreatmentForm, facts
from course.ui.widgets.tick_box import TickBox
from tests.ui.helpers import lessons_folder, running, settle, wait_for
from tests.ui.test_treatments import open_treatments, type_into


def drawn(box: Checkbox) -> str:
    return "".join(strip.text for strip in box.render_lines(box.region.reset_offset))


async def test_a_tick_box_is_empty_until_ticked(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        await open_treatments(app, pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, TreatmentForm))
        await settle(pilot)
        still = app.screen.query_one("#form-still", TickBox)
        assert still.value is False
        assert drawn(still).startswith("▐ ▌ I am still taking it")
        still.focus()
        await pilot.press("space")
        await wait_for(pilot, lambda: still.value)
        await wait_for(pilot, lambda: drawn(still).startswith("▐X▌ I am still taking it"))
        await pilot.press("space")
        await wait_for(pilot, lambda: drawn(still).startswith("▐ ▌"))
        assert still.value is False


async def test_still_taking_with_a_stopped_date_is_asked_about_not_dropped(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        screen = await open_treatments(app, pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, TreatmentForm))
        form = app.screen
        await type_into(pilot, "#form-name", "Sertraline")
        await type_into(pilot, "#form-started", "3/2021")
        await type_into(pilot, "#form-stopped", "9/2021")
        form.query_one("#form-still", TickBox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form, "the form stays open"
        error = str(form.query_one("#form-error", Static).render())
        assert "still taking" in error and "Stopped" in error
        form.query_one("#form-still", TickBox).value = False
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is screen)
        [saved] = app.session.treatments.list()
        assert saved.stopped == MonthYear(2021, 9) and not saved.still_taking


def test_helped_then_stopped_working_is_shown_when_ticked() -> None:
    label = treatments_wording().fields["stopped_working"]
    base = Treatment("medicine", "Sertraline", MonthYear(2021, 3), MonthYear(2021, 9))
    ticked = Treatment(
        "medicine", "Sertraline", MonthYear(2021, 3), MonthYear(2021, 9), stopped_working=True
    )
    today = MonthYear(2026, 12)
    assert label in facts(ticked, (), today)
    assert label not in facts(base, (), today)


async def test_a_long_question_wraps_whole_at_60_columns(tmp_path: Path) -> None:
    from course.ui.screens.treatments import CheckBox, TreatmentsScreen

    async with running(lessons_folder(tmp_path), size=(60, 20)) as (app, pilot):
        assert app.session.treatments.add(Treatment("medicine", "Bupropion XL")) is not None
        screen = TreatmentsScreen(app.session)
        app.push_screen(screen)
        await wait_for(pilot, lambda: len(screen.query(CheckBox)) == 4)
        await settle(pilot)
        longest = max(screen.query(CheckBox), key=lambda box: len(box.question))
        assert len(longest.question) + 4 > longest.region.width, "it cannot fit one line"
        await wait_for(pilot, lambda: longest.region.height > 1)
        shown = " ".join(" ".join(drawn_lines(longest)).split())
        assert longest.question in shown and "…" not in shown


def drawn_lines(box: Checkbox) -> list[str]:
    return [strip.text for strip in box.render_lines(box.region.reset_offset)]
