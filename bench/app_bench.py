"""The app benchmarks: start-up, paint and memory, each against the minimal app.

Every measurement runs in a fresh subprocess (``bench._child``) with its own
temporary data folder and HOME, so nothing touches the learner's files and
each run pays imports and caches as a learner does. Targets:

- start-up (process start to the first frame of the map): at most 1.2x the
  minimal app's, timed from the parent's clock before the interpreter starts;
- first paint of the longest read step and every step turn: at most 1.5x
  replacing a Static's text. Both are driven the same way in the same
  process: a pause as a reader would make, one key, then the time to the
  first frame painted with the change complete (``bench.drive``);
- peak RSS at the map and after every step of every lesson: at most 1.5x.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.report import Row, against, baseline, info
from progress import database_path, open_store

REPO = Path(__file__).resolve().parent.parent
STARTUP_LIMIT = 1.2
STARTUP_RUNS = 20
"""Starts of each app in a full run. A start is a third of a second, and on a
shared virtual machine single starts stray by a third either way, so medians
of 10 still moved by several per cent between runs."""
PAINT_LIMIT = 1.5
MEMORY_LIMIT = 1.5
CHILD_TIMEOUT_S = 900


def prepare_data_dir(root: Path) -> Path:
    """A new learner's data folder with the first-run notice already read.

    With the acknowledgement recorded the map is the first screen, as it is
    for every returning learner.
    """
    data_dir = root / "data"
    with open_store(database_path(data_dir)).store as store:
        store.acknowledge_first_run()
    return data_dir


def child_env(root: Path, data_dir: Path) -> dict[str, str]:
    """The parent's environment with every per-user folder moved under ``root``.

    ``TEXTUAL_*`` settings are dropped so a developer's own (a lower FPS,
    devtools) cannot change the numbers. So is ``PYTHONDONTWRITEBYTECODE``:
    an installed copy has its bytecode compiled, and with that variable set
    every module edited since the last compile was compiled again on each
    start, a large part of the course's start-up. The warm-up run
    writes the bytecode instead.
    """
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TEXTUAL_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    home = root / "home"
    home.mkdir(exist_ok=True)
    env.update(
        HOME=str(home),
        TRD_COURSE_DATA_DIR=str(data_dir),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        # The app, not the line mode, though the child's output is a pipe.
        TRD_COURSE_PLAIN="0",
    )
    return env


def run_child(
    mode: str,
    root: Path,
    options: dict[str, int] | None = None,
    data_dir: Path | None = None,
) -> dict[str, Any]:
    """Run ``bench._child`` in a fresh interpreter; its JSON, plus the parent's clock.

    ``t_parent`` is read just before the process is created; the child's
    ``time.perf_counter`` is the same system-wide monotonic clock on Linux,
    so ``t_frame - t_parent`` includes interpreter start and every import.
    Each run gets a new learner's data folder unless ``data_dir`` is given.
    """
    run_root = Path(tempfile.mkdtemp(dir=root))
    data_dir = data_dir or prepare_data_dir(run_root)
    out = run_root / "result.json"
    args = [f"{key}={value}" for key, value in (options or {}).items()]
    command = [sys.executable, "-m", "bench._child", mode, str(out), *args]
    t_parent = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=REPO,
        env=child_env(run_root, data_dir),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    t_exit = time.perf_counter()
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(
            f"benchmark child {mode!r} failed (exit {done.returncode}):\n{done.stderr[-3000:]}"
        )
    result: dict[str, Any] = json.loads(out.read_text())
    result["t_parent"] = t_parent
    result["t_exit"] = t_exit
    return result


def _ms(seconds: Sequence[float]) -> list[float]:
    return [s * 1000 for s in seconds]


def startup(root: Path, runs: int) -> list[Row]:
    """Process start to first frame, minimal app and course interleaved."""
    uses_monotonic = "CLOCK_MONOTONIC" in time.get_clock_info("perf_counter").implementation
    # One learner starting again and again, as learners do; every start reads
    # and checks the lessons (nothing is cached between starts).
    learner = prepare_data_dir(Path(tempfile.mkdtemp(dir=root)))
    folders = {"startup-minimal": None, "startup-course": learner, "startup-first": None}
    for mode in ("startup-minimal", "startup-course"):  # warm the disk cache and .pyc files
        run_child(mode, root, data_dir=folders[mode])
    samples: dict[str, list[dict[str, Any]]] = {mode: [] for mode in folders}
    modes = list(folders)
    for turn in range(runs):
        # Each app takes each place in the round in turn: on this virtual
        # machine the start that follows the minimal app's ran slower,
        # whichever app it was.
        for mode in modes[turn % len(modes) :] + modes[: turn % len(modes)]:
            child = "startup-course" if mode == "startup-first" else mode
            result = run_child(child, root, data_dir=folders[mode])
            if not result.get("ok"):
                raise RuntimeError(f"{mode}: first frame was {result.get('screen')}, not the map")
            samples[mode].append(result)

    def first_frame(results: list[dict[str, Any]]) -> list[float]:
        if uses_monotonic:
            return [(r["t_frame"] - r["t_parent"]) * 1000 for r in results]
        # Without a shared clock, fall back to the whole process (start to exit).
        return [(r["t_exit"] - r["t_parent"]) * 1000 for r in results]

    def interpreter(results: list[dict[str, Any]]) -> float:
        return float(statistics.median((r["t_start"] - r["t_parent"]) * 1000 for r in results))

    minimal = baseline(
        "startup: minimal app",
        first_frame(samples["startup-minimal"]),
        "ms",
        notes=(
            "Header, Static and Footer; process start to first frame, headless 80x24; "
            f"interpreter start alone {interpreter(samples['startup-minimal']):.0f} ms"
        ),
    )
    course = against(
        "startup: course map",
        first_frame(samples["startup-course"]),
        "ms",
        minimal,
        STARTUP_LIMIT,
        "minimal app",
        notes=(
            "'trd-course' (course.cli.main) to the first frame of the map, bundled course, "
            "first run already acknowledged; a returning learner (lessons read and checked)"
        ),
    )
    first = info(
        "startup: course map, first start",
        first_frame(samples["startup-first"]),
        "ms",
        ratio=statistics.median(first_frame(samples["startup-first"])) / minimal.median,
        notes="the same, in a new data folder each run: every lesson read and checked",
    )
    return [minimal, course, first]


def _walked(lessons: int | None) -> str:
    return "every lesson" if lessons is None else f"the first {lessons} lessons (quick)"


def _shown(pairs: Sequence[Sequence[float]]) -> list[float]:
    """Milliseconds to the first frame showing the change, from ``[shown, settled]`` pairs."""
    return [pair[0] * 1000 for pair in pairs]


def _settled(pairs: Sequence[Sequence[float]]) -> float:
    """Median milliseconds until the change's last frame was painted."""
    return float(statistics.median(pair[1] * 1000 for pair in pairs))


