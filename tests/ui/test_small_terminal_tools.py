"""The tools on a short, narrow terminal (60x20): the way on stays on screen, nothing cut.

A tired learner does not look for Tab or a scrollbar: the buttons that close
a panel or go on, and the line saying how, must be in view, and their labels
whole.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widget import Widget
from textual.widgets import Button, Static, TextArea

from course.ui.messages import ToolChosen
from course.ui.screens.checkin import PANEL, CheckinScreen, PanelText
from course.ui.screens.help import HelpScreen
from course.ui.screens.safety_plan import SafetyPlanScreen
from course.ui.widgets.plan_part_editor import BOX_ROWS, PlanPartEditor
from tests.ui.helpers import lessons_folder, running, settle, wait_for

SMALL = (60, 20)

LONG_PROFESSIONAL = (
    "Dr. Rivera (psychiatrist): 555-0199, weekdays 9-5\n"
    "Riverside Hospital ER, 200 Main Street, open all night and all weekend long"
)


def in_view(app: App[None], widget: Widget) -> bool:
    """Whether the widget is drawn whole on the screen (what the learner can see)."""
    region = widget.region
    screen = app.screen.region
    if region.height == 0 or not screen.contains_region(region):
        return False
    hit, _ = app.screen.get_widget_at(region.x + region.width // 2, region.y)
    return hit is widget or widget in hit.ancestors


def label_whole(button: Button) -> bool:
    label = str(button.label)
    return button.region.width >= len(label) and label in " ".join(
        strip.text for strip in button.render_lines(button.region.reset_offset)
    )


async def test_help_keeps_its_buttons_in_view_and_the_arrows_scroll_its_words(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=SMALL) as (app, pilot):
        app.session.safety_plan.save("helpers", "Mom: 555-0100\nJo (friend): text")
        app.session.safety_plan.save("professionals", LONG_PROFESSIONAL)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await settle(pilot)
        screen = app.screen
        for selector in ("#help-close", "#help-open-plan"):
            button = screen.query_one(selector, Button)
            await wait_for(pilot, lambda b=button: in_view(app, b))  # type: ignore[misc]
            assert label_whole(button), selector
        assert app.focused is screen.query_one("#help-close")
        body = screen.query_one("#help-body")
        assert body.max_scroll_y > 0, "the words scroll in the room left"
        privacy = screen.query_one("#help-privacy", Static)
        assert not in_view(app, privacy)
        await pilot.press("end")
        await wait_for(pilot, lambda: in_view(app, privacy))
        await pilot.press("home")
        await wait_for(pilot, lambda: body.scroll_y == 0)
        await pilot.press("down")
        await wait_for(pilot, lambda: body.scroll_y > 0)
        assert app.focused is screen.query_one("#help-close"), "scrolling moves no focus"


async def test_help_at_80x24_is_not_cut_short_by_the_fit(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        app.session.safety_plan.save("helpers", "Mom: 555-0100")
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await settle(pilot)
        body = app.screen.query_one("#help-body")
        await wait_for(pilot, lambda: in_view(app, app.screen.query_one("#help-privacy")))
        assert body.max_scroll_y == 0
        assert body.styles.inline.max_height is None, "the .tcss size stands when it fits"


async def item9_panel(app: App[None], pilot: object) -> CheckinScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    app.post_message(ToolChosen("checkin"))
    await wait_for(pilot, lambda: isinstance(app.screen, CheckinScreen))
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, CheckinScreen)
    await pilot.press("enter")
    await settle(pilot)
    for value in (1, 2, 0, 1, 2, 1, 0, 1, 1):
        await pilot.press(str(value))
        await settle(pilot)
    assert screen.page == PANEL
    return screen


async def test_item9_panel_keeps_continue_and_its_hint_in_view_at_60x20(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=SMALL) as (app, pilot):
        screen = await item9_panel(app, pilot)
        hint = screen.query_one(".panel-hint", Static)
        await wait_for(pilot, lambda: in_view(app, hint))
        for selector in ("#panel-continue", "#panel-open-plan", "#panel-add-question"):
            button = screen.query_one(selector, Button)
            assert in_view(app, button), selector
            assert label_whole(button), selector
        text = screen.query_one(PanelText)
        assert app.focused is text, "focus still starts on the words, so Enter leaves nothing"
        assert text.max_scroll_y > 0, "the words scroll inside their own box"
        line_988 = next(s for s in text.query(Static) if "988" in str(s.render()))
        assert in_view(app, line_988), "988 is in view from the start"
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert screen.page == PANEL


async def test_item9_panel_at_80x24_keeps_its_buttons_side_by_side_and_words_whole(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await item9_panel(app, pilot)
        await wait_for(pilot, lambda: in_view(app, screen.query_one(".panel-hint")))
        assert not screen.query_one(".panel-buttons").has_class("-stacked")
        text = screen.query_one(PanelText)
        assert text.max_scroll_y == 0, "at 80x24 every word of the panel shows at once"
        opened = screen.query_one("#panel-open-plan").region
        added = screen.query_one("#panel-add-question").region
        assert opened.y == added.y


async def open_part(app: App[None], pilot: object, part: str) -> PlanPartEditor:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    app.post_message(ToolChosen("safety-plan"))
    await wait_for(pilot, lambda: isinstance(app.screen, SafetyPlanScreen))
    screen = app.screen
    assert isinstance(screen, SafetyPlanScreen)
    screen.edit(part)
    await wait_for(pilot, lambda: screen.editor is not None and screen.editor.is_mounted)
    await settle(pilot)
    assert screen.editor is not None
    return screen.editor


async def test_plan_part_keeps_room_to_write_and_its_back_button_at_60x20(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons"), size=SMALL) as (app, pilot):
        editor = await open_part(app, pilot, "professionals")
        back = editor.query_one("#plan-back", Button)
        await wait_for(pilot, lambda: in_view(app, back))
        assert label_whole(back)
        box = editor.query_one("#plan-text", TextArea)
        assert box.outer_size.height >= BOX_ROWS
        assert in_view(app, editor.query_one("#plan-part-prompt"))
        assert app.focused is box
        await pilot.press(*"Dr. Lee")
        await wait_for(pilot, lambda: box.text == "Dr. Lee")


async def test_plan_part_at_80x24_shows_its_examples_and_hint(tmp_path: Path) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        editor = await open_part(app, pilot, "professionals")
        await wait_for(pilot, lambda: in_view(app, editor.query_one("#plan-back")))
        assert not editor.has_class("-short")
        for selector in ("#plan-part-examples", "#plan-edit-hint"):
            assert in_view(app, editor.query_one(selector)), selector
        await pilot.resize_terminal(*SMALL)
        await wait_for(pilot, lambda: editor.has_class("-short"))
        await wait_for(pilot, lambda: in_view(app, editor.query_one("#plan-back")))
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: in_view(app, editor.query_one("#plan-edit-hint")))
        assert not editor.has_class("-short"), "a larger terminal brings the hint back"


async def test_item9_panel_fits_again_after_a_resize_under_the_safety_plan(
    tmp_path: Path,
) -> None:
    """The check-in is kept under the plan opened from its panel; the terminal shrinks there."""
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        screen = await item9_panel(app, pilot)
        screen.query_one("#panel-open-plan", Button).press()
        await wait_for(pilot, lambda: isinstance(app.screen, SafetyPlanScreen))
        await pilot.resize_terminal(*SMALL)
        await settle(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen and screen.page == PANEL)
        body = screen.query_one("#checkin-body")
        await wait_for(pilot, lambda: in_view(app, screen.query_one("#panel-continue")))
        await wait_for(pilot, lambda: in_view(app, screen.query_one(".panel-hint")))
        await wait_for(pilot, lambda: body.max_scroll_y == 0)
        assert screen.query_one(".panel-buttons").has_class("-stacked")
