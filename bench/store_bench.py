"""Store benchmark: what one saved answer, one reflection save and a start cost.

Run ``python -m bench.store_bench`` (``--quick`` for fewer repetitions). Not a
test: it prints times for a person to read against the targets, with the
store's real durability (WAL, ``synchronous=FULL``: an fsync per write).

Targets: median under 2 ms per recorded answer and per reflection save;
under 50 ms to open a store that holds 100,000 answers (the open includes the
check at open, see ``progress.opening``); and ``trd-course export`` of that
store, run as the learner runs it (a new process), under 1 s with a peak
resident size under 60 MB. Everything runs in a temporary folder, never the
learner's own.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.report import Row, percentile, table, under
from progress import database_path, open_store

WRITE_TARGET_MS = 2.0
OPEN_TARGET_MS = 50.0
EXPORT_TARGET_S = 1.0
EXPORT_PEAK_TARGET_MB = 60.0


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
    answers = 100_000
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
                notes=f"open, check, read position; file {db.stat().st_size // 1024} KiB",
                extra={"p99": percentile(opening_times, 0.99)},
            )
        )
        rows += _export_rows(db.parent, runs=3 if quick else 10)
    return rows


_EXPORT_CHILD = """
import sys
from course.cli import main
code = main(sys.argv[1:])
with open("/proc/self/status", encoding="ascii") as status:
    peak = next(line for line in status if line.startswith("VmHWM:"))
print(peak.split()[1], file=sys.stderr)
sys.exit(code)
"""
"""``trd-course export`` through the same entry point, reporting its own peak.

The peak is read from /proc (VmHWM) by the child itself: Linux's ru_maxrss
for a child counts the parent's resident size at the fork, so the export was
charged with the bench process's own size, grown by the groups run before it.
"""


def _export_once(data_dir: Path) -> tuple[float, float]:
    """One ``trd-course export`` in a new process: seconds, and its peak resident MB."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    out = data_dir.parent / "notes.md"
    start = time.perf_counter()
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            _EXPORT_CHILD,
            "--data-dir",
            str(data_dir),
            "export",
            "-o",
            str(out),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"trd-course export failed with status {child.returncode}")
    peak_mb = int(child.stderr.strip().splitlines()[-1]) / 1024  # VmHWM is in kB
    return elapsed, peak_mb


def _export_rows(data_dir: Path, runs: int) -> list[Row]:
    results = [_export_once(data_dir) for _ in range(runs)]
    return [
        under(
            "store: export 100,000 answers",
            [seconds for seconds, _ in results],
            "s",
            EXPORT_TARGET_S,
            notes="'trd-course export -o FILE' in a new process: start, lessons, open, write",
        ),
        under(
            "store: export 100,000 answers, peak memory",
            [peak for _, peak in results],
            "MB",
            EXPORT_PEAK_TARGET_MB,
            notes="the export process's own peak resident size (VmHWM, read by itself)",
        ),
    ]


def main() -> None:
    print(table(run(quick="--quick" in sys.argv)))


if __name__ == "__main__":
    main()
