"""Store benchmark: what one saved answer, one reflection save and a start cost.

Run ``python -m bench.store_bench`` (``--quick`` for fewer repetitions). Not a
test: it prints times for a person to read against the targets, with the
store's real durability (WAL, ``synchronous=FULL``: an fsync per write).

Targets: median under 2 ms per recorded answer and per reflection save, and
under 50 ms to open a store that holds 10,000 answers (the open includes the
integrity check, see ``progress.opening``). Everything runs in a temporary
folder, never the learner's own.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.report import Row, percentile, table, under
from progress import database_path, open_store

WRITE_TARGET_MS = 2.0
OPEN_TARGET_MS = 50.0


def _write_row(name: str, times: list[float]) -> Row:
    ms = [t * 1000 for t in times]
    p99 = percentile(ms, 0.99)
    return under(
        name,
        ms,
        "ms",
        WRITE_TARGET_MS,
        notes=f"p99 {p99:.2f} ms; WAL, synchronous=FULL (an fsync per write)",
        extra={"p99": p99},
    )


def _timed(count: int, action: Callable[[int], object]) -> list[float]:
    times = []
    for n in range(count):
        start = time.perf_counter()
        action(n)
        times.append(time.perf_counter() - start)
    return times


def _fill(db: Path, answers: int) -> None:
    """Add ``answers`` answers in one transaction (set-up, not measured).

    The rows are the ones ``Store.record_answer`` writes; going around it
    only saves the set-up 10,000 fsyncs.
    """
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO quiz_attempt "
        "(lesson_id, question_id, choice_ids, correct, answered_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            (
                f"lesson-{n % 40:02d}",
                f"question-{n % 6}",
                json.dumps(["choice-a", "choice-c"]),
                n % 2,
                "2026-11-26T15:30:00.000000+00:00",
            )
            for n in range(answers)
        ),
    )
    conn.execute("COMMIT")
    conn.close()


def run(quick: bool = False) -> list[Row]:
    """Time writes and opening; one row per measurement."""
    writes = 200 if quick else 1000
    opens = 10 if quick else 30
    answers = 10_000
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="trd-bench-") as tmp:
        db = database_path(Path(tmp) / "data")
        with open_store(db).store as store:
            rows.append(
                _write_row(
                    "store: record answer",
                    _timed(
                        writes,
                        lambda n: store.record_answer(
                            f"lesson-{n % 40}", f"q{n % 6}", ["a", "c"], n % 2 == 0
                        ),
                    ),
                )
            )
            draft = "I noticed that on harder days I " * 30  # about 1 KB
            rows.append(
                _write_row(
                    "store: save reflection (~1 KB)",
                    _timed(
                        writes,
                        lambda n: store.save_reflection(
                            f"lesson-{n % 40}", "reflect", f"{draft}{n}"
                        ),
                    ),
                )
            )
        _fill(db, answers - writes)

        opening_times = []
        for _ in range(opens):  # what start-up does: open, then read the position
            start = time.perf_counter()
            opened = open_store(db)
            opened.store.position()
            opening_times.append((time.perf_counter() - start) * 1000)
            opened.store.close()
        rows.append(
            under(
                f"store: open with {answers:,} answers",
                opening_times,
                "ms",
                OPEN_TARGET_MS,
                notes=f"open, integrity check, read position; file {db.stat().st_size // 1024} KiB",
                extra={"p99": percentile(opening_times, 0.99)},
            )
        )
    return rows


def main() -> None:
    print(table(run(quick="--quick" in sys.argv)))


if __name__ == "__main__":
    main()
