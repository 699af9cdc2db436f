"""Loader benchmark: how long generated lesson folders take to load and validate.

Run ``python -m bench.loader_bench``. Not a test: it prints times, and the
target (1,000 lessons in under 1 s, growing linearly) is read by a person.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from course.loader import load_course
from course.paths import bundled_lessons

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
    folder = root / f"gen-{count}"
    (folder / "gen").mkdir(parents=True)
    (folder / "course.toml").write_text(_COURSE)
    for index in range(count):
        (folder / "gen" / f"{index:05d}-lesson.toml").write_text(_lesson(index))
    return folder


def _time(folder: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = load_course([folder])
        times.append(time.perf_counter() - start)
        if result.errors:
            raise SystemExit(f"generated lessons did not validate: {result.errors[0]}")
    return times


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Time the bundled course and generated folders; one row per size."""
    runs = 2 if quick else 5
    sizes = [100] if quick else [100, 1000, 5000]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        targets = [
            (
                "bundled course",
                bundled_lessons(),
                len(load_course([bundled_lessons()]).course.lessons),
            )
        ]
        targets += [(f"{n} lessons", generate(Path(tmp), n), n) for n in sizes]
        for name, folder, count in targets:
            times = _time(folder, runs)
            rows.append(
                {
                    "name": f"load+validate {name}",
                    "lessons": count,
                    "median_s": statistics.median(times),
                    "min_s": min(times),
                    "max_s": max(times),
                    "per_lesson_ms": statistics.median(times) / max(count, 1) * 1000,
                }
            )
    return rows


def main() -> None:
    rows = run(quick="--quick" in sys.argv)
    print(f"{'benchmark':34} {'median s':>9} {'min s':>8} {'max s':>8} {'ms/lesson':>10}")
    for row in rows:
        print(
            f"{row['name']:34} {row['median_s']:9.3f} {row['min_s']:8.3f} "
            f"{row['max_s']:8.3f} {row['per_lesson_ms']:10.3f}"
        )


if __name__ == "__main__":
    main()
