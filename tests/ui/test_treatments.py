"""My treatments, driven as a learner would: add, edit, remove, the arithmetic, the checks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static, TextArea

from course.treatments import DoseChange, MonthYear, Treatment
from course.treatments_wording import treatments_wording
from course.ui.app import CourseApp
from course.ui.screens.treatments import (
    ConfirmLeave,
    ConfirmRemove,
    TreatmentForm,
    TreatmentsScreen,
    TreatmentView,
)
from tests.ui.helpers import lessons_folder, running, settle, wait_for

TODAY = date(2026, 12, 2)


async def open_treatments(app: CourseApp, pilot: Pilot[None]) -> TreatmentsScreen:
    screen = TreatmentsScreen(app.session, today=TODAY)
    app.push_screen(screen)
    await wait_for(pilot, lambda: app.screen is screen)
    await settle(pilot)
    return screen


async def type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    widget = pilot.app.screen.query_one(selector)
    widget.scroll_visible(animate=False)
    await settle(pilot)
    await pilot.click(selector)
    if isinstance(widget, TextArea):
        widget.insert(text)
    else:
        await pilot.press(*text)
    await settle(pilot)


async def press(pilot: Pilot[None], selector: str) -> None:
    """Click a button that opens another screen (so it is not waited on afterwards)."""
    pilot.app.screen.query_one(selector).scroll_visible(animate=False)
    await settle(pilot)
    await pilot.click(selector)
    await settle(pilot)


SERTRALINE = Treatment(
    "medicine",
    "Sertraline",
    MonthYear(2021, 3),
    MonthYear(2021, 9),
    doses=(
        DoseChange("50 mg once a day", MonthYear(2021, 3)),
        DoseChange("100 mg once a day", MonthYear(2021, 5)),
    ),
)


async def with_sertraline(app: CourseApp, pilot: Pilot[None]) -> TreatmentsScreen:
    """The same record as typed in the add test, saved through the door (quicker)."""
    assert app.session.treatments.add(SERTRALINE) is not None
    screen = await open_treatments(app, pilot)
    await wait_for(pilot, lambda: len(screen.query(TreatmentView)) == 1)
    return screen


def shown_text(screen: TreatmentsScreen) -> str:
    return "\n".join(str(s.render()) for s in screen.query(Static))


async def add_sertraline(app: CourseApp, pilot: Pilot[None]) -> TreatmentsScreen:
    screen = await open_treatments(app, pilot)
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(app.screen, TreatmentForm))
    await type_into(pilot, "#form-name", "Sertraline")
    await type_into(pilot, "#form-started", "3/2021")
    await type_into(pilot, "#form-stopped", "9/2021")
    await type_into(pilot, "#form-doses", "50 mg once a day, 3/2021\n100 mg once a day, 5/2021")
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: app.screen is screen)
    await wait_for(pilot, lambda: len(screen.query(TreatmentView)) == 1)
    return screen


async def test_add_shows_the_durations_for_known_dates(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        screen = await add_sertraline(app, pilot)
        text = shown_text(screen)
        assert "Sertraline" in text
        assert "March 2021 to September 2021" in text
        assert "How long: about 6 months" in text
        assert "At the last dose written (100 mg once a day): about 4 months" in text
        saved = app.session.treatments.list()
        assert [(t.name, t.started, t.stopped) for t in saved] == [
            ("Sertraline", MonthYear(2021, 3), MonthYear(2021, 9))
        ]
        assert [d.dose for d in saved[0].doses] == ["50 mg once a day", "100 mg once a day"]


async def test_a_date_that_cannot_be_read_is_explained_not_saved(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        await open_treatments(app, pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, TreatmentForm))
        await type_into(pilot, "#form-name", "Bupropion")
        await type_into(pilot, "#form-started", "spring")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TreatmentForm)
        assert "type it like 3/2021" in str(form.query_one("#form-error", Static).render())
        assert app.session.treatments.list() == []


async def test_edit_then_remove(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        screen = await with_sertraline(app, pilot)
        (only,) = app.session.treatments.list()
        await press(pilot, f"#edit-{only.id}")
        await wait_for(pilot, lambda: isinstance(app.screen, TreatmentForm))
        name = app.screen.query_one("#form-name", Input)
        assert name.value == "Sertraline"
        name.value = "Sertraline (Zoloft)"
        await type_into(pilot, "#form-why", "no change after months")
        await press(pilot, "#form-save")
        await wait_for(pilot, lambda: app.screen is screen)
        await settle(pilot)
        (edited,) = app.session.treatments.list()
        assert edited.id == only.id
        assert edited.name == "Sertraline (Zoloft)"
        assert edited.why_stopped == "no change after months"
        assert len(edited.doses) == 2  # the doses came through the edit untouched
        assert "Sertraline (Zoloft)" in shown_text(screen)

        await press(pilot, f"#remove-{only.id}")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmRemove))
        await press(pilot, "#confirm-remove")
        await wait_for(pilot, lambda: app.screen is screen)
        await wait_for(pilot, lambda: len(screen.query(TreatmentView)) == 0)
        assert app.session.treatments.list() == []
        assert treatments_wording().empty in shown_text(screen)


async def test_keep_it_keeps_it(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        screen = await with_sertraline(app, pilot)
        (only,) = app.session.treatments.list()
        await press(pilot, f"#remove-{only.id}")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmRemove))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert len(app.session.treatments.list()) == 1


def _checkin(app: CourseApp, when: datetime, total: int) -> None:
    with app.store._write() as conn:
        conn.execute(
            "INSERT INTO checkin (form, answers, difficulty, total, item9_panel_shown, taken_at) "
            "VALUES ('phq9', '[]', NULL, ?, 0, ?)",
            (total, when.isoformat()),
        )


async def test_checkin_totals_between_its_dates(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        for when, total in [
            (datetime(2021, 2, 14, 12, tzinfo=UTC), 22),  # before it started
            (datetime(2021, 3, 15, 12, tzinfo=UTC), 19),
            (datetime(2021, 6, 15, 12, tzinfo=UTC), 14),
            (datetime(2021, 9, 10, 12, tzinfo=UTC), 11),
            (datetime(2021, 10, 15, 12, tzinfo=UTC), 9),  # after it stopped
        ]:
            _checkin(app, when, total)
        screen = await with_sertraline(app, pilot)
        text = shown_text(screen)
        assert "Check-ins between its dates: 19, 14, 11 (3 in all)" in text
        assert "22" not in text.split("Check-ins between its dates")[1].split("\n")[0]


async def test_the_four_checks_tick_into_the_questions(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        app.session.treatments.add(Treatment("medicine", "Venlafaxine", MonthYear(2023, 1)))
        screen = await open_treatments(app, pilot)
        boxes = list(screen.query(".treatment-check").results(Checkbox))
        assert len(boxes) == 4
        assert not any(box.value for box in boxes)
        for box in boxes:
            box.scroll_visible(animate=False)
            await settle(pilot)
            await pilot.click(box)
            await settle(pilot)
        asked = [q.text for q in app.session.brief.questions()]
        assert asked == [
            "Venlafaxine: Was this a full dose for me?",
            "Venlafaxine: Could missed doses have mattered?",
            "Venlafaxine: Were side effects why it stopped?",
            "Venlafaxine: Could something else explain how I feel?",
        ]
        assert all(q.picked for q in app.session.brief.questions())
        # Unticking one takes it back out; reopening shows the rest still ticked.
        await pilot.click(boxes[1])
        await settle(pilot)
        assert len(app.session.brief.questions()) == 3
        await pilot.press("escape")
        screen = await open_treatments(app, pilot)
        values = [box.value for box in screen.query(".treatment-check").results(Checkbox)]
        assert values == [True, False, True, True]


async def test_only_the_checks_that_fit_a_treatment_are_offered(tmp_path: Path) -> None:
    """No dose questions for talk therapy, no "why it stopped" for one still taken."""
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        app.session.treatments.add(
            Treatment("talk-therapy", "CBT", MonthYear(2023, 2), still_taking=True)
        )
        app.session.treatments.add(
            Treatment("medicine", "Sertraline", MonthYear(2024, 5), still_taking=True)
        )
        screen = await open_treatments(app, pilot)
        offered = [str(box.label) for box in screen.query(".treatment-check").results(Checkbox)]
        assert sorted(offered) == [
            "CBT: Could something else explain how I feel?",
            "Sertraline: Could missed doses have mattered?",
            "Sertraline: Could something else explain how I feel?",
            "Sertraline: Was this a full dose for me?",
        ]


async def test_leaving_a_form_with_typing_asks_first(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path)) as (app, pilot):
        screen = await open_treatments(app, pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, TreatmentForm))
        form = app.screen
        await pilot.press("escape")  # nothing typed: closes at once
        await wait_for(pilot, lambda: app.screen is screen)

        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, TreatmentForm))
        form = app.screen
        await type_into(pilot, "#form-name", "Lithium")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmLeave))
        await pilot.press("escape")  # keep writing
        await wait_for(pilot, lambda: app.screen is form)
        assert form.query_one("#form-name", Input).value == "Lithium"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmLeave))
        await press(pilot, "#leave-yes")
        await wait_for(pilot, lambda: app.screen is screen)
        assert app.session.treatments.list() == []
