"""The learner's safety plan in the store: the ``safety_plan_part`` table.

One row per part (the part ids come from the course's wording file), holding
the learner's text byte for byte as typed (lone surrogates aside, which
UTF-8 cannot hold); the course reads each line of it as one entry. A part
saved empty is deleted, so an emptied plan leaves no row behind, and
``secure_delete`` zeroes the old text in the file.

Uses the store's package-internal ``_write()``/``_read()`` transactions and
``_storable``: this module is part of the ``progress`` package.
"""

from __future__ import annotations

from datetime import datetime

from progress.store import Store, _storable
from progress.timestamps import to_text, utc_now


def save_part(store: Store, part_id: str, text: str, *, at: datetime | None = None) -> bool:
    """Replace the learner's text for one part; an empty text removes the part.

    Returns:
        True, once committed (so a caller can tell success from a caught failure).
    """
    text = _storable(text)
    when = to_text(at if at is not None else utc_now())
    with store._write() as conn:
        if text.strip():
            conn.execute(
                "INSERT INTO safety_plan_part (part_id, text, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (part_id) DO UPDATE "
                "SET text = excluded.text, updated_at = excluded.updated_at",
                (part_id, text, when),
            )
        else:
            conn.execute("DELETE FROM safety_plan_part WHERE part_id = ?", (part_id,))
    return True


def read_parts(store: Store) -> dict[str, str]:
    """Every saved part's text, by part id (parts never written are absent)."""
    with store._read() as conn:
        rows = conn.execute("SELECT part_id, text FROM safety_plan_part").fetchall()
    return {str(part_id): str(text) for part_id, text in rows}
