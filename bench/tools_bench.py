"""Opening the check-in and the safety plan, against replacing a Static's text.

Measured as the paint rows are (``bench._child.ui_pilot``): in a fresh
interpreter with its own data folder, ``pilot.press`` a key, then
``pilot.pause()`` until the change is on screen. The floor is the minimal
app replacing its Static's text; the course presses the tool's map key (``k``
for the check-in, ``s`` for the safety plan) until the tool's first page is
on screen, then Escape back to the map, after a reader's pause each time.
The learner's store holds a written plan and eight check-ins, so the plan
screen and the check-in's start page have their real content. Target: each
at most 1.5x the floor (the median of the opens after the first; the first
open of a session, which reads the screen's code and styles, is in the notes).

Run ``python -m bench --only tools`` (``--quick`` for fewer runs).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.report import Row, against, baseline

LIMIT = 1.5
CHILD = "bench.tools_bench"
TOOLS = (("checkin", "k", "#checkin-start"), ("safety-plan", "s", "#plan-parts"))


def _fill(data_dir: Path) -> None:
    """A learner with a plan and eight check-ins (set-up, not measured)."""
    from progress import database_path, open_store
    from progress.checkins import save_checkin
    from progress.safety_plan import save_part

    start = datetime(2026, 1, 5, 12, tzinfo=UTC)
    with open_store(database_path(data_dir)).store as store:
        save_part(store, "helpers", "Sam (my sister): 555-0142\nAna (friend): text her")
        save_part(store, "professionals", "Dr. Lee: 555-0199 (after hours: 555-0100)")
        save_part(store, "reasons", "My kids\nMy dog, Pepper")
        for n, total in enumerate((19, 21, 17, 16, 14, 15, 11, 9)):
            answers = [min(3, max(0, total - 3 * k)) for k in range(9)]
            save_checkin(
                store,
                "phq9-v1",
                answers,
                1,
                sum(answers),
                False,
                at=start + timedelta(days=14 * n),
            )


async def _measure(runs: int) -> dict[str, Any]:
    from bench._child import (
        PILOT_THINK_S,
        SIZE,
        build_course_app,
        map_ready,
        pilot_floor,
        pilot_press_until,
    )
    from bench.drive import on_screen

    app = build_course_app()
    floor_times = await pilot_floor(app, runs)
    opens: dict[str, list[float]] = {tool: [] for tool, _, _ in TOOLS}
    async with app.run_test(size=SIZE) as pilot:
        await pilot_press_until(pilot, "f24", map_ready(app))
        for _ in range(runs + 1):
            for tool, key, selector in TOOLS:

                def opened(tool: str = tool, selector: str = selector) -> bool:
                    screen = app.screen
                    return getattr(screen, "tool_id", None) == tool and on_screen(
                        screen.query_one(selector)
                    )

                await asyncio.sleep(PILOT_THINK_S)
                opens[tool].append(await pilot_press_until(pilot, key, opened))
                await asyncio.sleep(PILOT_THINK_S)
                await pilot_press_until(pilot, "escape", map_ready(app))
    app.store.close()
    return {"floor": floor_times, "opens": opens}


def child(out: Path, runs: int) -> None:
    from bench.probe import forbid_network

    forbid_network()
    out.write_text(json.dumps(asyncio.run(_measure(runs))))


def _run_child(root: Path, runs: int) -> dict[str, Any]:
    from bench.app_bench import CHILD_TIMEOUT_S, REPO, child_env, prepare_data_dir

    run_root = Path(tempfile.mkdtemp(dir=root))
    data_dir = prepare_data_dir(run_root)
    _fill(data_dir)
    out = run_root / "result.json"
    done = subprocess.run(
        [sys.executable, "-m", CHILD, str(out), str(runs)],
        cwd=REPO,
        env=child_env(run_root, data_dir),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(
            f"tools benchmark failed (exit {done.returncode}):\n{done.stderr[-3000:]}"
        )
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def run(quick: bool = False) -> list[Row]:
    """The floor and one row per tool, from one child process."""
    runs = 3 if quick else 10
    with tempfile.TemporaryDirectory(prefix="trd-tools-bench-") as folder:
        started = time.perf_counter()
        result = _run_child(Path(folder), runs)
        seconds = time.perf_counter() - started
    floor = baseline(
        "tools (Pilot): replace a Static's text",
        [t * 1000 for t in result["floor"]],
        "ms",
        notes="the floor, as for the paint rows: minimal app, pilot.press('n') until shown",
    )
    rows = [floor]
    for tool, key, _ in TOOLS:
        times = [t * 1000 for t in result["opens"][tool]]
        rows.append(
            against(
                f"tools (Pilot): open {'the check-in' if tool == 'checkin' else 'the safety plan'}",
                times[1:],
                "ms",
                floor,
                LIMIT,
                "Static floor",
                notes=(
                    f"pilot.press('{key}') on the map until its first page is on screen, "
                    f"{len(times) - 1} opens after the session's first ({times[0]:.0f} ms, "
                    f"its code and styles read); a plan and 8 check-ins stored; "
                    f"child run {seconds:.0f} s"
                ),
            )
        )
    return rows


if __name__ == "__main__":
    child(Path(sys.argv[1]), int(sys.argv[2]))
