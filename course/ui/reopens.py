"""What a screen the app keeps between openings must offer.

A kept screen is shown again as it was left, so before it is pushed the app
lets it catch up with anything that changed while it was away (a check-in
finished, a plan part written elsewhere). Screens without this are built
afresh each time they open.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Reopens(Protocol):
    async def reopen(self) -> None:
        """Bring the screen up to date before it is shown again."""
