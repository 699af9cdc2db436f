"""When the course runs as plain lines: --plain, TRD_COURSE_PLAIN, TERM=dumb, no terminal."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest

from course.plain.choose import wants_plain


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


TERMINAL = _Terminal()
PIPE = io.StringIO()
NO_FLAG = SimpleNamespace(plain=False)


@pytest.mark.parametrize(
    ("args", "environ", "stdout", "plain"),
    [
        (NO_FLAG, {"TERM": "xterm-256color"}, TERMINAL, False),
        (SimpleNamespace(plain=True), {"TERM": "xterm"}, TERMINAL, True),
        (SimpleNamespace(), {"TERM": "xterm"}, TERMINAL, False),  # options without the flag
        (NO_FLAG, {"TERM": "xterm", "TRD_COURSE_PLAIN": "1"}, TERMINAL, True),
        (NO_FLAG, {"TERM": "dumb"}, TERMINAL, True),
        (NO_FLAG, {"TERM": "xterm"}, PIPE, True),
        (NO_FLAG, {}, PIPE, True),
        # An explicit 0 asks for the app; --plain still wins over it.
        (NO_FLAG, {"TERM": "dumb", "TRD_COURSE_PLAIN": "0"}, PIPE, False),
        (SimpleNamespace(plain=True), {"TRD_COURSE_PLAIN": "0"}, TERMINAL, True),
    ],
)
def test_wants_plain(args: object, environ: dict[str, str], stdout: object, plain: bool) -> None:
    assert wants_plain(args, environ, stdout) is plain


def test_a_closed_output_is_no_terminal() -> None:
    closed = io.StringIO()
    closed.close()
    assert wants_plain(NO_FLAG, {"TERM": "xterm"}, closed) is True
