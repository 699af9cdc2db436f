"""The 1,000-kill run: SIGKILL a writing store again and again; count what was lost.

Run on request, not in the test suite or ``python -m bench`` (about two
minutes on two cores)::

    python -m bench.crash_kills            # 1,000 kills in four lanes
    python -m bench.crash_kills --kills 200 --seed 7

Each lane starts ``tests/progress/store_worker.py crash`` (answers and a
reflection saved in a loop, each printed only after it committed), kills it
at a random moment, then reopens the store and checks, as the suite's crash
test does: integrity check ``ok``, no notice (nothing judged damaged or
foreign, so no ``-wal`` of the store's own was set aside), every printed
answer kept, and the reflection at the last printed save or the one after.
Every twentieth kill lands during start-up in a new folder. Prints the
totals; exit status 1 if anything was lost.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crash_kills")
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--lanes", type=int, default=4)
    parser.add_argument("--seed", type=int, default=time.time_ns() % 1_000_000)
    args = parser.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.progress.test_store_processes import _kill_lane

    started = time.monotonic()
    with (
        tempfile.TemporaryDirectory(prefix="trd-kills-") as tmp,
        ThreadPoolExecutor(args.lanes) as pool,
    ):
        per_lane = args.kills // args.lanes
        futures = [
            pool.submit(_kill_lane, Path(tmp) / f"lane-{n}", per_lane, args.seed + n)
            for n in range(args.lanes)
        ]
        failures: list[str] = []
        kept = 0
        for future in futures:
            try:
                kept += future.result()
            except AssertionError as error:  # a lost write, a notice, a failed check
                failures.append(str(error).splitlines()[0])
    elapsed = time.monotonic() - started
    print(
        f"{per_lane * args.lanes} SIGKILLs in {elapsed:.0f} s (seed {args.seed}): "
        f"{kept} acknowledged answers checked after the kills, "
        f"{len(failures)} lanes with a loss or a failed check"
    )
    for failure in failures:
        print(f"  {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
