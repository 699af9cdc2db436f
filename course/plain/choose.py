"""When the course runs in plain lines instead of the full-screen app.

Kept free of imports beyond the standard library: ``start`` asks this on
every run, before anything of either front end is loaded.
"""

from __future__ import annotations

from collections.abc import Mapping

PLAIN_ENV = "TRD_COURSE_PLAIN"
YES = frozenset({"1", "yes", "true", "on"})
NO = frozenset({"0", "no", "false", "off"})


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):  # a closed or odd stream is no terminal
        return False


def wants_plain(args: object, environ: Mapping[str, str], stdout: object) -> bool:
    """Plain lines with ``--plain``, ``TRD_COURSE_PLAIN=1``, ``TERM=dumb``, or output not a terminal.

    ``TRD_COURSE_PLAIN=0`` asks for the full-screen app whatever the terminal
    says (a wrapper that hides the terminal from the course, a test of the
    app's start); ``--plain`` still wins over it.
    """
    if getattr(args, "plain", False):
        return True
    setting = environ.get(PLAIN_ENV, "").strip().lower()
    if setting in YES:
        return True
    if setting in NO:
        return False
    if environ.get("TERM", "") == "dumb":
        return True
    return not _is_terminal(stdout)
