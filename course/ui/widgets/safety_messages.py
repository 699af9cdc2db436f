"""What happens on the safety plan and check-in screens, said where it happened.

Like ``course.ui.messages``: a widget posts one of these and the screen that
owns the change saves it through the session's doors.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class PlanPartChanged(Message):
    """The learner's text for one part of their safety plan changed (after a pause or a while)."""

    part_id: str
    text: str
