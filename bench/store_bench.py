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
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from progress import database_path, open_store


def _percentile(times: list[float], fraction: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def _row(name: str, times: list[float], target_ms: float) -> dict[str, Any]:
    median_ms = statistics.median(times) * 1000
    return {
        "name": name,
        "n": len(times),
        "median_ms": median_ms,
        "p99_ms": _percentile(times, 0.99) * 1000,
        "max_ms": max(times) * 1000,
        "target_ms": target_ms,
        "ok": median_ms < target_ms,
    }


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


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Time writes and opening; one row per measurement."""
    writes = 200 if quick else 1000
    opens = 10 if quick else 30
    answers = 10_000
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = database_path(Path(tmp) / "data")
        with open_store(db).store as store:
            rows.append(
                _row(
                    "record answer",
                    _timed(
                        writes,
                        lambda n: store.record_answer(
                            f"lesson-{n % 40}", f"q{n % 6}", ["a", "c"], n % 2 == 0
                        ),
                    ),
                    2.0,
                )
            )
            draft = "I noticed that on harder days I " * 30  # about 1 KB
            rows.append(
                _row(
                    "save reflection (~1 KB)",
                    _timed(
                        writes,
                        lambda n: store.save_reflection(
                            f"lesson-{n % 40}", "reflect", f"{draft}{n}"
                        ),
                    ),
                    2.0,
                )
            )
        _fill(db, answers - writes)

        opening_times = []
        for _ in range(opens):  # what start-up does: open, then read the position
            start = time.perf_counter()
            opened = open_store(db)
            opened.store.position()
            opening_times.append(time.perf_counter() - start)
            opened.store.close()
        row = _row(f"open store with {answers:,} answers", opening_times, 50.0)
        row["file_kb"] = db.stat().st_size // 1024
        rows.append(row)
    return rows


def main() -> None:
    rows = run(quick="--quick" in sys.argv)
    header = f"{'benchmark':34} {'n':>5} {'median ms':>10} {'p99 ms':>8} {'max ms':>8}"
    print(f"{header} {'target':>8}")
    for row in rows:
        verdict = "ok" if row["ok"] else "SLOW"
        print(
            f"{row['name']:34} {row['n']:5d} {row['median_ms']:10.3f} "
            f"{row['p99_ms']:8.3f} {row['max_ms']:8.3f} "
            f"{'<' + str(row['target_ms']):>6} {verdict}"
        )


if __name__ == "__main__":
    main()
