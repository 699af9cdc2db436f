"""Requirements 5 and 6: SIGKILL at random moments, and two writers at once.

Both run real child processes (``store_worker.py``), because only another
process can be killed mid-write or compete for SQLite's file locks.
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from progress import database_path, open_store

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("store_worker.py")

KILLS = 200
LANES = 4
FRESH_EVERY = 20
"""Every 20th kill lands at a random time after start, in a brand-new folder,
so some kills hit start-up: creating the file, migrating, the first write."""


def _start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _kill(child: subprocess.Popen[str], first: str) -> list[str]:
    """SIGKILL ``child``; return every complete line it printed."""
    child.send_signal(signal.SIGKILL)
    assert child.stdout is not None
    rest = child.stdout.read()
    child.wait()
    for stream in (child.stdout, child.stdin, child.stderr):
        assert stream is not None
        stream.close()
    lines = (first + rest).split("\n")
    return lines[:-1]  # the last piece has no newline: possibly cut short


def _check_store(data_dir: Path, reported: set[int], last_r: int | None) -> None:
    """The store opens without repair, passes integrity_check, kept every write."""
    db = database_path(data_dir)
    opened = open_store(db)
    with opened.store as store:
        assert opened.notices == ()  # nothing was judged damaged
        reflection = store.reflection("crash", "r1")
        raw = sqlite3.connect(db)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            kept = {row[0] for row in raw.execute("SELECT id FROM quiz_attempt")}
        finally:
            raw.close()
    missing = reported - kept
    assert not missing, f"committed answers lost after SIGKILL: {sorted(missing)}"
    if last_r is not None:  # the last reported save, or the one after it
        assert reflection is not None
        assert int(reflection.text.split()[1]) in (last_r, last_r + 1)


def _kill_lane(folder: Path, kills: int, seed: int) -> int:
    """Start, SIGKILL and check a writer ``kills`` times; return answers kept."""
    rng = random.Random(seed)
    data_dir = folder / "data"
    reported: set[int] = set()
    for kill in range(kills):
        if kill % FRESH_EVERY == FRESH_EVERY - 1:
            fresh = folder / f"fresh-{kill}"
            child = _start("crash", str(fresh))
            time.sleep(rng.uniform(0.0, 0.08))
            _kill(child, "")
            _check_store(fresh, set(), None)
            continue
        child = _start("crash", str(data_dir))
        assert child.stdout is not None
        first = child.stdout.readline()  # the first write has committed
        assert first.startswith("a "), f"seed {seed}: child said {first!r}"
        time.sleep(rng.uniform(0.005, 0.05))
        lines = _kill(child, first)
        reported |= {int(line[2:]) for line in lines if line.startswith("a ")}
        saves = [int(line[2:]) for line in lines if line.startswith("r ")]
        _check_store(data_dir, reported, saves[-1] if saves else None)
    return len(reported)


def test_sigkill_never_loses_a_committed_write(tmp_path: Path) -> None:
    """200 kills, in four independent lanes at once to keep the wall time low."""
    seed = int(os.environ.get("TRD_CRASH_SEED", time.time_ns() % 1_000_000))
    started = time.monotonic()
    with ThreadPoolExecutor(LANES) as pool:
        futures = [
            pool.submit(_kill_lane, tmp_path / f"lane-{n}", KILLS // LANES, seed + n)
            for n in range(LANES)
        ]
        kept = [future.result() for future in futures]
    elapsed = time.monotonic() - started
    print(f"\n{KILLS} SIGKILLs in {elapsed:.1f} s, {sum(kept)} answers (seed {seed})")
    assert all(n > KILLS // LANES for n in kept)  # children wrote between kills


def _run_together(mode: str, data_dir: Path, names: str, count: int) -> list[str]:
    """Start one worker per name, release them at once, return their output."""
    children = [_start(mode, str(data_dir), name, str(count)) for name in names]
    for child in children:
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
    for child in children:  # all start at the same moment
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.startswith("done\n"), err
        outputs.append(out)
    return outputs


def _race_answers(data_dir: Path) -> list[str]:
    with open_store(database_path(data_dir)).store as store:
        return [a.question_id for a in store.attempts("race")]


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _run_together("race", data_dir, "AB", 500)
    answers = _race_answers(data_dir)
    assert len(answers) == 1000
    assert set(answers) == {f"{name}-{n}" for name in "AB" for n in range(500)}
    switches = sum(1 for x, y in itertools.pairwise(answers) if x[0] != y[0])
    print(f"\nwriters took turns {switches} times")


@pytest.mark.parametrize("damaged", [False, True], ids=["new", "damaged"])
def test_copies_opening_at_the_same_moment_share_one_store(tmp_path: Path, damaged: bool) -> None:
    """No copy may judge another's half-created file damaged, or move aside a
    file another copy has already opened: every write ends up in one store."""
    data_dir = tmp_path / "data"
    if damaged:
        data_dir.mkdir(mode=0o700)
        database_path(data_dir).write_bytes(random.Random(3).randbytes(4096))
        database_path(data_dir).chmod(0o600)  # only the damage is news
    outputs = _run_together("start", data_dir, "ABCD", 25)
    answers = _race_answers(data_dir)
    assert sorted(answers) == sorted(f"{name}-{n}" for name in "ABCD" for n in range(25))
    moved = [p.name for p in data_dir.iterdir() if ".damaged-" in p.name]
    told = [out.split()[-1] for out in outputs]
    print(f"\nfolder: {sorted(p.name for p in data_dir.iterdir())}; notices: {told}")
    if damaged:
        assert len([m for m in moved if not m.endswith(("-wal", "-shm"))]) == 1
        assert sorted(told) == ["0", "0", "0", "1"]  # and one learner told
    else:
        assert moved == [] and told == ["0", "0", "0", "0"]
