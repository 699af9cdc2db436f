"""``trd-course validate``: check the course exactly as the app would load it.

The app tells an author to run this when lessons fail to load, so it reads the
same folders with the same options (the bundled course unless ``--only``, the
data folder's lessons, every ``--lessons``), plus any PATH given: a folder
joins the course as a folder would; a single file joins with the modules its
own folder's ``course.toml`` declares, without that folder's other lessons.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from course.lesson_files import LoadResult


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check lesson files and report every problem",
        description=(
            "Check the course the app would load with the same options (the bundled "
            "course unless --only, <data folder>/lessons, every --lessons DIR), plus each "
            "PATH, and print one 'file:line: key.path: severity: message' line per "
            "problem. Exit status: 0 no errors, 1 errors found, 2 usage error."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help=(
            "a folder of lessons (read with its course.toml), or one lesson file "
            "(read with the modules its folder's course.toml declares)"
        ),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): one line per problem; json: one JSON object, for CI",
    )
    parser.set_defaults(handler=run)


def validate(args: argparse.Namespace, paths: list[Path]) -> LoadResult:
    """Load what the app would with ``args``, plus ``paths``, reporting everything."""
    from course.commands.common import data_dir
    from course.loader import load_course
    from course.paths import declaring_folder, lesson_folders

    folders = lesson_folders(args, data_dir(args))
    in_use = {folder.resolve() for folder in folders}
    files: list[Path] = []
    course_files: list[Path] = []
    for path in paths:
        if path.is_dir():
            if path.resolve() not in in_use:
                folders.append(path)
                in_use.add(path.resolve())
            continue
        home = declaring_folder(path)
        if home is not None and home.resolve() not in in_use:
            course_files.append(home / "course.toml")
        files.append(path)
    return load_course(folders, files, course_files)


def summary(result: LoadResult) -> str:
    from course.problems import counted

    return (
        f"{counted(result.lesson_files, 'lesson')}, {counted(len(result.errors), 'error')}, "
        f"{counted(len(result.warnings), 'warning')}"
    )


def report(result: LoadResult, out: TextIO) -> None:
    for problem in result.problems:
        print(problem.format(), file=out)
    print(summary(result), file=out)


def report_json(result: LoadResult, out: TextIO) -> None:
    document = {
        "lessons": result.lesson_files,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "problems": [problem.as_json() for problem in result.problems],
    }
    json.dump(document, out, indent=2)
    out.write("\n")


def refuse_missing(command: str, paths: list[Path]) -> bool:
    """Name each path that is not there (exit status 2 follows); True if any."""
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        from course.safe_text import visible

        for path in missing:
            print(
                f"trd-course {command}: no such file or folder: {visible(str(path))}",
                file=sys.stderr,
            )
    return bool(missing)


def run(args: argparse.Namespace) -> int:
    if refuse_missing("validate", list(args.paths)):
        return 2
    result = validate(args, list(args.paths))
    if getattr(args, "format", "text") == "json":
        report_json(result, sys.stdout)
    else:
        report(result, sys.stdout)
    return 0 if result.ok else 1
