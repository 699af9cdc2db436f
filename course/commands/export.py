"""``trd-course export``: the learner's notes as Markdown, for an appointment.

The notes hold private health information, so a file written here is created
private (0600) before a byte of them is written, and an existing file is made
private before it is overwritten. Nothing is created when there is no saved
progress: exporting must never be what starts a store.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from course.commands.common import add_output_option, course_and_store, guarded, write_output

NAME = "export"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="write your notes, reflections and plans as Markdown",
        description=(
            "Write your notes as Markdown: for each lesson you have started, when you "
            "completed it, your quiz answers, your reflections and your plans. Notes "
            "for lessons not in the course as loaded (most often a lesson pack left out "
            "of --lessons) are kept at the end. The notes hold "
            "private health information: keep them somewhere safe and share them only "
            "with people you choose, such as your care team. Exit status: 0 written, "
            "1 nothing to export or the file could not be written, 2 usage error."
        ),
    )
    add_output_option(
        parser,
        "write to FILE (created readable by you only; replaced if it exists) instead of printing",
    )
    parser.set_defaults(handler=run)


def export(args: argparse.Namespace) -> int:
    nothing = "there are no notes to export"
    with course_and_store(NAME, args, nothing, read_only_ok=True) as (course, store):
        from course.session import tools_sections

        snapshot = store.snapshot(every_attempt=False)
        tools = tools_sections(store)
    from course.export import notes_markdown

    text = notes_markdown(course, snapshot, datetime.now().astimezone()) + tools
    return write_output(
        args.output, text, f"Notes written to {args.output}. Keep the file somewhere safe."
    )


def run(args: argparse.Namespace) -> int:
    return guarded(NAME, export, args)
