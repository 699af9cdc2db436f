"""A child process that writes to a store, for the crash and concurrency tests.

Usage:
    store_worker.py crash DATA_DIR
        Record answers and save a reflection in an endless loop, printing
        ``a <attempt id>`` and ``r <n>`` after each commit, until killed.
    store_worker.py race DATA_DIR NAME COUNT
        Open the store, print ``ready``, wait for a line on stdin, record
        COUNT answers to questions ``NAME-0`` ... and print ``done``.
    store_worker.py start DATA_DIR NAME COUNT
        The same, but wait for the line *before* opening the store, so that
        several copies open it at the same moment; then print ``notices N``.

Each line is printed only after the write it names has returned, that is,
after its transaction committed: so every line the parent reads names data
the store promised to keep. A write that finds another writer holding the
lock raises ``StoreBusy`` after a moment and is simply made again, as the
app's Session does.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from progress import StoreBusy, database_path, open_store

T = TypeVar("T")


def retrying(write: Callable[..., T], *args: object) -> T:
    """Make ``write(*args)`` until it is not refused as busy (nothing is written then)."""
    while True:
        try:
            return write(*args)
        except StoreBusy:
            continue


def crash(data_dir: Path) -> None:
    store = open_store(database_path(data_dir)).store
    n = 0
    while True:
        attempt = retrying(store.record_answer, "crash", f"q{n}", ["a", "c"], n % 3 == 0)
        print(f"a {attempt.attempt_id}", flush=True)
        text = f"saved {n} " + "words " * (n % 50)
        retrying(store.save_reflection, "crash", "r1", text)
        print(f"r {n}", flush=True)
        n += 1


def race(data_dir: Path, name: str, count: int, *, sync_before_open: bool) -> None:
    if sync_before_open:
        print("ready", flush=True)
        sys.stdin.readline()
    opened = open_store(database_path(data_dir))
    with opened.store as store:
        if not sync_before_open:
            print("ready", flush=True)
            sys.stdin.readline()
        for n in range(count):
            retrying(store.record_answer, "race", f"{name}-{n}", [name], True)
    print("done", flush=True)
    if sync_before_open:
        print(f"notices {len(opened.notices)}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "crash":
        crash(Path(sys.argv[2]))
    else:
        race(
            Path(sys.argv[2]),
            sys.argv[3],
            int(sys.argv[4]),
            sync_before_open=sys.argv[1] == "start",
        )
