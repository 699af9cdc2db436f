"""Loader benchmark: how long generated lesson folders take to load and validate.

Run ``python -m bench.loader_bench`` (or ``python -m bench`` for everything).
Not a test: it prints times, and the target (1,000 lessons in under 1 s,
growing linearly) is read by a person. ``--quick`` drops the 5,000 size.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.report import MET, MISSED, Row, info, measured, table, under
from course.loader import load_course
from course.paths import bundled_lessons

SIZES = (100, 1000, 5000)
QUICK_SIZES = (100, 1000)
TARGET_SIZE = 1000
TARGET_MS = 1000.0
GROWTH_LIMIT = 1.25

_COURSE = """schema = 1
title = "Generated"

[[modules]]
id = "gen"
title = "Generated"
summary = "Generated lessons."
"""


def _lesson(index: int) -> str:
    """A lesson about the size of a real one: two pages, a quiz, a reflection, a plan."""
    page = " ".join(f"word{n}" for n in range(150))
    choices = "\n".join(
        f'[[steps.questions.choices]]\nid = "c{c}"\ntext = "Choice {c}"\n'
        f'correct = {"true" if c == 0 else "false"}\nfeedback = "Because {c}."\n'
        for c in range(4)
    )
    questions = "\n".join(
        f'[[steps.questions]]\nid = "q{q}"\nprompt = "Question {q}?"\n'
        f'explanation = "Explained."\n\n{choices}'
        for q in range(4)
    )
    return f'''schema = 1
id = "lesson-{index}"
module = "gen"
title = "Lesson {index}"
minutes = 7
summary = "Generated lesson {index}."
sources = ["A. Author. A title. A journal. 2020."]

[[steps]]
id = "page-1"
kind = "read"
body = """{page}"""

[[steps]]
id = "page-2"
kind = "read"
body = """{page}"""

[[steps]]
id = "check"
kind = "quiz"

{questions}
[[steps]]
id = "think"
kind = "reflect"
prompt = "What do you think?"

[[steps]]
id = "todo"
kind = "plan"
prompt = "Tick these."
items = [{{ id = "a", text = "One" }}, {{ id = "b", text = "Two" }}]
'''


def generate(root: Path, count: int) -> Path:
    """A folder with a course.toml and ``count`` valid lessons of one module."""
    folder = root / f"gen-{count}"
    (folder / "gen").mkdir(parents=True)
    (folder / "course.toml").write_text(_COURSE)
    for index in range(count):
        (folder / "gen" / f"{index:05d}-lesson.toml").write_text(_lesson(index))
    return folder


def _time(folder: Path, runs: int) -> list[float]:
    """Seconds per load; every load must validate clean, or the timing means nothing."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = load_course([folder])
        times.append(time.perf_counter() - start)
        if result.errors:
            raise SystemExit(f"generated lessons did not validate: {result.errors[0]}")
    return times


def run(quick: bool = False) -> list[Row]:
    """Time the bundled course and generated folders; one row per size, then growth.

    Growth compares each run's cost per lesson at the largest size with the
    same run's at 100 lessons: linear loading keeps it near 1x (fixed costs
    can push it below), anything worse than linear pushes it up.
    """
    runs = 2 if quick else 5
    sizes = QUICK_SIZES if quick else SIZES
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="trd-bench-") as tmp:
        bundled = bundled_lessons()
        count = len(load_course([bundled]).course.lessons)
        times = _time(bundled, runs)
        rows.append(
            info(
                "load: bundled course",
                [t * 1000 for t in times],
                "ms",
                notes=f"{count} lessons, {statistics.median(times) / count * 1000:.2f} ms/lesson",
            )
        )
        per_lesson: dict[int, list[float]] = {}
        for size in sizes:
            times = _time(generate(Path(tmp), size), runs)
            per_lesson[size] = [t / size * 1000 for t in times]
            ms = [t * 1000 for t in times]
            notes = f"{statistics.median(per_lesson[size]):.3f} ms/lesson"
            name = f"load: {size:,} lessons"
            extra = {"lessons": float(size), "ms_per_lesson": statistics.median(per_lesson[size])}
            if size == TARGET_SIZE:
                rows.append(under(name, ms, "ms", TARGET_MS, notes=notes, extra=extra))
            else:
                rows.append(info(name, ms, "ms", notes=notes, extra=extra))
        smallest, largest = min(sizes), max(sizes)
        growth = [
            big / small
            for big, small in zip(per_lesson[largest], per_lesson[smallest], strict=True)
        ]
        median = statistics.median(growth)
        rows.append(
            measured(
                "load: growth per lesson",
                growth,
                "x",
                target=f"<= {GROWTH_LIMIT:g}x (linear)",
                ratio=median,
                verdict=MET if median <= GROWTH_LIMIT else MISSED,
                notes=f"ms/lesson at {largest:,} lessons over ms/lesson at {smallest:,}",
            )
        )
    return rows


def main() -> None:
    print(table(run(quick="--quick" in sys.argv)))


if __name__ == "__main__":
    main()
