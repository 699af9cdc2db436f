"""The course options work before or after the command, as people write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.cli import NO_ARGUMENTS, build_parser, main


def test_options_after_the_command_mean_the_same() -> None:
    parser = build_parser()
    before = parser.parse_args(["--data-dir", "/d", "--lessons", "/l", "--only", "export"])
    after = parser.parse_args(["export", "--data-dir", "/d", "--lessons", "/l", "--only"])
    for name in ("data_dir", "lessons", "only"):
        assert getattr(before, name) == getattr(after, name)
    assert after.data_dir == Path("/d") and after.lessons == [Path("/l")] and after.only


def test_an_option_after_the_command_wins_and_none_there_keeps_the_first() -> None:
    parser = build_parser()
    assert parser.parse_args(["--data-dir", "/a", "where", "--data-dir", "/b"]).data_dir == (
        Path("/b")
    )
    kept = parser.parse_args(["--data-dir", "/a", "where"])
    assert kept.data_dir == Path("/a") and kept.lessons is None and kept.only is False


def test_no_arguments_still_parse_as_the_fast_path_assumes() -> None:
    assert {k: getattr(build_parser().parse_args([]), k) for k in NO_ARGUMENTS} == NO_ARGUMENTS


def test_where_with_the_folder_after_the_command_reads_that_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "where"]) == 0
    capsys.readouterr()
    assert main(["where", "--data-dir", str(data)]) == 0
    assert str(data) in capsys.readouterr().out
