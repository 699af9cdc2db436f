"""Shared test set-up: every test runs with a private, throwaway home.

The autouse fixture points ``TRD_COURSE_DATA_DIR``, ``HOME`` and the XDG
folders at fresh temporary folders, so no test can read or write the real
learner's progress. As a tripwire it fingerprints the real data folder
(computed here, at import, before any environment change) and fails the test
that created or changed it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

ROOT = Path(__file__).resolve().parent.parent
# Tests import the packages from this checkout even when it is not installed.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_GUARDED = tuple(
    {
        platformdirs.user_data_path("trd-course"),
        *(
            [Path(os.environ["TRD_COURSE_DATA_DIR"])]
            if os.environ.get("TRD_COURSE_DATA_DIR")
            else []
        ),
    }
)
"""The folders a real run would use, computed before any test changes env."""


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...] | None:
    """Names, sizes and change times under ``folder``; None if it is absent."""
    if not folder.exists():
        return None
    entries = [folder, *folder.rglob("*")]
    return tuple(
        sorted(
            (str(p.relative_to(folder)), p.lstat().st_size, p.lstat().st_mtime_ns) for p in entries
        )
    )


@pytest.fixture(autouse=True)
def private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Give each test its own home and data folder; fail if it touched the real ones.

    Yields:
        The data folder ``TRD_COURSE_DATA_DIR`` points at (not yet created).
    """
    before = [_fingerprint(folder) for folder in _GUARDED]
    home = tmp_path_factory.mktemp("home")
    data_dir = tmp_path_factory.mktemp("data") / "trd-course"
    monkeypatch.setenv("TRD_COURSE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    for name, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
        ("APPDATA", "AppData/Roaming"),
        ("LOCALAPPDATA", "AppData/Local"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    yield data_dir
    after = [_fingerprint(folder) for folder in _GUARDED]
    for folder, old, new in zip(_GUARDED, before, after, strict=True):
        assert old == new, f"the test created or changed the real data folder {folder}"


SLOW_TESTS_ENV = "TRD_COURSE_SLOW_TESTS"
"""Set to 1 to run the tests marked ``slow`` (the benchmark smoke run)."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(SLOW_TESTS_ENV) == "1":
        return
    skip = pytest.mark.skip(reason=f"slow: runs with {SLOW_TESTS_ENV}=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


WHOLE_SUITE_WORKERS = 4
"""Workers for a run of the whole suite (``-n auto`` in pyproject's addopts).

Four on a two-core machine: the UI tests spend most of their time waiting
for Textual to go idle rather than computing, so four at once halve the wall
time, and the suite keeps running UI tests four at once, which catches races.
A run of some files or tests starts at once in this process instead, since
starting workers costs more than it saves there.
"""


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    tests = Path(__file__).resolve().parent
    whole = all(Path(arg.split("::")[0]).resolve() == tests for arg in config.args)
    return WHOLE_SUITE_WORKERS if whole else 0
