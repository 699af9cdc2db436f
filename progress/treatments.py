"""The learner's treatment history in the store: the ``treatment`` and ``dose_change`` tables.

Rows go in and come out as plain values, byte for byte as typed (lone
surrogates aside, which UTF-8 cannot hold); month dates are the ``YYYY-MM``
text the domain gives. Nothing here interprets a dose or a date: the course
does its arithmetic on the records it builds from these rows.

Uses the store's package-internal ``_write()``/``_read()`` transactions and
``_storable``: this module is part of the ``progress`` package.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from progress.store import Store, _storable
from progress.timestamps import from_text, to_text, utc_now


@dataclass(frozen=True)
class DoseRow:
    """One dose as written on the label, and its start month (``YYYY-MM``) if given."""

    dose: str
    started: str | None = None


@dataclass(frozen=True)
class TreatmentRow:
    """One treatment as stored; ``id`` and ``updated_at`` are the store's."""

    kind: str
    name: str
    started: str | None = None
    stopped: str | None = None
    still_taking: bool = False
    missed_doses: str | None = None
    side_effects: str = ""
    side_effects_why_stopped: bool | None = None
    helped: str | None = None
    stopped_working: bool | None = None
    why_stopped: str = ""
    notes: str = ""
    questions: str = ""
    doses: tuple[DoseRow, ...] = ()
    id: int | None = None
    updated_at: datetime | None = None


_COLUMNS = (
    "kind, name, started, stopped, still_taking, missed_doses, side_effects, "
    "side_effects_why_stopped, helped, stopped_working, why_stopped, notes, questions"
)


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _maybe_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _maybe_text(value: str | None) -> str | None:
    return None if value is None else _storable(value)


def _values(row: TreatmentRow) -> tuple[object, ...]:
    return (
        _storable(row.kind),
        _storable(row.name),
        _maybe_text(row.started),
        _maybe_text(row.stopped),
        int(row.still_taking),
        _maybe_text(row.missed_doses),
        _storable(row.side_effects),
        _flag(row.side_effects_why_stopped),
        _maybe_text(row.helped),
        _flag(row.stopped_working),
        _storable(row.why_stopped),
        _storable(row.notes),
        _storable(row.questions),
    )


def _put_doses(conn: sqlite3.Connection, treatment_id: int, doses: tuple[DoseRow, ...]) -> None:
    conn.execute("DELETE FROM dose_change WHERE treatment_id = ?", (treatment_id,))
    conn.executemany(
        "INSERT INTO dose_change (treatment_id, dose, started) VALUES (?, ?, ?)",
        [(treatment_id, _storable(d.dose), _maybe_text(d.started)) for d in doses],
    )


def add_treatment(store: Store, row: TreatmentRow, *, at: datetime | None = None) -> int:
    """Save a new treatment and its doses; returns its id (never reused)."""
    when = to_text(at or utc_now())
    with store._write() as conn:
        cursor = conn.execute(
            f"INSERT INTO treatment ({_COLUMNS}, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*_values(row), when),
        )
        treatment_id = cursor.lastrowid
        assert treatment_id is not None
        _put_doses(conn, treatment_id, row.doses)
    return treatment_id


def update_treatment(
    store: Store, treatment_id: int, row: TreatmentRow, *, at: datetime | None = None
) -> bool:
    """Replace a treatment's fields and doses; False if it no longer exists."""
    when = to_text(at or utc_now())
    sets = ", ".join(f"{column.strip()} = ?" for column in _COLUMNS.split(","))
    with store._write() as conn:
        cursor = conn.execute(
            f"UPDATE treatment SET {sets}, updated_at = ? WHERE id = ?",
            (*_values(row), when, treatment_id),
        )
        if cursor.rowcount == 0:
            return False
        _put_doses(conn, treatment_id, row.doses)
    return True


def remove_treatment(store: Store, treatment_id: int) -> bool:
    """Remove a treatment and its doses; False if it was already gone."""
    with store._write() as conn:
        # Foreign keys are not switched on for the store, so the doses go explicitly.
        conn.execute("DELETE FROM dose_change WHERE treatment_id = ?", (treatment_id,))
        cursor = conn.execute("DELETE FROM treatment WHERE id = ?", (treatment_id,))
        return cursor.rowcount > 0


def treatments(store: Store) -> tuple[TreatmentRow, ...]:
    """Every treatment with its doses, in the order entered (oldest id first)."""
    with store._read() as conn:
        return read_treatments(conn)


def read_treatments(conn: sqlite3.Connection) -> tuple[TreatmentRow, ...]:
    """Every treatment, inside a transaction the caller holds (for one-read views)."""
    doses: dict[int, list[DoseRow]] = {}
    for treatment_id, dose, started in conn.execute(
        "SELECT treatment_id, dose, started FROM dose_change ORDER BY treatment_id, id"
    ):
        doses.setdefault(treatment_id, []).append(DoseRow(dose, started))
    rows = conn.execute(f"SELECT id, {_COLUMNS}, updated_at FROM treatment ORDER BY id")
    found = []
    for (
        treatment_id,
        kind,
        name,
        started,
        stopped,
        still_taking,
        missed,
        side_effects,
        why_side,
        helped,
        stopped_working,
        why_stopped,
        notes,
        questions,
        updated_at,
    ) in rows:
        found.append(
            TreatmentRow(
                kind=kind,
                name=name,
                started=started,
                stopped=stopped,
                still_taking=bool(still_taking),
                missed_doses=missed,
                side_effects=side_effects,
                side_effects_why_stopped=_maybe_bool(why_side),
                helped=helped,
                stopped_working=_maybe_bool(stopped_working),
                why_stopped=why_stopped,
                notes=notes,
                questions=questions,
                doses=tuple(doses.get(treatment_id, ())),
                id=treatment_id,
                updated_at=from_text(updated_at),
            )
        )
    return tuple(found)
