"""The learner's own tools: one list that the map, the keys and the palette share.

Each tool is a screen built from the session alone. The map lists them under
"Your own tools", each has a key on the map, and the palette names them; all
three post ``ToolChosen`` and the app shows the screen. A tool's module is
imported only when it is opened, so the map's start pays nothing for them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen

    from course.session import Session


@dataclass(frozen=True)
class Tool:
    """One tool.

    Attributes:
        id: Stable id, used in messages and option ids.
        title: What the learner sees, on the map and in the palette.
        key: Its key on the map.
        summary: One line saying what it is for, short enough that the map's row
            (key, title, summary) fits one line at 60 columns
            (``SUMMARY_ROW_WIDTH``): a wrapped row starts its second line
            under the key, and reads as two tools.
        screen: ``module:Class`` of its screen, whose constructor takes the session.
    """

    id: str
    title: str
    key: str
    summary: str
    screen: str

    def available(self) -> bool:
        """Whether this copy of the course has the tool's screen."""
        return _has_module(self.screen.partition(":")[0])

    def build(self, session: Session) -> Screen[Any]:
        module_name, _, class_name = self.screen.partition(":")
        screen_class = getattr(importlib.import_module(module_name), class_name)
        built: Screen[Any] = screen_class(session)
        return built


SUMMARY_ROW_WIDTH = 56
"""Columns the map's list has for a row at 60x20 (padding and scrollbar taken off)."""


@cache
def _has_module(name: str) -> bool:
    try:
        return find_spec(name) is not None
    except ModuleNotFoundError:
        return False


TOOLS: tuple[Tool, ...] = (
    Tool(
        "safety-plan",
        "My safety plan",
        "s",
        "Who to call, what helps, in a crisis.",
        "course.ui.screens.safety_plan:SafetyPlanScreen",
    ),
    Tool(
        "checkin",
        "Check-in",
        "k",
        "The last two weeks (PHQ-9) and your trend.",
        "course.ui.screens.checkin:CheckinScreen",
    ),
    Tool(
        "treatments",
        "My treatments",
        "t",
        "What you have tried and how each went.",
        "course.ui.screens.treatments:TreatmentsScreen",
    ),
    Tool(
        "brief",
        "Prepare for my appointment",
        "p",
        "One page for your visit.",
        "course.ui.screens.brief:BriefScreen",
    ),
    Tool(
        "notes",
        "My notes",
        "m",
        "Your reflections and plans, and an export.",
        "course.ui.screens.notes:NotesScreen",
    ),
)


def tool(tool_id: str) -> Tool | None:
    return next((t for t in TOOLS if t.id == tool_id), None)


def available_tools() -> tuple[Tool, ...]:
    return tuple(t for t in TOOLS if t.available())
