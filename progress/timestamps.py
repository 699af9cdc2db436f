"""How times are stored: UTC, ISO 8601 text, microseconds.

Text sorts in time order, reads clearly in ``sqlite3`` when someone inspects
their own file, and round-trips exactly through :mod:`datetime`. Naive
datetimes are refused because a time without a zone cannot be put in order
with others once the learner travels or the clocks change.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """Return the current time as an aware UTC datetime."""
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """Encode an aware datetime for storage.

    Raises:
        ValueError: ``moment`` has no time zone.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("times given to the progress store must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    """Decode a time written by :func:`to_text`."""
    return datetime.fromisoformat(text).astimezone(UTC)


def file_stamp(moment: datetime | None = None) -> str:
    """Return a compact UTC stamp for file names, e.g. ``20261126T153000Z``.

    No colons, so the name is valid on every file system, and it sorts in time
    order in a folder listing.
    """
    return (moment or utc_now()).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
