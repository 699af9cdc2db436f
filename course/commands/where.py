"""``trd-course where``: the folders and files the course uses, and nothing else.

For a learner who wants to know where their private writing is kept (to back
it up, move it, or delete it), and for an author checking which lesson folders
are read. It only looks: it never creates the data folder or the store, so
asking "where?" leaves no trace.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from course.commands.common import data_dir, guarded
from course.paths import bundled_lessons

NAME = "where"
LESSONS_SUBDIR = "lessons"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="show the lesson folders, data folder and progress file in use",
        description=(
            "Print the lesson folders the course reads, the data folder, the progress "
            "file (and whether each exists yet), and any backups or set-aside copies "
            "of the progress file. Creates nothing. Honours --data-dir, --lessons and "
            "--only, and the TRD_COURSE_DATA_DIR environment variable."
        ),
    )
    parser.set_defaults(handler=run)


def _exists(path: Path, missing: str) -> str:
    return "exists" if path.exists() else missing


def _label(folder: Path, own: Path) -> str:
    if folder == bundled_lessons():
        return "the bundled course"
    if folder == own:
        return "your own lessons"
    return "from --lessons" + ("" if folder.is_dir() else "; not found")


def where(args: argparse.Namespace) -> int:
    from course.launch import lesson_folders  # here, not at the top: see course.commands.common
    from progress import database_path, store_files

    folder = data_dir(args)
    db_path = database_path(folder)
    own = folder / LESSONS_SUBDIR
    folders = lesson_folders(args, folder)
    print("Lesson folders:")
    for lesson_folder in folders:
        print(f"  {lesson_folder} ({_label(lesson_folder, own)})")
    if not folders:
        print("  (none)")
    if own not in folders and not getattr(args, "only", False):
        print(f"  Add your own lessons in {own}; the course reads it when it holds any.")
    print(f"Data folder: {folder} ({_exists(folder, 'not created yet')})")
    print(
        f"Progress file: {db_path} "
        f"({_exists(db_path, 'not created yet; the course makes it when it first starts')})"
    )
    # Named by progress.files: progress.db.backup-<time>, progress.db.damaged-<time>.
    copies = (f"{db_path.name}.backup-", f"{db_path.name}.damaged-")
    extra = [path for path in store_files(folder) if path.name.startswith(copies)]
    if extra:
        print("Backups and set-aside copies:")
        for path in extra:
            print(f"  {path}")
    return 0


def run(args: argparse.Namespace) -> int:
    return guarded(NAME, where, args)
