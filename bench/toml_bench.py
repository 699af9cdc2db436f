"""tomli against the standard library's tomllib, on the bundled course.

The project depends on tomli although Python 3.11 ships tomllib. The reason
is error reporting: tomli's ``TOMLDecodeError`` carries ``lineno`` and
``msg``, which the validator turns into ``file:line:`` messages, while 3.11's
tomllib does not. This benchmark keeps the dependency honest on the other
count: if tomli were slower than the stdlib on real lesson files, that would
be a cost worth knowing. Target: tomli no slower than tomllib.
"""

from __future__ import annotations

import sys
import time
import tomllib
from collections.abc import Callable
from importlib.metadata import version
from typing import Any

import tomli

from bench.report import Row, against, baseline, table
from course.paths import bundled_lessons

LIMIT = 1.0


def bundled_texts() -> list[str]:
    """Every bundled TOML file (course.toml and each lesson), read once."""
    return [path.read_text("utf-8") for path in sorted(bundled_lessons().rglob("*.toml"))]


def _per_round_ms(parse: Callable[[str], dict[str, Any]], texts: list[str], rounds: int) -> float:
    """Milliseconds to parse every file once, averaged over ``rounds`` rounds."""
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            parse(text)
    return (time.perf_counter() - start) / rounds * 1000


def run(quick: bool = False) -> list[Row]:
    """Alternate the two parsers run by run, so drift in the machine hits both."""
    texts = bundled_texts()
    if any(tomli.loads(text) != tomllib.loads(text) for text in texts):
        raise SystemExit("tomli and tomllib disagree on a bundled file")
    runs, rounds = (3, 10) if quick else (7, 50)
    stdlib: list[float] = []
    ours: list[float] = []
    for _ in range(runs):
        stdlib.append(_per_round_ms(tomllib.loads, texts, rounds))
        ours.append(_per_round_ms(tomli.loads, texts, rounds))
    kib = sum(len(text.encode()) for text in texts) // 1024
    reference = baseline(
        "toml: tomllib (stdlib)",
        stdlib,
        "ms",
        notes=f"parse all {len(texts)} bundled files ({kib} KiB) once; mean of {rounds} rounds per run",
    )
    return [
        reference,
        against(
            "toml: tomli",
            ours,
            "ms",
            reference,
            LIMIT,
            "tomllib",
            notes=f"tomli {version('tomli')}, same files and rounds",
        ),
    ]


def main() -> None:
    print(table(run(quick="--quick" in sys.argv)))


if __name__ == "__main__":
    main()
