"""My safety plan as a learner meets it: written, saved as typed, kept, and behind F1."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TextArea

from course import wording
from course.ui.app import CourseApp
from course.ui.messages import ToolChosen
from course.ui.screens.help import HelpScreen
from course.ui.screens.safety_plan import SafetyPlanScreen
from course.ui.widgets.plan_part_editor import PlanPartEditor
from tests.ui.helpers import data_folder, lessons_folder, make_app, running, settle, wait_for

PART_IDS = [p.id for p in wording.safety_plan().parts]


async def open_plan(app: CourseApp, pilot: Pilot[None]) -> SafetyPlanScreen:
    app.post_message(ToolChosen("safety-plan"))
    await wait_for(pilot, lambda: isinstance(app.screen, SafetyPlanScreen))
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, SafetyPlanScreen)
    return screen


async def write_part(
    pilot: Pilot[None], screen: SafetyPlanScreen, part_id: str, text: str
) -> None:
    """Choose a part with the keyboard, as a learner would, and type into it."""
    parts = screen.query_one("#plan-parts", OptionList)
    parts.focus()
    parts.highlighted = PART_IDS.index(part_id)
    await pilot.press("enter")
    await settle(pilot)
    assert screen.editor is not None and screen.editor.part.id == part_id
    assert isinstance(pilot.app.focused, TextArea)
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            await pilot.press("enter")
        await pilot.press(*line)


def shown(screen: SafetyPlanScreen) -> str:
    return "\n".join(str(s.render()) for s in screen.query(Static)) + "\n".join(
        str(option.prompt) for option in screen.query_one("#plan-parts", OptionList).options
    )


async def test_the_screen_says_who_to_make_it_with_and_that_no_one_sees_it(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_plan(app, pilot)
        text = shown(screen)
        for statement in wording.safety_plan().statements:
            assert statement in text
        assert "someone you trust" in text and "cannot see it or call anyone" in text
        assert "nobody is alerted" in text
        for part in wording.safety_plan().parts:
            assert part.short in text
        assert isinstance(app.focused, OptionList)


async def test_typed_saved_as_typed_and_shown_by_a_new_app(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    async with running(lessons) as (app, pilot):
        screen = await open_plan(app, pilot)
        await write_part(pilot, screen, "helpers", "Sam (sister): 555-0142\nAna: text her")
        # Saved while the box is still open: after the pause, no Esc needed.
        await wait_for(
            pilot,
            lambda: (
                app.session.safety_plan.parts().get("helpers")
                == "Sam (sister): 555-0142\nAna: text her"
            ),
            timeout=3,
        )
        await pilot.press("escape")
        await settle(pilot)
        assert screen.editor is None
        assert "Sam (sister): 555-0142 · Ana: text her" in shown(screen)
    app = make_app(lessons, data_folder())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_plan(app, pilot)
        assert "Sam (sister): 555-0142 · Ana: text her" in shown(screen)
    app.store.close()


async def test_continuous_typing_is_saved_within_two_seconds(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_plan(app, pilot)
        await write_part(pilot, screen, "reasons", "My dog")
        editor = screen.query_one(PlanPartEditor)
        editor.save_delay = 10.0  # as if the typing never paused
        await pilot.press(*" and the sea")
        await wait_for(
            pilot,
            lambda: app.session.safety_plan.parts().get("reasons") == "My dog and the sea",
            timeout=editor.longest_wait + 1,
        )


async def test_quitting_mid_typing_keeps_the_text(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    async with running(lessons) as (app, pilot):
        screen = await open_plan(app, pilot)
        await write_part(pilot, screen, "warning-signs", "Not sleeping")
        await pilot.press("ctrl+q")
        await settle(pilot)
    with make_app(lessons, data_folder()).store as store:
        from progress.safety_plan import read_parts

        assert read_parts(store) == {"warning-signs": "Not sleeping"}


async def test_emptying_a_part_removes_it(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        app.session.safety_plan.save("reasons", "x")
        screen = await open_plan(app, pilot)
        await write_part(pilot, screen, "reasons", "")
        await pilot.press("backspace")
        await pilot.press("escape")
        await settle(pilot)
        assert "reasons" not in app.session.safety_plan.parts()


async def test_markup_in_the_plan_is_shown_as_typed(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        app.session.safety_plan.save("helpers", "[bold]Sam[/] [@click=app.quit]x[/]\x1b[31m")
        screen = await open_plan(app, pilot)
        text = shown(screen)
        assert "[bold]Sam[/] [@click=app.quit]x[/]" in text
        assert "\x1b" not in text


async def test_a_full_plan_fits_one_80x24_screen(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        for part in wording.safety_plan().parts:
            app.session.safety_plan.save(part.id, "\n".join(part.examples[:2]))
        screen = await open_plan(app, pilot)
        parts = screen.query_one("#plan-parts", OptionList)
        source = screen.query_one("#plan-source", Static)
        assert parts.max_scroll_y == 0, "the parts list scrolls"
        assert source.region.bottom <= 23, "the plan runs under the footer"
        assert screen.query_one("#plan-title").region.y == 0


async def test_mouse_only_writing_a_part(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_plan(app, pilot)
        await pilot.click("#plan-parts", offset=(5, PART_IDS.index("on-my-own")))
        await settle(pilot)
        assert screen.editor is not None and screen.editor.part.id == "on-my-own"
        await pilot.click("#plan-text")
        await pilot.press(*"Walk")
        await pilot.click("#plan-back")
        await settle(pilot)
        assert screen.editor is None
        assert app.session.safety_plan.parts() == {"on-my-own": "Walk"}


async def test_help_with_no_plan_offers_to_make_one(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert wording.safety_plan().help_none in text
        assert not app.screen.query("#help-open-plan")
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SafetyPlanScreen))


async def test_help_opens_the_whole_plan_with_one_key(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        app.session.safety_plan.save("helpers", "Sam")
        await pilot.press("f1")
        await settle(pilot)
        assert app.screen.query("#help-open-plan")
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SafetyPlanScreen))
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MapScreen"


async def test_the_plan_opened_from_help_while_writing_is_the_same_copy(tmp_path: Path) -> None:
    """Two copies of a part being written would let the older one overwrite the newer."""
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await open_plan(app, pilot)
        await write_part(pilot, screen, "reasons", "My dog")
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("s")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.editor is not None and screen.editor.text == "My dog"
        assert sum(isinstance(s, SafetyPlanScreen) for s in app.screen_stack) == 1
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MapScreen"
        app.session.safety_plan.save("helpers", "Ana")  # as if written elsewhere
        again = await open_plan(app, pilot)
        assert again is screen and "Ana" in shown(again) and "My dog" in shown(again)
