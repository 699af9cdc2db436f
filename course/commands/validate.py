"""``trd-course validate``: lint lesson files the way an author expects.

Paths are checked together with the bundled course, so a lesson that joins a
bundled module resolves, and an id clash with a bundled lesson is caught.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from course.loader import LoadResult, load_course
from course.paths import bundled_lessons, declaring_folder


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check lesson files and report every problem",
        description=(
            "Check lesson files and print one 'file:line: key.path: message' line per "
            "problem. With no PATH, checks the bundled course. Exit status: 0 no errors, "
            "1 errors found, 2 usage error."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=(
            "a lesson file or a folder of lessons, checked with the bundled course "
            "(and, for a file, with the course.toml of the folder it sits in)"
        ),
    )
    parser.set_defaults(handler=run)


def validate(paths: list[Path], extra_folders: list[Path]) -> LoadResult:
    folders = [bundled_lessons(), *extra_folders]
    files: list[Path] = []
    for path in paths:
        home = path if path.is_dir() else declaring_folder(path)
        if home is not None and home.resolve() not in {f.resolve() for f in folders}:
            folders.append(home)
        if not path.is_dir():
            files.append(path)
    return load_course(folders, files)


def report(result: LoadResult, out: TextIO) -> None:
    for problem in result.problems:
        print(problem.format(), file=out)
    print(
        f"{result.lesson_files} lessons, {len(result.errors)} errors, "
        f"{len(result.warnings)} warnings",
        file=out,
    )


def run(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists() and not p.is_symlink()]
    if missing:
        for path in missing:
            print(f"trd-course validate: no such file or folder: {path}", file=sys.stderr)
        return 2
    result = validate(args.paths, list(args.lessons or []))
    report(result, sys.stdout)
    return 0 if result.ok else 1
