"""The plain line mode: the course in plain lines, for screen readers and braille displays.

A second front end on the same ``Session`` door as the app, so progress,
rules and saving are the same in both: a lesson started here continues in the
app at the same step. It uses only the standard library for input and output
(no Textual anywhere in this package): lines printed once, in order, into the
terminal's scrollback, and answers read a line at a time.

``choose.wants_plain`` decides when it runs; :func:`run_plain` runs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from course.lesson_files import LoadResult
    from progress import Notice, Store


def run_plain(
    load: LoadResult,
    store: Store,
    notices: Sequence[Notice] = (),
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Run the course in plain lines until the learner leaves; the exit code (0).

    The caller holds the data folder and closes the store after.
    """
    from course.plain.front import run

    return run(load, store, notices, stdin, stdout)
