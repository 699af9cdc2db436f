"""One shape for every benchmark result, and the table and JSON made from it.

Every benchmark, whatever it measures, ends as a :class:`Row`: a stable name,
the median, min and max of its runs, a unit, the target in words and a
verdict. Keeping one shape is what lets ``python -m bench`` print a single
table, lets ``--json`` be checked by a test without knowing each benchmark,
and keeps the README table and the code from drifting apart.

Verdicts are for a person to read; nothing fails because a target is missed.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MET = "met"
MISSED = "MISSED"
BASELINE = "baseline"
INFO = "info"
VERDICTS = (MET, MISSED, BASELINE, INFO)


@dataclass(frozen=True)
class Row:
    """One line of the table.

    ``ratio`` is the median over a baseline's median (startup, paint, memory,
    TOML) or a growth factor (loader); it is ``None`` where the target is an
    absolute limit. ``extra`` holds further numbers (p99, ms per lesson),
    ``notes`` says in words what a person needs to read the row. ``samples``
    are the runs themselves, in the order taken, for the JSON: a median
    alone cannot show a slow phase of the machine or a bimodal spread.
    """

    name: str
    median: float
    min: float
    max: float
    unit: str
    runs: int
    target: str = ""
    ratio: float | None = None
    verdict: str = INFO
    notes: str = ""
    extra: dict[str, float] = field(default_factory=dict)
    samples: tuple[float, ...] = ()


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: with few samples, the honest choice is a real sample."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def measured(name: str, samples: Sequence[float], unit: str, **fields: Any) -> Row:
    """A row from its runs: the spread and the samples are always taken from them."""
    if not samples:
        raise ValueError("a benchmark row needs at least one sample")
    return Row(
        name,
        statistics.median(samples),
        min(samples),
        max(samples),
        unit,
        len(samples),
        samples=tuple(samples),
        **fields,
    )


def baseline(name: str, samples: Sequence[float], unit: str, notes: str = "") -> Row:
    """A row other rows are compared against; it has no target of its own."""
    return measured(name, samples, unit, verdict=BASELINE, notes=notes)


def against(
    name: str,
    samples: Sequence[float],
    unit: str,
    reference: Row,
    limit: float,
    versus: str,
    notes: str = "",
    extra: dict[str, float] | None = None,
) -> Row:
    """A row whose target is "at most ``limit`` times the reference's median".

    ``versus`` names the reference in the target column ("minimal app").
    """
    row = measured(name, samples, unit, target=f"<= {limit:g}x {versus}", notes=notes)
    ratio = row.median / reference.median if reference.median else float("inf")
    return replace(row, ratio=ratio, verdict=MET if ratio <= limit else MISSED, extra=extra or {})


def under(
    name: str,
    samples: Sequence[float],
    unit: str,
    limit: float,
    notes: str = "",
    extra: dict[str, float] | None = None,
) -> Row:
    """A row whose target is an absolute limit on the median."""
    row = measured(name, samples, unit, target=f"< {limit:g} {unit}", notes=notes)
    return replace(row, verdict=MET if row.median < limit else MISSED, extra=extra or {})


def info(
    name: str,
    samples: Sequence[float],
    unit: str,
    notes: str = "",
    extra: dict[str, float] | None = None,
    ratio: float | None = None,
) -> Row:
    """A row shown for context (a size in a growth series), with no target."""
    return measured(name, samples, unit, ratio=ratio, notes=notes, extra=extra or {})


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(rows: Sequence[Row]) -> str:
    """A Markdown table: readable in a terminal and pasteable into the README."""
    header = ["benchmark", "median", "min", "max", "unit", "runs", "target", "ratio", "verdict"]
    lines = [header]
    for row in rows:
        lines.append(
            [
                row.name,
                _number(row.median),
                _number(row.min),
                _number(row.max),
                row.unit,
                str(row.runs),
                row.target or "-",
                f"{row.ratio:.2f}x" if row.ratio is not None else "-",
                row.verdict,
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    numeric = {1, 2, 3, 5, 7}

    def render(cells: list[str]) -> str:
        padded = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = ["-" * (w + 1) + ":" if i in numeric else "-" * (w + 2) for i, w in enumerate(widths)]
    out = [render(lines[0]), "|" + "|".join(rule) + "|"]
    out += [render(line) for line in lines[1:]]
    notes = [f"- {row.name}: {row.notes}" for row in rows if row.notes]
    if notes:
        out += ["", *notes]
    return "\n".join(out)


def cpu_model() -> str:
    """The CPU as /proc/cpuinfo names it (Linux), else what platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, Any]:
    """What a reader needs to compare a table with their own machine."""
    from importlib.metadata import version

    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": sys.implementation.name,
        "textual": version("textual"),
        "tomli": version("tomli"),
        "sqlite": __import__("sqlite3").sqlite_version,
        "system": f"{platform.system()} {platform.release()}",
        "date": datetime.now(UTC).date().isoformat(),
    }


def write_json(path: Path, rows: Sequence[Row], quick: bool, seconds: float) -> None:
    """Everything the table shows, plus the machine, for tools and the test."""
    document = {
        "quick": quick,
        "seconds": seconds,
        "machine": machine(),
        "benchmarks": [asdict(row) for row in rows],
    }
    path.write_text(json.dumps(document, indent=2) + "\n")
