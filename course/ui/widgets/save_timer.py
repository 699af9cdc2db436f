"""When text being typed is saved: after a quiet moment, and at the longest after a while.

A reflection and a safety-plan part are both saved as the learner types.
Saving on every key would write the store dozens of times a minute; saving
only on a pause would lose a long unbroken stretch to a closed terminal or a
power cut. So a save waits for a short quiet moment, and a second timer,
started by the first key after a save and not restarted by later keys,
saves anyway once that stretch has gone on a while. Both widgets use this
one timer pair, so the two kinds of text are kept by the same rule.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer


class SaveTimer:
    """The two timers of one text box; ``save`` runs when either ends.

    Args:
        owner: The widget whose timers these are (they stop with it).
        save: Called, with both timers stopped, when it is time to save.
    """

    def __init__(self, owner: MessagePump, save: Callable[[], object]) -> None:
        self._owner = owner
        self._save = save
        self._quiet: Timer | None = None
        self._longest: Timer | None = None

    @property
    def pending(self) -> bool:
        """Whether a save is still to come (something typed since the last one)."""
        return self._quiet is not None or self._longest is not None

    def typed(self, quiet: float, longest: float) -> None:
        """The text changed: save ``quiet`` seconds from now, or ``longest`` from the first key.

        The delays are given at each key, not once, so a widget's own
        ``save_delay`` and ``longest_wait`` can be changed while it is shown.
        """
        if self._quiet is not None:
            self._quiet.stop()
        self._quiet = self._owner.set_timer(quiet, self._due)
        if self._longest is None:
            self._longest = self._owner.set_timer(longest, self._due)

    def stop(self) -> None:
        """Nothing is waiting any more (it was saved, or is being saved now)."""
        for timer in (self._quiet, self._longest):
            if timer is not None:
                timer.stop()
        self._quiet = self._longest = None

    def _due(self) -> None:
        self.stop()
        self._save()
