"""``trd-course preview FILE``: see a lesson as a learner will, while writing it."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "preview",
        help="open one lesson file in the app, reloading when it changes",
        description=(
            "Open the app on one lesson file. It reloads whenever the file is saved, "
            "staying on the same step, and shows validation errors instead of the "
            "lesson while the file is broken. Progress made while previewing is kept "
            "in a throwaway store and deleted when you quit; your own progress is "
            "never touched."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the lesson file to preview")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        print(f"trd-course preview: no such lesson file: {path}", file=sys.stderr)
        return 2
    from course.commands.common import data_dir
    from course.paths import declaring_folder, lesson_folders
    from course.ui.preview import PreviewApp
    from progress import database_path, open_store

    folders = lesson_folders(args, data_dir(args))
    home = declaring_folder(path)
    if home is not None and home.resolve() not in {f.resolve() for f in folders}:
        folders.append(home)
    with tempfile.TemporaryDirectory(prefix="trd-course-preview-") as scratch:
        store = open_store(database_path(Path(scratch))).store
        try:
            app = PreviewApp(path, store, folders)
            app.run()
        finally:
            store.close()
    return app.return_code or 0