PILOT_PASSES = 3
"""Walks through every lesson for the Pilot turns: each waits a reader's pause per key."""


def paint(root: Path, passes: int, runs: int, lessons: int | None) -> list[Row]:
    """Step paints and turns against replacing a Static's text, measured two ways.

    The targets are judged as the issue that set them measures: ``pilot.press``
    a key, then ``pilot.pause()`` until the new step is on screen, the same for
    the floor and the course (the "Pilot" rows). The "frames" rows time the
    same changes to the first frame painted, without Pilot's idle waits: a far
    smaller floor (one frame), shown for what it says about the work itself.
    """
    pilot_passes = min(passes, PILOT_PASSES)
    return _paint_pilot(root, pilot_passes, runs, lessons) + _paint_frames(
        root, passes, runs, lessons
    )


def _paint_pilot(root: Path, passes: int, runs: int, lessons: int | None) -> list[Row]:
    options = {"runs": runs, "passes": passes}
    if lessons is not None:
        options["lessons"] = lessons
    result = run_child("ui-pilot", root, options)
    floor = baseline(
        "paint (Pilot): replace a Static's text",
        [t * 1000 for t in result["floor"]],
        "ms",
        notes=(
            "the floor: minimal app, pilot.press('n') replaces its Static's text with the "
            "next of the two longest pages, then pilot.pause() until it is on screen"
        ),
    )
    first = against(
        "paint (Pilot): open longest read step",
        [t * 1000 for t in result["first_paint"]],
        "ms",
        floor,
        PAINT_LIMIT,
        "Static floor",
        notes=(
            "pilot.press('c') (Continue) on the map until the longest read step is on screen, "
            f"{len(result['first_paint'])} times in one session, after a reader's pause at the "
            f"map; the session's first open {result['first_paint'][0] * 1000:.0f} ms"
        ),
    )
    samples = {name: [t * 1000 for t in times] for name, times in result["turns"].items()}
    turns = {name: statistics.median(times) for name, times in samples.items()}
    worst_name = max(turns, key=lambda name: turns[name])
    worst = against(
        "paint (Pilot): turn to next step, worst",
        samples[worst_name],
        "ms",
        floor,
        PAINT_LIMIT,
        "Static floor",
        notes=(
            f"pilot.press('n') until the next page is on screen, after a reader's pause; "
            f"the slowest of {len(turns)} turns ({_walked(lessons)}, {passes} pass(es), "
            f"each turn's median): {worst_name}"
        ),
    )
    within = sum(t <= PAINT_LIMIT * floor.median for t in turns.values())
    every = info(
        "paint (Pilot): turn to next step, all",
        list(turns.values()),
        "ms",
        ratio=statistics.median(turns.values()) / floor.median,
        notes=(f"each turn's median; {within} of {len(turns)} within {PAINT_LIMIT:g}x the floor"),
        extra={"turns_within_target": float(within)},
    )
    return [floor, first, worst, every]


