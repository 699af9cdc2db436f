"""What My treatments and Prepare for my appointment look like at 80x24.

Run ``pytest --snapshot-update`` on this file alone to accept a change, and
look at the SVGs before committing them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from course.treatments import DoseChange, MonthYear, Treatment
from course.ui.app import CourseApp
from course.ui.screens.brief import BriefScreen
from course.ui.screens.treatments import TreatmentForm, TreatmentsScreen
from tests.ui.helpers import lessons_folder, make_app, settle, wait_for

SnapCompare = Any
TODAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def same_learner(monkeypatch: pytest.MonkeyPatch) -> None:
    """One learner seed for every run, so choices are drawn in one stable order."""
    monkeypatch.setattr("secrets.token_hex", lambda n=16: "5eed" * (n // 2))


def _app(tmp_path: Path) -> CourseApp:
    app = make_app(lessons_folder(tmp_path / "lessons"))
    door = app.session.treatments
    door.add(
        Treatment(
            "medicine",
            "Sertraline",
            MonthYear(2021, 3),
            MonthYear(2021, 11),
            doses=(
                DoseChange("50 mg", MonthYear(2021, 3)),
                DoseChange("100 mg", MonthYear(2021, 6)),
            ),
            missed_doses="rarely",
            helped="a-little",
            side_effects="nausea at first",
        )
    )
    door.add(
        Treatment("talk-therapy", "CBT", MonthYear(2023, 2), still_taking=True, helped="mostly")
    )
    door.ask("CBT: Was this a full dose for me?")
    return app


async def _push(pilot: Pilot[None], screen: Any) -> None:
    await settle(pilot)
    pilot.app.push_screen(screen)
    await wait_for(pilot, lambda: pilot.app.screen is screen)
    await settle(pilot)


class TestTreatmentsAndBrief:
    def test_treatments_list(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        app = _app(tmp_path)

        async def run_before(pilot: Pilot[None]) -> None:
            await _push(pilot, TreatmentsScreen(app.session, today=TODAY))

        assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))

    def test_add_form(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        app = _app(tmp_path)

        async def run_before(pilot: Pilot[None]) -> None:
            await _push(pilot, TreatmentsScreen(app.session, today=TODAY))
            await pilot.press("a")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, TreatmentForm))
            await settle(pilot)

        assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))

    def test_brief_screen(self, tmp_path: Path, snap_compare: SnapCompare) -> None:
        app = _app(tmp_path)
        app.session.brief.add_question("Could my thyroid be checked?")
        app.session.brief.set_goal("Agree on what to try next")

        async def run_before(pilot: Pilot[None]) -> None:
            await _push(pilot, BriefScreen(app.session, today=TODAY))

        assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))
