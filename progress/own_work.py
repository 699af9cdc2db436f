"""What the learner writes and plans: reflections, their own plan items, ticks.

Frozen records like those in ``progress.records``, kept apart so a start
(which shows the map and no lesson) does not define them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Reflection:
    """The learner's private text for one reflect step, as last saved."""

    lesson_id: str
    step_id: str
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class OwnPlanItem:
    """An action the learner added to a plan step themselves.

    Attributes:
        item_id: Assigned by the store, starts with ``mine:`` so it can never
            collide with an author's item id; never reused after removal.
    """

    item_id: str
    text: str
    added_at: datetime


@dataclass(frozen=True)
class PlanState:
    """What the learner did with one plan step.

    Attributes:
        ticked: Ids of ticked items, the author's and the learner's own.
        own_items: The learner's own items, oldest first.
    """

    lesson_id: str
    step_id: str
    ticked: frozenset[str] = frozenset()
    own_items: tuple[OwnPlanItem, ...] = ()
