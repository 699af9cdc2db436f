"""``trd-course --plain`` as a learner runs it: a real process, standard input, a data folder."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from progress import database_path, hold_data_folder
from tests.plain.helpers import DRAWN, typed
from tests.ui.helpers import lessons_folder

ROOT = Path(__file__).resolve().parents[2]


def _run(
    lessons: Path, data: Path, text: str, *flags: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    environ = {**os.environ, "TRD_COURSE_DATA_DIR": str(data), **(env or {})}
    environ.pop("TRD_COURSE_PLAIN", None)
    return subprocess.run(
        [sys.executable, "-m", "course", *flags, "--only", "--lessons", str(lessons)],
        input=text.encode(),
        capture_output=True,
        env=environ,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_plain_flag_runs_a_lesson_through_standard_input(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    data = tmp_path / "data"
    run = _run(lessons, data, typed("", "", "", "help", "next", "quit"), "--plain")
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr
    assert out.startswith("trd-course, plain line mode")
    assert "Welcome to trd-course" in out and "Step 1 of 4: A page" in out
    assert "Call or text 988" in out
    assert out.rstrip().endswith("Everything is saved. Goodbye.")
    assert not DRAWN.search(out) and not DRAWN.search(run.stderr.decode())
    assert stat.S_IMODE(database_path(data).stat().st_mode) == 0o600
    assert not list(data.glob("*-wal")), "the store was closed cleanly"


def test_end_of_input_exits_0(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    run = _run(lessons, tmp_path / "data", typed("", ""), "--plain")
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode().rstrip().endswith("End of input.\nEverything is saved. Goodbye.")


def test_term_dumb_or_a_pipe_chooses_plain_lines(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    run = _run(lessons, tmp_path / "data", "", env={"TERM": "dumb"})
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode().startswith("trd-course, plain line mode")


def test_plain_mode_holds_the_data_folder_like_the_app(tmp_path: Path) -> None:
    lessons = lessons_folder(tmp_path / "lessons")
    data = tmp_path / "data"
    with hold_data_folder(data):
        run = _run(lessons, data, typed("quit"), "--plain")
    assert run.returncode == 1
    assert "plain line mode" not in run.stdout.decode()
    assert run.stderr.decode().startswith("trd-course: ")
