"""``trd-course brief``: the one-page appointment brief, as Markdown or HTML.

The same page the "Prepare for my appointment" screen makes, from what the
learner chose there (goal, picked questions, picked reflections: none unless
picked). It holds private health information, so a file is created private
(0600) before a byte is written; an existing file is replaced only after the
learner says so (or with ``--yes``), and a folder is refused. Nothing is
created when there is no saved progress.
"""

from __future__ import annotations

import argparse
from datetime import date

from course.commands.common import add_output_option, course_and_store, guarded, write_output

NAME = "brief"


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="write a one-page brief for your next appointment",
        description=(
            "Write one page to take to your next appointment: what you want from it, "
            "the questions you picked, your treatments, your check-in trend, your plan, "
            "any reflections you picked (none unless you pick them), space for notes. "
            "Choose these in the course's 'Prepare for my appointment'. The page holds "
            "private health information: share it only with people you choose. Exit "
            "status: 0 written, 1 nothing to write or the file could not be written, "
            "2 usage error."
        ),
    )
    add_output_option(parser, "write to FILE (created readable by you only) instead of printing")
    parser.add_argument(
        "--format",
        choices=("md", "html"),
        default="md",
        help="md: Markdown (the default); html: a page to print on one or two sheets",
    )
    parser.add_argument(
        "--yes",
        "-y",
        action="store_true",
        help="replace FILE if it exists, without asking",
    )
    parser.set_defaults(handler=run)


def brief(args: argparse.Namespace) -> int:
    with course_and_store(NAME, args, "there is nothing for a brief") as (course, store):
        from course.session_treatments import brief_from_store

        page = brief_from_store(course, store, date.today())
    from course.brief import FORMATS

    return write_output(
        args.output,
        FORMATS[args.format](page),
        f"Brief written to {args.output}. It holds private health information: keep it safe.",
        ask=not args.yes,
    )


def run(args: argparse.Namespace) -> int:
    return guarded(NAME, brief, args)
