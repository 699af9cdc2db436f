"""``python -m bench``: every benchmark, one table, optional JSON.

    python -m bench                 # the full run (a few minutes)
    python -m bench --quick         # fewer runs and sizes (used by the tests)
    python -m bench --json out.json # also write the rows and the machine
    python -m bench --only paint    # one or more groups

Targets are printed next to each result and never asserted: a MISSED verdict
is something for a person to look into, so the exit status is 0 whenever the
benchmarks ran, whatever they found. Everything runs in temporary folders;
nothing reads or writes the learner's own progress, and nothing uses the
network.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import app_bench, brief_bench, loader_bench, store_bench, toml_bench, tools_bench
from bench.probe import forbid_network
from bench.report import MISSED, Row, machine, table, write_json

GROUPS = ("startup", "paint", "memory", "load", "store", "toml", "brief", "tools")


def _in_process(group: str) -> Callable[[bool], list[Row]]:
    return {
        "load": loader_bench.run,
        "store": store_bench.run,
        "toml": toml_bench.run,
        "brief": brief_bench.run,
        "tools": tools_bench.run,
    }[group]


def run(quick: bool, groups: Sequence[str]) -> list[Row]:
    """The chosen groups in a fixed order: subprocess ones first, on a quiet heap."""
    rows: list[Row] = []
    app_groups = [g for g in groups if g in ("startup", "paint", "memory")]
    for group in app_groups:
        print(f"bench: {group} ...", file=sys.stderr, flush=True)
        rows += app_bench.run(quick, (group,))
    for group in (g for g in GROUPS if g in groups and g not in app_groups):
        print(f"bench: {group} ...", file=sys.stderr, flush=True)
        rows += _in_process(group)(quick)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Measure trd-course against a minimal Textual app and its targets.",
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs and sizes (~30 s)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results here")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=GROUPS,
        default=GROUPS,
        metavar="GROUP",
        help=f"run only these groups ({', '.join(GROUPS)})",
    )
    args = parser.parse_args(argv)
    forbid_network()
    start = time.perf_counter()
    rows = run(args.quick, args.only)
    seconds = time.perf_counter() - start
    about = machine()
    print(table(rows))
    print()
    print(
        f"{about['cpu']}, {about['cores']} cores; Python {about['python']}, "
        f"Textual {about['textual']}; {about['date']}; "
        f"{'quick' if args.quick else 'full'} run in {seconds:.0f} s"
    )
    missed = [row.name for row in rows if row.verdict == MISSED]
    if missed:
        print(f"targets missed: {', '.join(missed)}")
    if args.json is not None:
        write_json(args.json, rows, args.quick, seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
