"""Where the progress file lives: --data-dir, then the env var, then platformdirs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
import pytest

from progress import DATA_DIR_ENV, database_path, resolve_data_dir


def test_cli_value_wins_over_environment(tmp_path: Path) -> None:
    chosen = tmp_path / "cli"
    env = {DATA_DIR_ENV: str(tmp_path / "env")}
    assert resolve_data_dir(chosen, env) == chosen


def test_environment_used_without_cli_value(tmp_path: Path) -> None:
    assert resolve_data_dir(None, {DATA_DIR_ENV: str(tmp_path / "env")}) == (tmp_path / "env")


def test_platform_folder_when_neither_is_given() -> None:
    expected = platformdirs.user_data_path("trd-course")
    assert resolve_data_dir(None, {}) == expected
    assert resolve_data_dir(None, {DATA_DIR_ENV: "  "}) == expected


def test_relative_and_home_paths_become_absolute() -> None:
    home = Path.home()  # the conftest fixture's throwaway home
    assert resolve_data_dir(Path("~/x"), {}) == home / "x"
    assert resolve_data_dir(None, {DATA_DIR_ENV: "~/y"}) == home / "y"
    assert resolve_data_dir(Path("rel"), {}).is_absolute()


def test_database_file_name(tmp_path: Path) -> None:
    assert database_path(tmp_path) == tmp_path / "progress.db"


def test_conftest_isolates_home_and_data_dir(
    private_home: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    base = tmp_path_factory.getbasetemp()
    assert os.environ[DATA_DIR_ENV] == str(private_home)
    assert private_home.is_relative_to(base)
    assert Path.home().is_relative_to(base)
    assert platformdirs.user_data_path("trd-course").is_relative_to(base)


def test_tripwire_fingerprint_notices_a_new_file(tmp_path: Path) -> None:
    conftest_file = Path(__file__).parent.parent / "conftest.py"
    (conftest,) = [
        module
        for module in list(sys.modules.values())
        if getattr(module, "__file__", None) == str(conftest_file)
    ]
    _fingerprint = conftest._fingerprint
    folder = tmp_path / "watched"
    assert _fingerprint(folder) is None
    folder.mkdir()
    (folder / "sub").mkdir()
    before = _fingerprint(folder)
    (folder / "sub" / "progress.db").write_bytes(b"x")
    assert _fingerprint(folder) != before
