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

Tables added in version 2 (the learner's own tools, and what the export needs
to show saved work whose lesson has changed):

- ``saved_prompt``: the prompt of a reflect or plan step as it read when the
  learner last saved there, so the export can show it even after the author
  changed or removed the step; ``plan_tick.item_text`` likewise keeps an
  item's text at the time it was ticked.
- ``safety_plan_part``: the learner's text for each part of their safety
  plan (part ids come from the wording file), saved as typed.
- ``checkin``: every completed check-in: the form, its answers as a JSON
  array, the unscored difficulty answer, the total, and whether the item-9
  panel was shown.
- ``provider_question``: the learner's questions for their provider, from any
  source (a plan, a treatment's checks, the item-9 panel, their own), and
  whether each is picked for the next appointment brief.
- ``treatment`` and ``dose_change``: the learner's treatment history, as they
  typed it; nothing in it is interpreted.
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


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run each ``;``-separated statement (``executescript`` would commit)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _create_version_1(conn: sqlite3.Connection) -> None:
    """Version 0 (empty file) to 1: create every table."""
    _run_script(conn, _VERSION_1)


_VERSION_2 = """
CREATE TABLE saved_prompt (
    lesson_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    prompt TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (lesson_id, step_id)
) WITHOUT ROWID;
ALTER TABLE plan_tick ADD COLUMN item_text TEXT;
CREATE TABLE safety_plan_part (
    part_id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE checkin (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    form TEXT NOT NULL,
    answers TEXT NOT NULL,
    difficulty INTEGER CHECK (difficulty IS NULL OR difficulty BETWEEN 0 AND 3),
    total INTEGER NOT NULL CHECK (total BETWEEN 0 AND 27),
    item9_panel_shown INTEGER NOT NULL CHECK (item9_panel_shown IN (0, 1)),
    taken_at TEXT NOT NULL
);
CREATE INDEX checkin_by_time ON checkin (taken_at, id);
CREATE TABLE provider_question (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    picked INTEGER NOT NULL DEFAULT 1 CHECK (picked IN (0, 1)),
    added_at TEXT NOT NULL
);
CREATE TABLE treatment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    started TEXT,
    stopped TEXT,
    still_taking INTEGER NOT NULL DEFAULT 0 CHECK (still_taking IN (0, 1)),
    missed_doses TEXT,
    side_effects TEXT NOT NULL DEFAULT '',
    side_effects_why_stopped INTEGER CHECK (side_effects_why_stopped IN (0, 1)),
    helped TEXT,
    stopped_working INTEGER CHECK (stopped_working IN (0, 1)),
    why_stopped TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE TABLE dose_change (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    treatment_id INTEGER NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,
    dose TEXT NOT NULL,
    started TEXT
);
CREATE INDEX dose_change_by_treatment ON dose_change (treatment_id, id);
"""


def _add_tools(conn: sqlite3.Connection) -> None:
    """Version 1 to 2: the learner's tools, and saved prompt and item texts."""
    _run_script(conn, _VERSION_2)


MIGRATIONS: tuple[Migration, ...] = (_create_version_1, _add_tools)
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


_expected: dict[int, dict[str, frozenset[str]]] = {}


def expected_columns(version: int = SCHEMA_VERSION) -> dict[str, frozenset[str]]:
    """Every table a store of ``version`` holds, with its column names.

    Read from a fresh in-memory database that the migrations themselves built,
    so the expected set can never drift from what the migrations create: a
    migration that adds a table adds it here too.
    """
    found = _expected.get(version)
    if found is None:
        memory = sqlite3.connect(":memory:", isolation_level=None)
        try:
            migrate(memory, MIGRATIONS[:version])
            found = table_columns(memory)
        finally:
            memory.close()
        _expected[version] = found
    return found


def table_columns(conn: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """The tables in ``conn``'s main database (SQLite's own excepted) and their columns."""
    rows = conn.execute(
        "SELECT m.name, p.name FROM sqlite_schema AS m, pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
    ).fetchall()
    tables: dict[str, set[str]] = {}
    for table, column in rows:
        tables.setdefault(table, set()).add(column)
    return {table: frozenset(columns) for table, columns in tables.items()}


def missing_parts(conn: sqlite3.Connection, version: int) -> list[str]:
    """Tables and ``table.column`` names a store of ``version`` should have but lacks.

    Extra tables or columns are not counted: only what the code will read.
    """
    have = table_columns(conn)
    missing: list[str] = []
    for table, columns in sorted(expected_columns(version).items()):
        if table not in have:
            missing.append(table)
        else:
            missing += sorted(f"{table}.{column}" for column in columns - have[table])
    return missing
