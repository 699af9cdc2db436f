"""What My safety plan, F1 with a plan, and the check-in look like at 80x24.

Run ``pytest --snapshot-update`` on this file alone to accept a change, and
look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from course.ui.app import CourseApp
from course.ui.messages import ToolChosen
from course.ui.screens.checkin import CheckinScreen
from course.ui.screens.help import HelpScreen
from course.ui.screens.safety_plan import SafetyPlanScreen
from progress.checkins import save_checkin
from tests.ui.helpers import lessons_folder, make_app, settle, wait_for

SnapCompare = Any
START = datetime(2026, 1, 5, 12, tzinfo=UTC)
PLAN = {
    "warning-signs": "Not sleeping for a few nights\nPulling away from people",
    "on-my-own": "A walk around the block\nA shower, then a warm drink",
    "people-and-places": "Coffee with my neighbor",
    "helpers": "Sam (my sister): 555-0142\nAna (friend): text her",
    "professionals": "Dr. Lee: 555-0199 (after hours: 555-0100)\n988: call or text",
    "safer-surroundings": "Ask Sam to hold medicines I don't use",
    "reasons": "My kids\nMy dog, Pepper",
}
TOTALS = (19, 21, 17, 16, 14, 15, 11, 9)


@pytest.fixture(autouse=True)
def same_learner(monkeypatch: pytest.MonkeyPatch) -> None:
    """One learner seed for every run, so choices are drawn in one stable order."""
    monkeypatch.setattr("secrets.token_hex", lambda n=16: "5eed" * (n // 2))


def _app(tmp_path: Path, plan: bool = True, checkins: int = 0) -> CourseApp:
    app = make_app(lessons_folder(tmp_path / "lessons"))
    if plan:
        for part, text in PLAN.items():
            app.session.safety_plan.save(part, text)
    for i, total in enumerate(TOTALS[:checkins]):
        answers = [min(3, max(0, total - 3 * k)) for k in range(8)]
        answers.append(i % 3 == 1)
        save_checkin(
            app.store,
            "phq9-v1",
            [int(a) for a in answers],
            1,
            total,
            i % 3 == 1,
            at=START + timedelta(days=14 * i),
        )
    return app


async def _open(pilot: Pilot[None], tool: str, kind: type) -> None:
    await settle(pilot)
    pilot.app.post_message(ToolChosen(tool))
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind))
    await settle(pilot)


async def _answer(pilot: Pilot[None], *answers: int) -> None:
    for value in answers:
        await pilot.press(str(value))
        await settle(pilot)


class TestSafetySnapshots:
    def test_safety_plan(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await _open(pilot, "safety-plan", SafetyPlanScreen)

        assert snap_compare(_app(tmp_path), run_before=run_before)

    def test_help_with_a_plan(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("f1")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
            await settle(pilot)

        assert snap_compare(_app(tmp_path), run_before=run_before)

    def test_checkin_item_page(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await _open(pilot, "checkin", CheckinScreen)
            await pilot.press("enter")
            await settle(pilot)
            await _answer(pilot, 1, 0)

        assert snap_compare(_app(tmp_path, plan=False), run_before=run_before)

    @pytest.mark.parametrize("item9", [1, 3], ids=["several-days", "nearly-every-day"])
    def test_item9_panel(self, tmp_path: Path, snap_compare: SnapCompare, item9: int) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await _open(pilot, "checkin", CheckinScreen)
            await pilot.press("enter")
            await settle(pilot)
            await _answer(pilot, *[1] * 8, item9)

        assert snap_compare(_app(tmp_path, plan=False), run_before=run_before)

    def test_result(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await _open(pilot, "checkin", CheckinScreen)
            await pilot.press("enter")
            await settle(pilot)
            await _answer(pilot, 2, 2, 1, 2, 1, 1, 1, 0, 0, 1)

        assert snap_compare(_app(tmp_path, plan=False, checkins=3), run_before=run_before)

    def test_trend_with_eight_check_ins(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        async def run_before(pilot: Pilot[None]) -> None:
            await _open(pilot, "checkin", CheckinScreen)
            await pilot.press("t")
            await settle(pilot)

        assert snap_compare(_app(tmp_path, plan=False, checkins=8), run_before=run_before)
