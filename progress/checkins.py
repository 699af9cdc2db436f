"""The learner's check-ins in the store: the ``checkin`` table.

Every completed check-in is one row, never changed afterwards: the form it
used, the nine answers (a JSON array), the unscored difficulty answer, the
total, whether the item-9 panel was shown, and when. The store checks only
that the values fit the table; scoring is the course's.

Uses the store's package-internal ``_write()``/``_read()`` transactions: this
module is part of the ``progress`` package.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from progress.store import Store
from progress.timestamps import from_text, to_text, utc_now


@dataclass(frozen=True)
class Checkin:
    """One completed check-in as stored."""

    id: int
    form: str
    answers: tuple[int, ...]
    difficulty: int | None
    total: int
    item9_panel_shown: bool
    taken_at: datetime


def save_checkin(
    store: Store,
    form: str,
    answers: Sequence[int],
    difficulty: int | None,
    total: int,
    item9_panel_shown: bool,
    *,
    at: datetime | None = None,
) -> Checkin:
    """Keep one completed check-in, in one write."""
    import json

    values = tuple(int(a) for a in answers)
    when = to_text(at if at is not None else utc_now())
    with store._write() as conn:
        cursor = conn.execute(
            "INSERT INTO checkin (form, answers, difficulty, total, item9_panel_shown, taken_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (form, json.dumps(values), difficulty, total, int(item9_panel_shown), when),
        )
        number = cursor.lastrowid
    assert number is not None
    return Checkin(number, form, values, difficulty, total, item9_panel_shown, from_text(when))


def read_checkins(store: Store) -> tuple[Checkin, ...]:
    """Every check-in, oldest first."""
    import json

    with store._read() as conn:
        rows = conn.execute(
            "SELECT id, form, answers, difficulty, total, item9_panel_shown, taken_at "
            "FROM checkin ORDER BY taken_at, id"
        ).fetchall()
    found: list[Checkin] = []
    for number, form, answers, difficulty, total, shown, taken_at in rows:
        try:
            values = tuple(int(a) for a in json.loads(answers))
        except (ValueError, TypeError):
            values = ()  # a hand-edited row: its total still stands
        found.append(
            Checkin(
                int(number),
                str(form),
                values,
                None if difficulty is None else int(difficulty),
                int(total),
                bool(shown),
                from_text(taken_at),
            )
        )
    return tuple(found)


def last_taken(store: Store) -> datetime | None:
    """When the latest check-in was taken, or None if there is none (one small read)."""
    with store._read() as conn:
        row = conn.execute("SELECT max(taken_at) FROM checkin").fetchone()
    return None if row is None or row[0] is None else from_text(row[0])
