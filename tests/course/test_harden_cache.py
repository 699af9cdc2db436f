"""No code runs from the data folder: the old pickled lesson cache is never read.

Older versions kept ``cache/lessons.pickle`` in the data folder and unpickled
it at start, so a file planted there ran code as the learner. The course now
reads and checks its lessons on every start, and removes that file unread.
"""

from __future__ import annotations

import os
import pickle
import sys
import types
from pathlib import Path

import pytest

from course.cli import main
from progress import database_path, open_store


class _Boom:
    """Unpickling this runs ``os.system``: the attack the old cache allowed."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {self.marker}",))


class _App:
    loaded: list[object] = []

    def __init__(self, load: object, store: object, notices: object, data_dir: Path) -> None:
        _App.loaded.append(load)
        self.return_code = 0

    def run(self) -> None:
        pass


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    module = types.ModuleType("course.ui.app")
    module.CourseApp = _App  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "course.ui.app", module)
    monkeypatch.setenv("TRD_COURSE_PLAIN", "0")  # the full-screen app, though not on a tty
    _App.loaded = []
    return _App.loaded


def _data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    open_store(database_path(folder)).store.close()
    return folder


def test_a_planted_pickle_never_runs_and_is_removed(
    tmp_path: Path, fake_app: list[object]
) -> None:
    data = _data(tmp_path)
    marker = tmp_path / "ran"
    cache = data / "cache"
    cache.mkdir()
    (cache / "lessons.pickle").write_bytes(pickle.dumps(_Boom(marker)))
    (cache / ".lessons.pickle.123").write_bytes(pickle.dumps(_Boom(marker)))
    assert main(["--data-dir", str(data)]) == 0
    assert not marker.exists(), "the planted pickle ran"
    assert not cache.exists(), "the old cache was removed unread"
    [load] = fake_app
    crisis = " ".join(str(step) for lesson in load.course.lessons for step in lesson.steps)  # type: ignore[attr-defined]
    assert "988" in crisis


def test_a_cache_folder_that_is_a_link_is_not_followed(
    tmp_path: Path, fake_app: list[object]
) -> None:
    data = _data(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "lessons.pickle").write_bytes(b"the learner's own file")
    (data / "cache").symlink_to(elsewhere)
    assert main(["--data-dir", str(data)]) == 0
    assert (elsewhere / "lessons.pickle").read_bytes() == b"the learner's own file"


def test_a_fifo_in_the_old_cache_does_not_hang_the_start(
    tmp_path: Path, fake_app: list[object]
) -> None:
    data = _data(tmp_path)
    (data / "cache").mkdir()
    os.mkfifo(data / "cache" / "lessons.pickle")
    assert main(["--data-dir", str(data)]) == 0
    assert fake_app, "the start went on to the app"
