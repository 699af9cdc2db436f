"""What the appointment brief reads and remembers.

The learner's goal for the visit and which reflections they picked are small
choices, kept in the ``setting`` table (the goal as typed; the picks as a
JSON list of ``[lesson_id, step_id]``). No reflection is picked until the
learner picks it: the brief is shared with someone else.

:func:`read_all` reads everything else the brief shows (treatments, check-in
totals, questions) in the same transaction, so the page never mixes a state
from before and after another copy's write; questions are written through
``progress.questions``.

Uses the store's package-internal ``_write()``/``_read()`` and ``_storable``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from progress.questions import Question
from progress.store import Store, _storable
from progress.timestamps import from_text
from progress.treatments import TreatmentRow, read_treatments

GOAL_KEY = "brief.goal"
REFLECTIONS_KEY = "brief.reflections"


@dataclass(frozen=True)
class CheckinRow:
    """A check-in's total and when it was taken."""

    taken_at: datetime
    total: int


@dataclass(frozen=True)
class BriefRows:
    """Everything the brief needs from the tools' tables, read in one transaction."""

    treatments: tuple[TreatmentRow, ...]
    checkins: tuple[CheckinRow, ...]
    questions: tuple[Question, ...]
    goal: str
    reflection_picks: frozenset[tuple[str, str]]


def _picks(value: str | None) -> frozenset[tuple[str, str]]:
    """The saved picks; anything unreadable counts as none picked (the safe side)."""
    if not value:
        return frozenset()
    try:
        data = json.loads(value)
    except ValueError:
        return frozenset()
    if not isinstance(data, list):
        return frozenset()
    return frozenset(
        (pair[0], pair[1])
        for pair in data
        if isinstance(pair, list)
        and len(pair) == 2
        and all(isinstance(part, str) for part in pair)
    )


def read_all(store: Store) -> BriefRows:
    with store._read() as conn:
        settings = dict(
            conn.execute(
                "SELECT key, value FROM setting WHERE key IN (?, ?)", (GOAL_KEY, REFLECTIONS_KEY)
            ).fetchall()
        )
        return BriefRows(
            treatments=read_treatments(conn),
            checkins=tuple(
                CheckinRow(from_text(taken_at), int(total))
                for taken_at, total in conn.execute(
                    "SELECT taken_at, total FROM checkin ORDER BY taken_at, id"
                )
            ),
            questions=_questions(conn),
            goal=settings.get(GOAL_KEY, ""),
            reflection_picks=_picks(settings.get(REFLECTIONS_KEY)),
        )


def goal(store: Store) -> str:
    return store.setting(GOAL_KEY) or ""


def set_goal(store: Store, text: str) -> None:
    store.set_setting(GOAL_KEY, _storable(text) if text else None)


def reflection_picks(store: Store) -> frozenset[tuple[str, str]]:
    return _picks(store.setting(REFLECTIONS_KEY))


def set_reflection_picks(store: Store, picks: frozenset[tuple[str, str]]) -> None:
    value = json.dumps(sorted([list(pair) for pair in picks])) if picks else None
    store.set_setting(REFLECTIONS_KEY, value)


# -- reading ------------------------------------------------------------------


def _questions(conn: sqlite3.Connection) -> tuple[Question, ...]:
    rows = conn.execute(
        "SELECT id, text, source, picked, added_at FROM provider_question ORDER BY id"
    )
    return tuple(
        Question(int(qid), str(text), str(source), bool(picked), from_text(added_at))
        for qid, text, source, picked, added_at in rows
    )