def _paint_frames(root: Path, passes: int, runs: int, lessons: int | None) -> list[Row]:
    """The same changes timed to the first frame painted (``bench.drive``)."""
    options = {"passes": passes, "runs": runs}
    if lessons is not None:
        options["lessons"] = lessons
    result = run_child("ui", root, options)
    floor = baseline(
        "paint (frames): replace a Static's text",
        _shown(result["floor"]),
        "ms",
        notes=(
            "minimal app, key 'n' shows the next of the two longest pages as plain text; "
            f"key sent to first frame showing it (settled {_settled(result['floor']):.1f} ms)"
        ),
    )
    longest = result["longest"]
    first_samples = _shown(result["first_paint"])
    first = info(
        "paint (frames): open longest read step",
        first_samples,
        "ms",
        ratio=statistics.median(first_samples) / floor.median,
        notes=(
            f"'c' (Continue) on the map opens {longest['lesson']}/{longest['step']} "
            f"({longest['words']} words), Markdown cache cleared every run "
            f"(settled {_settled(result['first_paint']):.0f} ms)"
        ),
        extra={"settled_ms": _settled(result["first_paint"])},
    )
    turns = {name: _shown(pairs) for name, pairs in result["turns"].items()}
    medians = {name: statistics.median(times) for name, times in turns.items()}
    worst_name = max(medians, key=lambda name: medians[name])
    worst = info(
        "paint (frames): turn to next step, worst",
        turns[worst_name],
        "ms",
        ratio=medians[worst_name] / floor.median,
        notes=(
            f"the slowest of {len(turns)} turns ({_walked(lessons)}, {passes} pass(es), "
            f"each turn's median): {worst_name} "
            f"(settled {_settled(result['turns'][worst_name]):.0f} ms)"
        ),
        extra={"settled_ms": _settled(result["turns"][worst_name])},
    )
    settled_all = float(statistics.median(_settled(p) for p in result["turns"].values()))
    every = info(
        "paint (frames): turn to next step, all",
        list(medians.values()),
        "ms",
        ratio=statistics.median(medians.values()) / floor.median,
        notes=(
            f"median, min and max over the {len(turns)} turns of each turn's median "
            f"(settled: median {settled_all:.0f} ms)"
        ),
        extra={"settled_ms": settled_all},
    )
    return [floor, first, worst, every]


def memory(root: Path, runs: int, lessons: int | None) -> list[Row]:
    """Peak RSS: the minimal app, the course at its map, and after every step."""
    options = {} if lessons is None else {"lessons": lessons}
    minimal_runs = [run_child("memory-minimal", root) for _ in range(runs)]
    course_runs = [run_child("memory-course", root, options) for _ in range(runs)]
    minimal = baseline(
        "memory: minimal app",
        [r["rss_first_mib"] for r in minimal_runs],
        "MiB",
        notes="peak RSS (VmHWM) at the first frame, under App.run_test",
    )
    at_map = against(
        "memory: course map",
        [r["rss_first_mib"] for r in course_runs],
        "MiB",
        minimal,
        MEMORY_LIMIT,
        "minimal app",
        notes="peak RSS after a reader's pause at the map, the lesson code and styles read ahead",
    )
    steps = course_runs[0]["steps"]
    after = against(
        "memory: after every step",
        [r["rss_all_mib"] for r in course_runs],
        "MiB",
        minimal,
        MEMORY_LIMIT,
        "minimal app",
        notes=f"peak RSS after pressing 'n' {steps} times, through every page of {_walked(lessons)}",
    )
    return [minimal, at_map, after]


def run(quick: bool = False, groups: Sequence[str] = ("startup", "paint", "memory")) -> list[Row]:
    """The app benchmarks, in a temporary folder that is removed afterwards."""
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="trd-bench-") as tmp:
        root = Path(tmp)
        if "startup" in groups:
            rows += startup(root, runs=3 if quick else STARTUP_RUNS)
        if "paint" in groups:
            rows += paint(
                root,
                passes=1 if quick else 3,
                runs=3 if quick else 7,
                lessons=2 if quick else None,
            )
        if "memory" in groups:
            rows += memory(root, runs=1 if quick else 5, lessons=2 if quick else None)
    return rows
