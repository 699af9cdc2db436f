"""One copy at a time: a held data folder stops a second start, reset and forget.

The holder is a real child process, because only another process can hold a
``flock`` against this one, and only a real process can be SIGKILLed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from course.cli import main
from progress import AlreadyOpen, database_path, hold_data_folder, open_store

ROOT = Path(__file__).resolve().parents[2]
HOLDER = (
    "import sys\n"
    "from pathlib import Path\n"
    "from progress import hold_data_folder\n"
    "held = hold_data_folder(Path(sys.argv[1]))\n"
    "print('held', flush=True)\n"
    "sys.stdin.readline()\n"
)


def _holder(data: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "held\n"
    return child


def _stop(child: subprocess.Popen[str]) -> None:
    if child.poll() is None:
        child.kill()
    child.wait()
    for stream in (child.stdin, child.stdout):
        if stream is not None:
            stream.close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with a store holding one reflection."""
    folder = tmp_path / "data"
    with open_store(database_path(folder)).store as store:
        store.save_reflection("lesson", "r1", "my words")
    return folder


@pytest.fixture
def held(data: Path) -> Iterator[subprocess.Popen[str]]:
    child = _holder(data)
    yield child
    _stop(child)


def _store_bytes(folder: Path) -> dict[str, bytes]:
    return {
        path.name: path.read_bytes()
        for path in folder.iterdir()
        if path.name.startswith("progress.db") and not path.name.endswith((".lock", ".in-use"))
    }


class _FakeApp:
    """Stands in for the Textual app: records that the start got as far as running it."""

    started: list[Path] = []

    def __init__(self, load: object, store: object, notices: object, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.return_code = 0

    def run(self) -> None:
        _FakeApp.started.append(self.data_dir)


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    module = types.ModuleType("course.ui.app")
    module.CourseApp = _FakeApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "course.ui.app", module)
    monkeypatch.setenv("TRD_COURSE_PLAIN", "0")  # the full-screen app, though not on a tty
    _FakeApp.started = []
    return _FakeApp.started


def test_a_second_start_says_so_and_leaves_the_store_alone(
    data: Path,
    held: subprocess.Popen[str],
    fake_app: list[Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = _store_bytes(data)
    assert main(["--data-dir", str(data)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0, "one sentence, nothing else"
    assert "already open in another window" in err and str(data) in err
    assert fake_app == [], "the app was never started"
    assert _store_bytes(data) == before


@pytest.mark.parametrize("command", ["reset", "forget"])
def test_reset_and_forget_refuse_while_the_course_is_open(
    data: Path,
    held: subprocess.Popen[str],
    command: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = _store_bytes(data)
    assert main(["--data-dir", str(data), command, "--yes"]) == 1
    captured = capsys.readouterr()
    assert "open in another window" in captured.err
    assert "Close it first" in captured.err and "nothing was changed" in captured.err
    assert "Deleted" not in captured.out and "Backup" not in captured.out
    assert _store_bytes(data) == before


def test_export_and_where_keep_working_while_the_course_is_open(
    data: Path, held: subprocess.Popen[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data), "where"]) == 0
    assert str(database_path(data)) in capsys.readouterr().out
    assert main(["--data-dir", str(data), "export"]) == 0
    assert "My notes" in capsys.readouterr().out


def test_a_lock_left_by_a_killed_copy_never_blocks(data: Path, fake_app: list[Path]) -> None:
    child = _holder(data)
    with pytest.raises(AlreadyOpen) as raised:
        hold_data_folder(data)
    assert raised.value.pid == child.pid
    child.send_signal(signal.SIGKILL)
    _stop(child)
    assert main(["--data-dir", str(data)]) == 0
    assert fake_app == [data]
    with hold_data_folder(data) as again:  # and released when the app ended
        assert again.held


def test_the_running_app_holds_the_folder(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    class Probe(_FakeApp):
        def run(self) -> None:
            try:
                hold_data_folder(self.data_dir).release()
            except AlreadyOpen:
                seen.append(True)

    module = types.ModuleType("course.ui.app")
    module.CourseApp = Probe  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "course.ui.app", module)
    monkeypatch.setenv("TRD_COURSE_PLAIN", "0")  # the full-screen app, though not on a tty
    assert main(["--data-dir", str(data)]) == 0
    assert seen == [True], "while the app ran, the folder was held"


def test_a_fifo_as_the_lock_file_is_refused_not_waited_on(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = data / "progress.db.in-use"
    os.mkfifo(lock)
    assert main(["--data-dir", str(data), "reset", "--yes"]) == 1
    assert "not a regular file" in capsys.readouterr().err
