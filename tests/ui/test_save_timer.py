"""The shared save timer: a save after a quiet moment, and at the longest after a while."""

from __future__ import annotations

from textual.app import App

from course.ui.widgets.save_timer import SaveTimer
from tests.ui.helpers import wait_for

NEVER = 60.0
"""Seconds no test waits: a timer set to this has, for the test, not ended."""


class Saving(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.saves = 0
        self.timer = SaveTimer(self, self.saved)

    def saved(self) -> None:
        assert not self.timer.pending, "both timers are stopped before the save"
        self.saves += 1


async def test_a_quiet_moment_saves_once() -> None:
    app = Saving()
    async with app.run_test() as pilot:
        app.timer.typed(0.05, NEVER)
        assert app.timer.pending
        await wait_for(pilot, lambda: app.saves == 1)
        assert not app.timer.pending  # the longest wait went with it


async def test_unbroken_typing_is_saved_by_the_longest_wait_set_at_its_first_key() -> None:
    app = Saving()
    async with app.run_test() as pilot:
        app.timer.typed(NEVER, 0.05)
        # Later keys move the quiet moment on but never the longest wait.
        app.timer.typed(NEVER, NEVER)
        app.timer.typed(NEVER, NEVER)
        await wait_for(pilot, lambda: app.saves == 1, timeout=5)


async def test_stop_means_nothing_is_waiting() -> None:
    app = Saving()
    async with app.run_test() as pilot:
        app.timer.typed(NEVER, NEVER)
        app.timer.stop()
        assert not app.timer.pending
        app.timer.typed(0.05, NEVER)  # a new stretch after a stop starts afresh
        await wait_for(pilot, lambda: app.saves == 1)
