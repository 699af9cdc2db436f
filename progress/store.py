"""The learner's saved state: one SQLite connection behind small methods.

Durability choices, and why:

- WAL journal with ``synchronous=FULL``: every commit is fsynced before the
  method returns, so an answer the screen has shown as saved survives a power
  cut, not just a crash of the program. The cost per write is measured
  against its budget in ``bench/store_bench.py``.
- Every write is its own ``BEGIN IMMEDIATE`` ... ``COMMIT``: there is no save
  button and nothing waits for exit. ``IMMEDIATE`` takes the write lock at the
  start, so a write never fails half-way. While another program holds that
  lock, a write waits only ``WRITE_TIMEOUT_SECONDS`` and then raises
  :class:`~progress.errors.StoreBusy`, having changed nothing: the app keeps
  the write and tries it again later, instead of freezing (crisis help
  included) for as long as the other program writes. Commands run from the
  command line wait longer (:meth:`Store.set_busy_timeout`).
- :meth:`Store.close` checkpoints the log into the database and truncates
  it, so a clean close leaves no ``-wal`` behind; after each write the
  ``-wal``'s identity is recorded (:mod:`progress.wal`), so a log that is not
  this store's is never applied to it.
- ``secure_delete=ON``: deleted and overwritten reflection text is zeroed in
  the file, and after a reset ``wal_checkpoint(TRUNCATE)`` empties the
  ``-wal`` file, so a reset really removes what the learner wrote (except from
  the backup the reset deliberately keeps).

The connection is in autocommit mode (``isolation_level=None``) so Python's
``sqlite3`` never opens transactions behind our back, and it may be used from
a worker thread: a lock serialises callers within one process.

Start-up reads only the records the map needs. The answer, reflection, plan
and snapshot records, and ``json`` for answers' choices, are imported by the
methods that use them: the start pays nothing for them.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from progress.errors import StoreBusy, StoreError
from progress.files import BACKUP_LABEL, create_private_file, labelled_path
from progress.records import LessonProgress, Position
from progress.timestamps import from_text, to_text, utc_now
from progress.wal import LogWatch, mark_clean

if TYPE_CHECKING:
    from progress.answers import QuestionResult, QuizAttempt
    from progress.own_work import OwnPlanItem, PlanState, Reflection
    from progress.snapshot import Snapshot

BUSY_TIMEOUT_SECONDS = 10.0
"""How long opening, and a command run from the command line, wait for another program."""

WRITE_TIMEOUT_SECONDS = 0.1
"""How long a write waits for another program's write lock before :class:`StoreBusy`."""

OWN_ITEM_PREFIX = "mine:"
"""Prefix of plan item ids the store assigns to the learner's own items."""

_FIRST_RUN_KEY = "first_run_acknowledged_at"
_SEED_KEY = "learner_seed"

_WRITE_FAILED = (
    "Couldn't save your progress to {path} ({error}). What was saved before "
    "is safe. If this keeps happening, check that the disk has free space and "
    "the file can be written."
)
_READ_FAILED = (
    "Couldn't read your progress from {path} ({error}). Close other copies of "
    "the course and try again."
)

_LESSON_TABLES = (
    "lesson",
    "quiz_attempt",
    "reflection",
    "plan_tick",
    "plan_own_item",
    "saved_prompt",
)
"""Tables keyed by lesson id: what :meth:`Store.reset_lesson` clears."""

_TOOL_TABLES = (
    "safety_plan_part",
    "checkin",
    "provider_question",
    "dose_change",
    "treatment",
)
"""The learner's own tools: cleared by a whole reset, never by one lesson's."""


_BUSY = (
    "Another program is writing to your progress file {path}, so this has not "
    "been saved yet; nothing was lost, and it can be saved again in a moment."
)
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and int(code) & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)


def connect(path: Path) -> sqlite3.Connection:
    """Open a read-write connection with the store's durability settings.

    ``journal_mode=WAL`` can fall back to the rollback journal on file systems
    without shared memory (some network drives); every write is still atomic
    and fsynced there, so that is accepted rather than refused.
    """
    conn = sqlite3.connect(
        path,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_SECONDS,
        check_same_thread=False,
    )
    try:
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def _when(at: datetime | None) -> str:
    return to_text(at if at is not None else utc_now())


