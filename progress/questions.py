"""The learner's questions for their provider: the ``provider_question`` table.

Questions come from anywhere in the course (a plan, a treatment's checks,
the item-9 panel, the learner's own typing); ``source`` is a short string
saying which, for the brief to group or explain them. Each is picked for the
next appointment brief when added, and can be unpicked or removed. Text goes
in byte for byte as typed (lone surrogates aside).

Uses the store's package-internal ``_write()``/``_read()`` transactions and
``_storable``: this module is part of the ``progress`` package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from progress.store import Store, _storable
from progress.timestamps import from_text, to_text, utc_now


@dataclass(frozen=True)
class Question:
    """One question for the provider, as stored."""

    id: int
    text: str
    source: str
    picked: bool
    added_at: datetime


def add_question(
    store: Store, text: str, source: str, *, picked: bool = True, at: datetime | None = None
) -> Question:
    """Add a question (picked for the brief unless told otherwise)."""
    text = _storable(text)
    when = to_text(at if at is not None else utc_now())
    with store._write() as conn:
        cursor = conn.execute(
            "INSERT INTO provider_question (text, source, picked, added_at) VALUES (?, ?, ?, ?)",
            (text, source, int(picked), when),
        )
        number = cursor.lastrowid
    assert number is not None
    return Question(number, text, source, picked, from_text(when))


def read_questions(store: Store) -> tuple[Question, ...]:
    """Every question, oldest first."""
    with store._read() as conn:
        rows = conn.execute(
            "SELECT id, text, source, picked, added_at FROM provider_question ORDER BY id"
        ).fetchall()
    return tuple(
        Question(int(n), str(text), str(source), bool(picked), from_text(added))
        for n, text, source, picked, added in rows
    )


def set_picked(store: Store, question_id: int, picked: bool) -> bool:
    """Pick or unpick one question for the brief; False if there is no such question."""
    with store._write() as conn:
        cursor = conn.execute(
            "UPDATE provider_question SET picked = ? WHERE id = ?", (int(picked), question_id)
        )
    return cursor.rowcount > 0


def remove_question(store: Store, question_id: int) -> bool:
    """Remove one question; False if there is no such question."""
    with store._write() as conn:
        cursor = conn.execute("DELETE FROM provider_question WHERE id = ?", (question_id,))
    return cursor.rowcount > 0
