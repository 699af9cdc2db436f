"""Opening the kept safety-plan screen again shows the whole plan, even if a part was left open.

From inside a part, the palette can take the learner to the check-in under
the plan; the part stayed open in the kept screen, so the next "s" (or F1's
"Open my whole safety plan") landed in that part's box, not on the plan.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, OptionList, TextArea

from course.ui.messages import ToolChosen
from course.ui.screens.checkin import PANEL, CheckinScreen
from course.ui.screens.safety_plan import SafetyPlanScreen
from tests.ui.helpers import lessons_folder, running, settle, wait_for
from tests.ui.test_small_terminal_tools import item9_panel


async def test_a_part_left_open_is_saved_and_the_whole_plan_shows_next_time(
    tmp_path: Path,
) -> None:
    async with running(lessons_folder(tmp_path / "lessons")) as (app, pilot):
        checkin = await item9_panel(app, pilot)
        checkin.query_one("#panel-open-plan", Button).press()
        await wait_for(pilot, lambda: isinstance(app.screen, SafetyPlanScreen))
        plan = app.screen
        assert isinstance(plan, SafetyPlanScreen)
        plan.edit("warning-signs")
        await wait_for(pilot, lambda: isinstance(app.focused, TextArea))
        await pilot.press(*"Not sleeping")
        app.post_message(ToolChosen("checkin"))  # as the palette does
        await wait_for(pilot, lambda: app.screen is checkin and checkin.page == PANEL)
        assert isinstance(app.screen, CheckinScreen)
        app.post_message(ToolChosen("safety-plan"))
        await wait_for(pilot, lambda: app.screen is plan)
        await settle(pilot)
        assert plan.editor is None, "the whole plan, not the part's box"
        parts = plan.query_one("#plan-parts", OptionList)
        assert parts.display and app.focused is parts
        assert parts.highlighted is not None
        assert parts.get_option_at_index(parts.highlighted).id == "warning-signs"
        assert app.session.safety_plan.parts()["warning-signs"] == "Not sleeping"
        assert "Not sleeping" in str(parts.get_option("warning-signs").prompt)
