"""The plain mode from first line to goodbye: welcome, map, lessons, tools.

However the learner leaves (``quit``, the end of input, the terminal closing),
the same goodbye says everything is saved, and it is: every answer, line and
tick was written when it was given. The caller closes the store.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from course import collection
from course.plain import welcome
from course.plain.context import Context, Open
from course.plain.course_map import choose
from course.plain.io import SAVED_GOODBYE, Leave, Lines, is_terminal
from course.plain.lesson import run_lesson
from course.plain.tools import PlainTool, available_tools, help_lines
from course.session import Session

if TYPE_CHECKING:
    from course.lesson_files import LoadResult
    from progress import Notice, Store

MAX_PROBLEMS_SHOWN = 20


def run(
    load: LoadResult,
    store: Store,
    notices: Sequence[Notice],
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    # Start-up paused the collector for the app's first frame; there is none here.
    collection.settle_after_start()
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    use_input = (
        stdin is sys.stdin and stdout is sys.stdout and is_terminal(stdin) and is_terminal(stdout)
    )
    holder: list[Session] = []
    lines = Lines(stdin, stdout, lambda: help_lines(holder[0] if holder else None), use_input)
    session = Session(load.course, store, lambda sentence: lines.say(sentence))
    holder.append(session)
    ctx = Context(session, lines)
    with _signals_leave():
        try:
            lines.say(welcome.FIRST_LINE)
            _tell_problems(ctx, load, notices)
            if session.first_run_pending():
                _first_run(ctx)
            _go(ctx)
        except Leave as leave:
            _goodbye(lines, leave.why)
    return 0


def _tell_problems(ctx: Context, load: LoadResult, notices: Sequence[Notice]) -> None:
    lines = ctx.lines
    for notice in notices:
        lines.gap()
        lines.say(f"About your saved progress: {notice.message}")
    if load.errors:
        lines.gap()
        lines.say("Some lessons could not be loaded:")
        shown = load.errors[:MAX_PROBLEMS_SHOWN]
        lines.say(*(problem.format() for problem in shown))
        if len(load.errors) > len(shown):
            lines.say(f"and {len(load.errors) - len(shown)} more.")
        lines.say(
            "The lessons with these problems are left out; the rest of the course works.",
            "Authors: run 'trd-course validate' to see every problem.",
        )


def _first_run(ctx: Context) -> None:
    lines = ctx.lines
    lines.gap()
    lines.say("Welcome to trd-course")
    lines.say(welcome.ABOUT, "", welcome.NOT, "")
    lines.say(welcome.privacy(Path(ctx.session.store_path)), "")
    lines.say(*help_lines(None))
    lines.gap()
    lines.say(welcome.HOW)
    lines.gap()
    lines.ask("Press Enter to start the course: ")
    ctx.session.acknowledge_first_run()


def _go(ctx: Context) -> None:
    tools = available_tools()
    target: Open | PlainTool = Open()
    while True:
        if isinstance(target, PlainTool):
            target = _run_tool(ctx, target)
        elif target.lesson is not None:
            target = run_lesson(ctx, target)
        else:
            target = choose(ctx, tools)


def _run_tool(ctx: Context, tool: PlainTool) -> Open:
    """A tool, or the sentence saying which wording file is broken and the way back to the map."""
    from course.wording import WordingError

    try:
        return tool.run(ctx)
    except WordingError as error:
        ctx.lines.say(f"{tool.title} cannot open: {error}")
        return Open()


def _goodbye(lines: Lines, why: str) -> None:
    with contextlib.suppress(OSError, ValueError):  # the terminal may be gone
        if why == "end of input":
            lines.say("End of input.")
        lines.say(SAVED_GOODBYE)
        lines.stdout.flush()


@contextlib.contextmanager
def _signals_leave() -> Iterator[None]:
    """Closing the terminal or being told to stop ends like quit: saved, store closed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def leave(signum: int, frame: FrameType | None) -> None:
        raise Leave("signal")

    kept: dict[int, object] = {}
    names = ("SIGHUP", "SIGTERM")  # no SIGHUP on Windows
    for signum in (getattr(signal, name) for name in names if hasattr(signal, name)):
        with contextlib.suppress(ValueError, OSError, AttributeError):
            kept[signum] = signal.signal(signum, leave)
    try:
        yield
    finally:
        for signum, handler in kept.items():
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signum, handler)  # type: ignore[arg-type]
