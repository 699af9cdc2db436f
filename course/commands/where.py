"""``trd-course where``: the folders and files the course uses, and nothing else.

For a learner who wants to know where their private writing is kept (to back
it up, move it, or delete it), and for an author checking which lesson folders
are read. It only looks: it never creates the data folder or the store, so
asking "where?" leaves no trace.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from course.commands.common import data_dir, guarded
from course.paths import bundled_lessons
from course.safe_text import visible

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
            "--only, and the TRD_COURSE_DATA_DIR environment variable. With --check, "
            "also runs SQLite's full integrity check on the progress file (slower than "
            "the check made at each start). Exit status: 0, or 1 if --check found a "
            "problem."
        ),
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="also check the whole progress file for damage (reads it, changes nothing)",
    )
    parser.set_defaults(handler=run)


def _exists(path: Path, missing: str) -> str:
    return "exists" if path.exists() else missing


def _store_state(db_path: Path) -> str:
    """What is at the progress file's path, in the words the app would use.

    A link is reported as one, dangling or not, because the course refuses to
    open it (it never follows links in the data folder): "not created yet"
    for a dangling link sent learners looking for a file the app refused.
    """
    import stat

    if db_path.is_symlink():
        try:
            target = os.readlink(db_path)
        except OSError:
            target = "somewhere else"
        return (
            f"a symbolic link to {target}, which the course will not open; replace it "
            "with the file itself"
        )
    try:
        mode = db_path.lstat().st_mode
    except FileNotFoundError:
        return "not created yet; the course makes it when it first starts"
    except OSError as error:
        return f"can't be read: {error.strerror}"
    if not stat.S_ISREG(mode):
        return "not a regular file, which the course will not open; move it away"
    return "exists"


def _label(folder: Path, own: Path) -> str:
    if folder == bundled_lessons():
        return "the bundled course"
    if folder == own:
        return "your own lessons"
    return "from --lessons" + ("" if folder.is_dir() else "; not found")


def where(args: argparse.Namespace) -> int:
    # here, not at the top: see course.commands.common
    from course.paths import lesson_folders
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
    state = _store_state(db_path)
    print(f"Progress file: {db_path} ({state})")
    # Named by progress.files: progress.db.backup-<time>, progress.db.damaged-<time>.
    copies = (f"{db_path.name}.backup-", f"{db_path.name}.damaged-")
    extra = [path for path in store_files(folder) if path.name.startswith(copies)]
    if extra:
        print("Backups and set-aside copies:")
        for path in extra:
            print(f"  {path}")
    if getattr(args, "check", False) and state == "exists":
        return _check(db_path)
    return 0


def _check(db_path: Path) -> int:
    from progress.opening import full_check

    problems = full_check(db_path)
    if not problems:
        print(f"Full check of {db_path}: no damage found.")
        return 0
    print(f"Full check of {db_path} found damage:")
    for problem in problems[:20]:
        print(f"  {visible(problem)}")
    print(
        "The course sets a damaged file aside when it finds it so (it is kept, never "
        "deleted). To be safe, copy the data folder somewhere now; 'trd-course export' "
        "saves your notes as a document."
    )
    return 1


def run(args: argparse.Namespace) -> int:
    return guarded(NAME, where, args)