def _maybe_time(text: str | None) -> datetime | None:
    return None if text is None else from_text(text)


def _ids(choice_ids: Iterable[str]) -> tuple[str, ...]:
    if isinstance(choice_ids, str):
        raise TypeError("choice_ids must be a collection of ids, not one string")
    return tuple(choice_ids)


def _storable(text: str) -> str:
    """Replace lone surrogates (from undecodable pasted bytes) with U+FFFD.

    SQLite text is UTF-8, which cannot hold them; refusing would lose the
    learner's whole save over one bad character, so they are replaced.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def _attempt(row: tuple[int, str, str, str, int, str]) -> QuizAttempt:
    import json  # here, not at the top: the map (start-up) reads no answers' choices

    from progress.answers import QuizAttempt

    attempt_id, lesson_id, question_id, choices, correct, answered_at = row
    return QuizAttempt(
        attempt_id=attempt_id,
        lesson_id=lesson_id,
        question_id=question_id,
        choice_ids=tuple(json.loads(choices)),
        correct=bool(correct),
        answered_at=from_text(answered_at),
    )


def _keep_prompt(
    conn: sqlite3.Connection, lesson_id: str, step_id: str, prompt: str | None, when: str
) -> None:
    if prompt is not None:
        conn.execute(
            "INSERT INTO saved_prompt (lesson_id, step_id, prompt, saved_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (lesson_id, step_id) DO UPDATE SET prompt = excluded.prompt, "
            "saved_at = excluded.saved_at",
            (lesson_id, step_id, _storable(prompt), when),
        )


def _own_item(row: tuple[int, str, str]) -> OwnPlanItem:
    from progress.own_work import OwnPlanItem

    item_number, text, added_at = row
    return OwnPlanItem(f"{OWN_ITEM_PREFIX}{item_number}", text, from_text(added_at))


def _own_item_number(item_id: str) -> int | None:
    if not item_id.startswith(OWN_ITEM_PREFIX):
        return None
    digits = item_id.removeprefix(OWN_ITEM_PREFIX)
    return int(digits) if digits.isascii() and digits.isdigit() else None


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """Copy a whole store into the (new, private) file ``dest`` as one
    self-contained file: no ``-wal`` beside it, so it can be moved or kept alone.

    Raises:
        sqlite3.Error: The copy failed; ``dest`` may hold part of it.
    """
    target = sqlite3.connect(dest, isolation_level=None)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


class Store:
    """Durable, private learner state, addressed only by ids.

    Get one from :func:`progress.open_store`, which also checks, migrates and
    if needed repairs the file. Every method that changes something has
    committed it to disk when it returns. Every failure is a
    :class:`~progress.errors.StoreError` whose message can be shown as is.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        watch: LogWatch | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        """Wrap an open, migrated connection (use ``open_store`` instead)."""
        self._conn: sqlite3.Connection | None = conn
        self._path = path
        self._read_only = read_only
        self._lock = threading.RLock()
        self._watch = watch if watch is not None else LogWatch(path)
        self.set_busy_timeout(WRITE_TIMEOUT_SECONDS)

    def set_busy_timeout(self, seconds: float) -> None:
        """How long each write waits for another program's lock before :class:`StoreBusy`.

        The app keeps the short default and retries in the background; a
        command run from the command line may wait longer, as nothing is
        drawn while it waits.
        """
        with self._lock:
            # PRAGMA takes no parameters; the value is an int computed here.
            self._open_conn().execute(f"PRAGMA busy_timeout = {max(0, int(seconds * 1000)):d}")

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def read_only(self) -> bool:
        """Opened read-only (a full or read-only disk): reads work, writes fail."""
        return self._read_only

    def close(self) -> None:
        """Checkpoint the log into the database, then close; safe to call twice.

        After a clean close no ``-wal`` is left (unless another program still
        has the store open, whose log it is then), so the folder holds one
        self-contained file, and a ``-wal`` found later is known not to be
        this store's. Called by the app on exit and on SIGHUP/SIGTERM.
        """
        with self._lock:
            if self._conn is not None:
                if self._read_only:
                    self._conn.close()
                    self._conn = None
                    self._watch.release()
                    return
                # Another program reading makes it fail: SQLite checkpoints on its close.
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                self._conn.close()
                self._conn = None
                mark_clean(self._path)
                self._watch.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------

    def _open_conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError(f"the progress store {self._path} is closed")
        return self._conn

    @contextmanager
    def _transaction(
        self, begin: str, failure: str, *, write: bool = False
    ) -> Iterator[sqlite3.Connection]:
        """Run the body as one transaction; turn SQLite errors into StoreError.

        Raises:
            StoreBusy: Another program held the lock past the busy timeout;
                nothing was changed, and the same call can simply be made again.
            StoreError: Any other failure.
        """
        with self._lock:
            conn = self._open_conn()
            try:
                conn.execute(begin)
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    if _is_busy(exc):
                        raise StoreBusy(_BUSY.format(path=self._path), self._path) from exc
                    message = failure.format(path=self._path, error=exc)
                    raise StoreError(message, self._path) from exc
                raise
            if write:
                self._watch.after_write()

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` write transaction: committed on return."""
        return self._transaction("BEGIN IMMEDIATE", _WRITE_FAILED, write=True)

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        """One read transaction, for a view no other writer can split."""
        return self._transaction("BEGIN", _READ_FAILED)

    # -- position -----------------------------------------------------------

    def position(self) -> Position | None:
        """Where the learner was last, or None on a fresh start."""
        with self._read() as conn:
            return self._position(conn)

    def set_position(self, lesson_id: str, step_id: str, *, at: datetime | None = None) -> None:
        """Remember the step on screen, so the next start resumes there.

        The lesson's own last step is kept too, in the same transaction, so the
        map can say "step 3 of 6" for every unfinished lesson, not just this one.
        """
        with self._write() as conn:
            conn.execute(
                "INSERT INTO position (id, lesson_id, step_id, updated_at) "
                "VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "lesson_id = excluded.lesson_id, step_id = excluded.step_id, "
                "updated_at = excluded.updated_at",
                (lesson_id, step_id, _when(at)),
            )
            conn.execute(
                "INSERT INTO lesson (lesson_id, last_step_id) VALUES (?, ?) "
                "ON CONFLICT (lesson_id) DO UPDATE SET last_step_id = excluded.last_step_id",
                (lesson_id, step_id),
            )

    @staticmethod
    def _position(conn: sqlite3.Connection) -> Position | None:
        row = conn.execute(
            "SELECT lesson_id, step_id, updated_at FROM position WHERE id = 1"
        ).fetchone()
        return None if row is None else Position(row[0], row[1], from_text(row[2]))

    # -- lessons ------------------------------------------------------------

    def mark_started(self, lesson_id: str, *, at: datetime | None = None) -> None:
        """Record that a lesson was opened; the first time is kept."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO lesson (lesson_id, started_at) VALUES (?, ?) "
                "ON CONFLICT (lesson_id) DO UPDATE SET "
                "started_at = coalesce(started_at, excluded.started_at)",
                (lesson_id, _when(at)),
            )

    def mark_completed(self, lesson_id: str, *, at: datetime | None = None) -> None:
        """Record that a lesson was finished; the first completion is kept.

        A lesson completed without a recorded start (an older copy, a lesson
        finished in one sitting) gets the same time as its start.
        """
        when = _when(at)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO lesson (lesson_id, started_at, completed_at) "
                "VALUES (?, ?, ?) ON CONFLICT (lesson_id) DO UPDATE SET "
                "started_at = coalesce(started_at, excluded.started_at), "
                "completed_at = coalesce(completed_at, excluded.completed_at)",
                (lesson_id, when, when),
            )

    def lesson(self, lesson_id: str) -> LessonProgress | None:
        """Start and completion times of one lesson, None if never started."""
        with self._read() as conn:
            found = self._lessons(conn, lesson_id)
        return found[0] if found else None

    def lessons(self) -> dict[str, LessonProgress]:
        """Start and completion times of every lesson the learner opened."""
        with self._read() as conn:
            return {item.lesson_id: item for item in self._lessons(conn)}

    @staticmethod
    def _lessons(
        conn: sqlite3.Connection, lesson_id: str | None = None
    ) -> tuple[LessonProgress, ...]:
        columns = "SELECT lesson_id, started_at, completed_at, last_step_id FROM lesson"
        if lesson_id is None:
            rows = conn.execute(f"{columns} ORDER BY lesson_id")
        else:
            rows = conn.execute(f"{columns} WHERE lesson_id = ?", (lesson_id,))
        return tuple(
            LessonProgress(lesson_id, _maybe_time(started), _maybe_time(completed), last_step)
            for lesson_id, started, completed, last_step in rows
        )

    # -- quizzes ------------------------------------------------------------

    def record_answer(
        self,
        lesson_id: str,
        question_id: str,
        choice_ids: Iterable[str],
        correct: bool,
        *,
        at: datetime | None = None,
    ) -> QuizAttempt:
        """Keep one answer; every attempt is kept, in order.

        Args:
            choice_ids: The ids the learner chose (several for "select all
                that apply"); a bare string is refused, not split into letters.
            correct: The grade the course gave this answer.
        """
        import json  # see _attempt

        from progress.answers import QuizAttempt

        choices = _ids(choice_ids)
        when = _when(at)
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO quiz_attempt "
                "(lesson_id, question_id, choice_ids, correct, answered_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (lesson_id, question_id, json.dumps(choices), int(correct), when),
            )
            attempt_id = cursor.lastrowid
        assert attempt_id is not None
        return QuizAttempt(
            attempt_id, lesson_id, question_id, choices, bool(correct), from_text(when)
        )

    def attempts(self, lesson_id: str | None = None) -> tuple[QuizAttempt, ...]:
        """Every recorded answer, oldest first, for one lesson or all."""
        with self._read() as conn:
            return self._attempts(conn, lesson_id)

    @staticmethod
    def _attempts(conn: sqlite3.Connection, lesson_id: str | None) -> tuple[QuizAttempt, ...]:
        columns = "id, lesson_id, question_id, choice_ids, correct, answered_at"
        if lesson_id is None:
            rows = conn.execute(f"SELECT {columns} FROM quiz_attempt ORDER BY id")
        else:
            rows = conn.execute(
                f"SELECT {columns} FROM quiz_attempt WHERE lesson_id = ? ORDER BY id",
                (lesson_id,),
            )
        return tuple(_attempt(row) for row in rows)

    def question_results(self, lesson_id: str) -> dict[str, QuestionResult]:
        """First-attempt, best and latest answer for each answered question."""
        from progress.answers import QuestionResult

        grouped: dict[str, list[QuizAttempt]] = {}
        for attempt in self.attempts(lesson_id):
            grouped.setdefault(attempt.question_id, []).append(attempt)
        return {
            question_id: QuestionResult(
                lesson_id=lesson_id,
                question_id=question_id,
                attempts=len(tries),
                first_correct=tries[0].correct,
                latest=tries[-1],
            )
            for question_id, tries in grouped.items()
        }

    def answer_summaries(self) -> dict[str, dict[str, tuple[bool, bool]]]:
        """Whether each question's first and latest answers were right, by lesson, then question.

        One query for the whole course: the map shows every lesson's score on
        each return. The latest answer is what the learner knows now; the
        first is kept for whoever wants to see what feedback taught them.
        """
        found: dict[str, dict[str, tuple[bool, bool]]] = {}
        with self._read() as conn:
            rows = conn.execute(
                "SELECT a.lesson_id, a.question_id, f.correct, a.correct FROM quiz_attempt a "
                "JOIN (SELECT min(id) AS first, max(id) AS last FROM quiz_attempt "
                "GROUP BY lesson_id, question_id) g ON a.id = g.last "
                "JOIN quiz_attempt f ON f.id = g.first"
            )
            for lesson_id, question_id, first, latest in rows:
                found.setdefault(lesson_id, {})[question_id] = (bool(first), bool(latest))
        return found

    # -- reflections ----------------------------------------------------------

    def save_reflection(
        self,
        lesson_id: str,
        step_id: str,
        text: str,
        *,
        prompt: str | None = None,
        at: datetime | None = None,
    ) -> Reflection:
        """Replace the learner's text for one reflect step.

        Called for each batch of keystrokes; the old text is overwritten, and
        ``secure_delete`` zeroes it in the file rather than leaving it in free
        space.
        """
        from progress.own_work import Reflection

        text = _storable(text)
        when = _when(at)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO reflection (lesson_id, step_id, text, updated_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (lesson_id, step_id) DO UPDATE "
                "SET text = excluded.text, updated_at = excluded.updated_at",
                (lesson_id, step_id, text, when),
            )
            _keep_prompt(conn, lesson_id, step_id, prompt, when)
        return Reflection(lesson_id, step_id, text, from_text(when))

    def reflection(self, lesson_id: str, step_id: str) -> Reflection | None:
        """The saved text for one reflect step, or None if never written."""
        from progress.own_work import Reflection

        with self._read() as conn:
            row = conn.execute(
                "SELECT text, updated_at FROM reflection WHERE lesson_id = ? AND step_id = ?",
                (lesson_id, step_id),
            ).fetchone()
        if row is None:
            return None
        return Reflection(lesson_id, step_id, row[0], from_text(row[1]))

    @staticmethod
    def _reflections(conn: sqlite3.Connection) -> tuple[Reflection, ...]:
        from progress.own_work import Reflection

        rows = conn.execute(
            "SELECT lesson_id, step_id, text, updated_at FROM reflection "
            "ORDER BY lesson_id, step_id"
        )
        return tuple(
            Reflection(lesson_id, step_id, text, from_text(updated))
            for lesson_id, step_id, text, updated in rows
        )

    # -- plans ----------------------------------------------------------------

    def tick(
        self,
        lesson_id: str,
        step_id: str,
        item_id: str,
        *,
        item_text: str | None = None,
        prompt: str | None = None,
    ) -> None:
        """Mark a plan item done (an author's id or one of the learner's own).

        ``item_text`` and ``prompt`` are kept beside the tick, so an export
        can still say what was ticked after the author changes the lesson.
        """
        with self._write() as conn:
            conn.execute(
                "INSERT INTO plan_tick (lesson_id, step_id, item_id, item_text) "
                "VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                "item_text = coalesce(excluded.item_text, item_text)",
                (lesson_id, step_id, item_id, item_text),
            )
            _keep_prompt(conn, lesson_id, step_id, prompt, _when(None))

    def untick(self, lesson_id: str, step_id: str, item_id: str) -> None:
        """Mark a plan item not done; unticking an unticked item is harmless."""
        with self._write() as conn:
            conn.execute(
                "DELETE FROM plan_tick WHERE lesson_id = ? AND step_id = ? AND item_id = ?",
                (lesson_id, step_id, item_id),
            )

    def add_plan_item(
        self,
        lesson_id: str,
        step_id: str,
        text: str,
        *,
        ticked: bool = False,
        prompt: str | None = None,
        at: datetime | None = None,
    ) -> OwnPlanItem:
        """Add an action of the learner's own to a plan step (ticked if asked, in one write)."""
        text = _storable(text)
        when = _when(at)
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO plan_own_item (lesson_id, step_id, text, added_at) "
                "VALUES (?, ?, ?, ?)",
                (lesson_id, step_id, text, when),
            )
            number = cursor.lastrowid
            assert number is not None
            if ticked:
                conn.execute(
                    "INSERT OR IGNORE INTO plan_tick (lesson_id, step_id, item_id) "
                    "VALUES (?, ?, ?)",
                    (lesson_id, step_id, f"{OWN_ITEM_PREFIX}{number}"),
                )
            _keep_prompt(conn, lesson_id, step_id, prompt, when)
        return _own_item((number, text, when))

    def edit_plan_item(self, lesson_id: str, step_id: str, item_id: str, text: str) -> bool:
        """Change the text of one of the learner's own items; its tick stays.

        Returns:
            False for an unknown id or an author's item.
        """
        number = _own_item_number(item_id)
        if number is None:
            return False
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE plan_own_item SET text = ? WHERE id = ? AND lesson_id = ? AND step_id = ?",
                (_storable(text), number, lesson_id, step_id),
            )
        return cursor.rowcount > 0

    def remove_plan_item(self, lesson_id: str, step_id: str, item_id: str) -> bool:
        """Remove one of the learner's own items (and its tick).

        Returns:
            True if an item was removed; False for an unknown id or an author's
            item, which only the lesson file can remove.
        """
        number = _own_item_number(item_id)
        if number is None:
            return False
        with self._write() as conn:
            cursor = conn.execute(
                "DELETE FROM plan_own_item WHERE id = ? AND lesson_id = ? AND step_id = ?",
                (number, lesson_id, step_id),
            )
            removed = cursor.rowcount > 0
            if removed:
                conn.execute(
                    "DELETE FROM plan_tick WHERE lesson_id = ? AND step_id = ? AND item_id = ?",
                    (lesson_id, step_id, item_id),
                )
        return removed

    def plan(self, lesson_id: str, step_id: str) -> PlanState:
        """Ticks and own items of one plan step (empty if never touched)."""
        from progress.own_work import PlanState

        with self._read() as conn:
            ticked = conn.execute(
                "SELECT item_id FROM plan_tick WHERE lesson_id = ? AND step_id = ?",
                (lesson_id, step_id),
            ).fetchall()
            own = conn.execute(
                "SELECT id, text, added_at FROM plan_own_item "
                "WHERE lesson_id = ? AND step_id = ? ORDER BY id",
                (lesson_id, step_id),
            ).fetchall()
        return PlanState(
            lesson_id,
            step_id,
            frozenset(item_id for (item_id,) in ticked),
            tuple(_own_item(row) for row in own),
        )

    @staticmethod
    def _plans(conn: sqlite3.Connection) -> tuple[PlanState, ...]:
        from progress.own_work import PlanState

        ticks: dict[tuple[str, str], set[str]] = {}
        for lesson_id, step_id, item_id in conn.execute(
            "SELECT lesson_id, step_id, item_id FROM plan_tick"
        ):
            ticks.setdefault((lesson_id, step_id), set()).add(item_id)
        own: dict[tuple[str, str], list[OwnPlanItem]] = {}
        for lesson_id, step_id, number, text, added_at in conn.execute(
            "SELECT lesson_id, step_id, id, text, added_at FROM plan_own_item ORDER BY id"
        ):
            item = _own_item((number, text, added_at))
            own.setdefault((lesson_id, step_id), []).append(item)
        return tuple(
            PlanState(key[0], key[1], frozenset(ticks.get(key, ())), tuple(own.get(key, ())))
            for key in sorted(ticks.keys() | own.keys())
        )

    # -- first run and settings ---------------------------------------------

    def first_run_acknowledged_at(self) -> datetime | None:
        """When the learner confirmed the first-run notice, or None."""
        with self._read() as conn:
            return self._first_run(conn)

    def acknowledge_first_run(self, *, at: datetime | None = None) -> None:
        """Remember that the first-run notice was read; the first time is kept."""
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO app_state (key, value) VALUES (?, ?)",
                (_FIRST_RUN_KEY, _when(at)),
            )

    @staticmethod
    def _first_run(conn: sqlite3.Connection) -> datetime | None:
        row = conn.execute(
            "SELECT value FROM app_state WHERE key = ?", (_FIRST_RUN_KEY,)
        ).fetchone()
        return None if row is None else from_text(row[0])

    def learner_seed(self) -> str:
        """A random id for this learner, made on first use and kept.

        Seeds things that should differ between learners but stay put for one
        (the order choices are shown in), without being guessable from ids.
        """
        import secrets

        with self._read() as conn:
            row = conn.execute(
                "SELECT value FROM app_state WHERE key = ?", (_SEED_KEY,)
            ).fetchone()
        if row is not None:
            return str(row[0])
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO app_state (key, value) VALUES (?, ?)",
                (_SEED_KEY, secrets.token_hex(16)),
            )
            row = conn.execute(
                "SELECT value FROM app_state WHERE key = ?", (_SEED_KEY,)
            ).fetchone()
        return str(row[0])

    def saved_prompts(self) -> dict[tuple[str, str], str]:
        """The prompt of each reflect or plan step as it read when last saved there."""
        with self._read() as conn:
            rows = conn.execute("SELECT lesson_id, step_id, prompt FROM saved_prompt")
            return {(lesson_id, step_id): prompt for lesson_id, step_id, prompt in rows}

    def setting(self, key: str) -> str | None:
        """A saved setting (such as ``"theme"``), or None if never set."""
        with self._read() as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str | None) -> None:
        """Save a setting; None removes it so the default applies again."""
        with self._write() as conn:
            if value is None:
                conn.execute("DELETE FROM setting WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT "
                    "(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    # -- whole store ----------------------------------------------------------

    def snapshot(self, *, every_attempt: bool = True) -> Snapshot:
        """Everything, read in one transaction (for export).

        Args:
            every_attempt: Also list every answer ever given. The export needs
                only each question's summary (``question_results``): without
                the full list, a store with 100,000 answers exports in a
                fraction of the time and memory.
        """
        from progress.snapshot import Snapshot

        with self._read() as conn:
            return Snapshot(
                position=self._position(conn),
                lessons=self._lessons(conn),
                attempts=self._attempts(conn, None) if every_attempt else (),
                reflections=self._reflections(conn),
                plans=self._plans(conn),
                first_run_acknowledged_at=self._first_run(conn),
                settings=dict(conn.execute("SELECT key, value FROM setting")),
                question_results=self._all_question_results(conn),
            )

    @staticmethod
    def _all_question_results(conn: sqlite3.Connection) -> tuple[QuestionResult, ...]:
        """Each answered question's first grade, latest answer and count, in one query.

        In the order the questions were first answered.
        """
        from progress.answers import QuestionResult

        rows = conn.execute(
            "SELECT g.n, f.correct, a.id, a.lesson_id, a.question_id, a.choice_ids, "
            "a.correct, a.answered_at FROM (SELECT min(id) AS first, max(id) AS last, "
            "count(*) AS n FROM quiz_attempt GROUP BY lesson_id, question_id) AS g "
            "JOIN quiz_attempt AS a ON a.id = g.last "
            "JOIN quiz_attempt AS f ON f.id = g.first ORDER BY g.first"
        )
        return tuple(
            QuestionResult(
                lesson_id=row[3],
                question_id=row[4],
                attempts=int(row[0]),
                first_correct=bool(row[1]),
                latest=_attempt(row[2:]),
            )
            for row in rows
        )

    def reset_lesson(self, lesson_id: str) -> bool:
        """Forget one lesson: times, answers, reflections and plan.

        The position is left alone: the course, not the store, knows which
        step to show next. Take a backup first if the learner may want it
        back (:meth:`make_backup`).

        Returns:
            True if the old text was also wiped from the ``-wal`` file; False if
            another running copy of the course kept it from being emptied
            (it is then overwritten as the journal is reused).
        """
        with self._write() as conn:
            for table in _LESSON_TABLES:
                conn.execute(f"DELETE FROM {table} WHERE lesson_id = ?", (lesson_id,))
        return self._wipe_journal()

    def holds_own_tools(self) -> bool:
        """Whether any of the learner's own tools holds a row (what a full reset also erases).

        A learner who only wrote a safety plan, or only took a check-in, has
        something a full reset would erase; without this, ``reset`` would say
        there is nothing to reset while the plan sits in the file.
        """
        with self._read() as conn:
            return any(
                conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
                for table in _TOOL_TABLES
            )

    def reset_all(self) -> bool:
        """Forget all progress: position, lessons, answers, reflections, plans.

        The first-run acknowledgement goes too (a fresh start shows what the
        course is again); settings such as the theme stay, as they are about
        the screen, not the learner's answers.

        Returns:
            As for :meth:`reset_lesson`.
        """
        with self._write() as conn:
            for table in ("position", "app_state", *_LESSON_TABLES, *_TOOL_TABLES):
                conn.execute(f"DELETE FROM {table}")
        return self._wipe_journal()

    def _wipe_journal(self) -> bool:
        with self._lock:
            conn = self._open_conn()
            try:
                busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.Error:
                return False
        return int(busy) == 0

    def backup_to(self, dest: Path) -> Path:
        """Copy the whole store into a new private (0600) file at ``dest``.

        Uses SQLite's backup API, so the copy is consistent even while another
        copy of the course writes. The copy is a single self-contained file
        (rollback-journal mode, no ``-wal``). An existing ``dest`` is never
        overwritten.

        Raises:
            StoreError: ``dest`` exists or cannot be written.
        """
        if not create_private_file(dest):
            raise StoreError(
                f"Can't back up your progress to {dest}: a file with that name "
                "already exists, and it was left as it is.",
                dest,
            )
        with self._lock:
            try:
                copy_database(self._open_conn(), dest)
            except sqlite3.Error as exc:
                dest.unlink(missing_ok=True)  # our own half-written copy
                raise StoreError(
                    f"Couldn't back up your progress to {dest} ({exc}). Your "
                    "progress file was not changed.",
                    dest,
                ) from exc
        return dest

    def make_backup(self) -> Path:
        """Back up to ``progress.db.backup-<UTC time>`` next to the store."""
        return self.backup_to(labelled_path(self._path, BACKUP_LABEL))
