"""Start the app: find lessons, open the store, and hand both to the UI.

Kept apart from ``cli`` so that ``trd-course validate`` never imports Textual
(fast, and usable where Textual could not start).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from course.lesson_files import LoadResult
from course.paths import lesson_folders, validate_command
from progress import StoreError, database_path, hold_data_folder, open_store, resolve_data_dir

if TYPE_CHECKING:
    from argparse import Namespace
    from types import SimpleNamespace

    Options = Namespace | SimpleNamespace
    """The command line's options: the parser's, or their defaults when there were none."""


def load(args: Options, data_dir: Path) -> LoadResult:
    """Read and check every lesson (the app, benchmarks, previews)."""
    from course.loader import load_course

    return load_course(lesson_folders(args, data_dir))


def start(args: Options) -> int:
    """Run the course on one data folder, held for the app's whole life.

    The lessons are read and checked first, so a course that cannot start
    creates nothing. Then the data folder's lifetime lock is taken (a second
    copy stops here with a sentence, before touching the store), the store is
    opened, and the app runs; however it ends, the store is closed cleanly
    (checkpointed, no ``-wal`` left) before the lock is let go.

    Garbage collection is already paused by the caller (``course.cli`` starts
    this inside ``course.collection.paused()``, before even importing it);
    the app, or the plain mode, resumes it once its first frame is up.
    """
    data_dir = resolve_data_dir(args.data_dir, os.environ)
    result = load(args, data_dir)
    if not result.course.lessons:
        for problem in result.errors:
            print(problem.format(), file=sys.stderr)
        print(
            "trd-course: no lessons could be loaded, so the course cannot start.", file=sys.stderr
        )
        return 1
    try:
        held = hold_data_folder(data_dir)
    except StoreError as error:  # AlreadyOpen included: one sentence, store untouched
        print(f"trd-course: {error}", file=sys.stderr)
        return 1
    with held:
        try:
            # A full or read-only disk still opens, read-only, with a notice.
            opened = open_store(database_path(data_dir), read_only_ok=True)
        except StoreError as error:
            print(f"trd-course: {error}", file=sys.stderr)
            return 1
        _drop_old_cache(data_dir)
        from course.plain.choose import wants_plain

        if wants_plain(args, os.environ, sys.stdout):
            from course.plain import run_plain

            try:
                return run_plain(result, opened.store, opened.notices)
            finally:
                opened.store.close()
        from course.ui.app import CourseApp

        # Named only when there are problems to name (working it out imports shlex).
        hint = {"validate_hint": validate_command(args)} if result.errors else {}
        try:
            app = CourseApp(result, opened.store, opened.notices, data_dir, **hint)
            app.run()
        finally:
            opened.store.close()
    return app.return_code or 0


OLD_CACHE = "cache"
"""The folder older versions kept a pickled copy of the lessons in."""


def _drop_old_cache(data_dir: Path) -> None:
    """Delete the lesson cache older versions left, without ever reading it.

    It was a pickle, which runs code when loaded; nothing reads it any more.
    Only a real folder of the learner's own is cleaned (links are not
    followed: unlinking removes a link itself, never what it points to).
    """
    folder = data_dir / OLD_CACHE
    try:
        info = folder.lstat()
    except OSError:
        return
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
        return
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name == "lessons.pickle" or entry.name.startswith(".lessons.pickle."):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
        folder.rmdir()
