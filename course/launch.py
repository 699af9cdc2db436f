"""Start the app: find lessons, open the store, and hand both to the UI.

Kept apart from ``cli`` so that ``trd-course validate`` never imports Textual
(fast, and usable where Textual could not start).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from course.course_cache import keep, load_with_cache
from course.lesson_files import LoadResult
from course.paths import bundled_lessons
from progress import StoreError, database_path, open_store, resolve_data_dir

if TYPE_CHECKING:
    from argparse import Namespace
    from types import SimpleNamespace

    Options = Namespace | SimpleNamespace
    """The command line's options: the parser's, or their defaults when there were none."""


def lesson_folders(args: Options, data_dir: Path) -> list[Path]:
    """The bundled course, the data folder's lessons, then each --lessons DIR."""
    extra = list(getattr(args, "lessons", None) or [])
    if getattr(args, "only", False):
        return extra
    folders = [bundled_lessons()]
    own = data_dir / "lessons"
    if own.is_dir() and any(own.iterdir()):
        folders.append(own)
    return folders + extra


def load(args: Options, data_dir: Path) -> LoadResult:
    """Read and check every lesson, without the kept copy (benchmarks, previews)."""
    from course.loader import load_course

    return load_course(lesson_folders(args, data_dir))


def start(args: Options) -> int:
    # Start-up makes many objects and frees few: collecting now only costs
    # time. The app re-enables collection once its first frame is up.
    gc.disable()
    data_dir = resolve_data_dir(args.data_dir, os.environ)
    result, fresh = load_with_cache(lesson_folders(args, data_dir), data_dir)
    if not result.course.lessons:
        for problem in result.errors:
            print(problem.format(), file=sys.stderr)
        print(
            "trd-course: no lessons could be loaded, so the course cannot start.", file=sys.stderr
        )
        return 1
    try:
        opened = open_store(database_path(data_dir))
    except StoreError as error:
        print(f"trd-course: {error}", file=sys.stderr)
        return 1
    keep(result, fresh, data_dir)  # only now: the store has made the data folder
    from course.ui.app import CourseApp

    app = CourseApp(result, opened.store, opened.notices, data_dir)
    try:
        app.run()
    finally:
        opened.store.close()
    return app.return_code or 0
