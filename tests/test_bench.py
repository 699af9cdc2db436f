"""``python -m bench --quick`` still runs and reports every benchmark.

The timings themselves are never asserted (they depend on the machine and
its load); this only keeps the benchmarks from rotting unnoticed: every row
is there with numbers, and running them leaves the data folder and HOME it
was given untouched, since the benchmarks work in temporary folders only.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = [
    "startup: minimal app",
    "startup: course map",
    "startup: course map, first start",
    "paint (Pilot): replace a Static's text",
    "paint (Pilot): open longest read step",
    "paint (Pilot): turn to next step, worst",
    "paint (Pilot): turn to next step, all",
    "paint (frames): replace a Static's text",
    "paint (frames): open longest read step",
    "paint (frames): turn to next step, worst",
    "paint (frames): turn to next step, all",
    "memory: minimal app",
    "memory: course map",
    "memory: after every step",
    "load: bundled course",
    "load: 100 lessons",
    "load: 1,000 lessons",
    "load: growth per lesson",
    "store: record answer",
    "store: save reflection (~1 KB)",
    "store: open with 10,000 answers",
    "toml: tomllib (stdlib)",
    "toml: tomli",
    "brief: md from 100 treatments, 260 check-ins",
    "brief: html from 100 treatments, 260 check-ins",
    "tools (Pilot): replace a Static's text",
    "tools (Pilot): open the check-in",
    "tools (Pilot): open the safety plan",
]


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def test_quick_bench_writes_every_row_with_numbers(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    home = tmp_path / "home"
    out = tmp_path / "bench.json"
    env = {**os.environ, "TRD_COURSE_DATA_DIR": str(data_dir), "HOME": str(home)}

    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text())
    rows = {row["name"]: row for row in document["benchmarks"]}
    assert sorted(rows) == sorted(EXPECTED)
    for name in EXPECTED:
        row = rows[name]
        for key in ("median", "min", "max", "runs"):
            assert _is_number(row[key]), (name, key, row[key])
        assert row["min"] <= row["median"] <= row["max"], name
        assert row["runs"] >= 1, name
        assert len(row["samples"]) == row["runs"], name  # the runs themselves
        assert min(row["samples"]) == row["min"] and max(row["samples"]) == row["max"], name
        assert row["ratio"] is None or _is_number(row["ratio"]), name
        assert row["verdict"] in {"met", "MISSED", "baseline", "info"}, name
        assert row["unit"], name
    assert document["quick"] is True
    assert {"cpu", "cores", "python", "textual", "date"} <= set(document["machine"])
    assert "| startup: course map" in done.stdout  # the table is printed too
    assert not data_dir.exists(), "the benchmarks used the learner's data folder"
    assert not home.exists(), "the benchmarks wrote to HOME"
