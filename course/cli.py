"""The ``trd-course`` command: start the course, or one of its tools.

Whatever goes wrong, a person sees a sentence that says what to do, never a
traceback: tracebacks can show local variables, and ours may hold reflections.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from course import __version__

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    # The commands are imported here, not at the top: a plain ``trd-course``
    # neither builds this parser nor needs them (see ``main``).
    import argparse

    import course.commands.brief
    import course.commands.outline
    import course.commands.schema_cmd
    from course.commands import export, forget, new, preview, reset, restore, validate, where

    parser = argparse.ArgumentParser(
        prog="trd-course",
        description=(
            "A self-guided coping course for treatment-resistant depression. "
            "Run with no command to start the course. Everything stays on this computer."
        ),
        epilog="In crisis? In the US call or text 988; in an emergency call 911; "
        "elsewhere see findahelpline.com.",
    )
    parser.add_argument("--version", action="version", version=f"trd-course {__version__}")
    _add_course_options(parser)
    parser.add_argument("--plain", action="store_true", help="plain lines for screen readers")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for command in (validate, new, preview, export, reset, restore, where, forget):
        command.add_parser(subparsers)
    course.commands.brief.add_parser(subparsers)
    course.commands.outline.add_parser(subparsers)
    course.commands.schema_cmd.add_parser(subparsers)
    # People write `trd-course export --data-dir X` as often as the other
    # way round: each command takes the course options too, and one given
    # there wins over one given before the command.
    for command_parser in subparsers.choices.values():
        _add_course_options(command_parser, default=argparse.SUPPRESS)
    return parser


def _add_course_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    """--data-dir, --lessons and --only: where progress is and which lessons are read."""
    group = parser.add_argument_group("course options")
    group.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        default=default,
        help="where progress is kept (default: $TRD_COURSE_DATA_DIR, else your user data folder)",
    )
    group.add_argument(
        "--lessons",
        type=Path,
        action="append",
        metavar="DIR",
        default=default,
        help="an extra folder of lessons (repeatable)",
    )
    group.add_argument(
        "--only",
        action="store_true",
        default=False if default is None else default,
        help="use only the --lessons folders, without the bundled course",
    )


def _start_app(args: argparse.Namespace | SimpleNamespace) -> int:
    # Start-up makes many objects and frees few (see ``course.collection``).
    from course import collection

    with collection.paused():
        from course.launch import start

        return start(args)


NO_ARGUMENTS = {"data_dir": None, "lessons": None, "only": False, "plain": False}
"""What the parser makes of no arguments at all (a test holds the two equal).

Running ``trd-course`` alone is how the course is started almost every time,
and building the parser with every command's options and help (and importing
argparse and gettext) is a noticeable part of a start-up the learner waits for.
"""


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    arguments = sys.argv[1:] if argv is None else list(argv)
    args: argparse.Namespace | SimpleNamespace = SimpleNamespace(**NO_ARGUMENTS)
    if arguments:
        args = build_parser().parse_args(arguments)
    handler = getattr(args, "handler", _start_app)
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as error:
        print(
            f"trd-course: something went wrong ({type(error).__name__}). Your saved "
            "progress is safe. In crisis? Call or text 988 (US), 911 in an emergency, "
            "or see findahelpline.com.",
            file=sys.stderr,
        )
        return 1
