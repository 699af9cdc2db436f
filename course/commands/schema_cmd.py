"""``trd-course schema``: the JSON Schema editors use to check lessons as you type.

The schema is built from the same key tables the validator reads, so an
editor and ``trd-course validate`` agree on every key; ``validate`` remains
the authority for what spans files (unique ids, declared modules).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of lesson files, for editor completion and checks",
        description=(
            "Print the JSON Schema of lesson files and course.toml (draft-07), or write "
            "it to FILE. Point your editor at it (Even Better TOML in VS Code, or the "
            "taplo command) for completion and inline errors, offline. Exit status: "
            "0 written, 1 could not write."
        ),
    )
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write the schema to FILE (replacing it) instead of printing it",
    )
    parser.set_defaults(handler=run)


def write_schema(path: Path) -> None:
    """Write the schema to ``path``, readable by everyone (it is no secret), atomically.

    Raises:
        OSError: The file or its folder could not be written.
    """
    from course.json_schema import text
    from course.scaffold import write_public

    write_public(path, text(), replace=True)


def run(args: argparse.Namespace) -> int:
    from course.json_schema import text

    output: Path | None = args.output
    if output is None:
        sys.stdout.write(text())
        return 0
    try:
        write_schema(output)
    except OSError as error:
        from course.safe_text import visible

        print(
            f"trd-course schema: cannot write {visible(str(output))}: {error.strerror or error}",
            file=sys.stderr,
        )
        return 1
    print(output)
    return 0
