"""The database schema and its forward migrations.

The schema version lives in ``PRAGMA user_version`` (0 for a brand-new, empty
file). ``MIGRATIONS[n]`` turns version ``n`` into ``n + 1``; to change the
schema, append a function, never edit one that has shipped, and add a fixture
test that migrates a database of the previous version. Each step runs in its
own ``BEGIN IMMEDIATE`` transaction together with the ``user_version`` bump,
so a crash or a second copy of the course starting at the same moment leaves
the file at one whole version, never half-way.

Tables (version 1):

- ``position``: one row, the step the learner was on.
- ``lesson``: first start and first completion time per lesson id.
- ``quiz_attempt``: every answer ever given, append-only; choice ids as a JSON
  array so "select all that apply" answers keep their exact selection.
- ``reflection``: the latest text per (lesson, step).
- ``plan_tick`` and ``plan_own_item``: ticks by item id, and the learner's own
  items (``AUTOINCREMENT`` so a removed item's id is never handed out again and
  an old tick can never attach to a new item).
- ``app_state``: facts about this learner's copy (first-run acknowledgement).
- ``setting``: small user choices such as the theme name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

Migration = Callable[[sqlite3.Connection], None]

_VERSION_1 = """
CREATE TABLE position (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    lesson_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE lesson (
    lesson_id TEXT PRIMARY KEY,
    started_at TEXT,
    completed_at TEXT,
    last_step_id TEXT
) WITHOUT ROWID;
CREATE TABLE quiz_attempt (
    id INTEGER PRIMARY KEY,
    lesson_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    choice_ids TEXT NOT NULL,
    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
    answered_at TEXT NOT NULL
);
CREATE INDEX quiz_attempt_by_question ON quiz_attempt (lesson_id, question_id, id);
CREATE TABLE reflection (
    lesson_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (lesson_id, step_id)
) WITHOUT ROWID;
CREATE TABLE plan_tick (
    lesson_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    item_id TEXT NOT NULL,
    PRIMARY KEY (lesson_id, step_id, item_id)
) WITHOUT ROWID;
CREATE TABLE plan_own_item (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lesson_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    text TEXT NOT NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX plan_own_item_by_step ON plan_own_item (lesson_id, step_id, id);
CREATE TABLE app_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"""


def _create_version_1(conn: sqlite3.Connection) -> None:
    """Version 0 (empty file) to 1: create every table."""
    for statement in _VERSION_1.split(";"):
        if statement.strip():
            conn.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (_create_version_1,)
"""``MIGRATIONS[n]`` migrates from version ``n`` to ``n + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)
"""The version this code writes and understands."""


def read_version(conn: sqlite3.Connection) -> int:
    """Return the database's ``PRAGMA user_version``."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def has_tables(conn: sqlite3.Connection) -> bool:
    """Whether the database holds any schema object at all.

    A version-0 file with tables was not made by this program (someone pointed
    the course at another program's database); migrating it would mix our
    tables into theirs.
    """
    row = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    return int(row[0]) > 0


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database up to ``len(migrations)``, one transaction per step.

    The version is re-read inside each transaction, so when two processes
    open an old file at once, the second simply finds the work done.

    Args:
        conn: A connection in autocommit mode (``isolation_level=None``).
        migrations: The ordered steps; a parameter so tests can use their own.

    Returns:
        The version found before migrating.

    Raises:
        NewerSchemaError: The database is newer than ``len(migrations)``.
    """
    target = len(migrations)
    found = read_version(conn)
    version = found
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = read_version(conn)
            if version < target:
                migrations[version](conn)
                version += 1
                # PRAGMA takes no parameters; version is an int we computed.
                conn.execute(f"PRAGMA user_version = {version:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    if version > target:
        raise NewerSchemaError(version, target)
    return found


class NewerSchemaError(Exception):
    """The file was written by a newer version of the program."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(f"schema version {found} is newer than {supported}")
        self.found = found
        self.supported = supported
