"""Run the real ``trd-course`` in a pseudo-terminal, as a terminal would, and read its bytes."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path


class PtyApp:
    """``python -m course`` on a pty of ``size``, with its data in ``data_dir``."""

    def __init__(self, data_dir: Path, home: Path, size: tuple[int, int] = (80, 24)) -> None:
        self.master, slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {
            **os.environ,
            "TRD_COURSE_DATA_DIR": str(data_dir),
            "HOME": str(home),
            "TERM": "xterm-256color",
        }
        env.pop("NO_COLOR", None)
        root = Path(__file__).resolve().parents[2]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "course"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=root,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""

    def read(self, seconds: float) -> None:
        """Collect what the app draws for ``seconds``."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    return

    def wait_for(self, text: bytes, timeout: float = 15) -> None:
        """Read until ``text`` has been drawn (the app has got there)."""
        end = time.monotonic() + timeout
        while text not in self.output:
            if time.monotonic() > end:
                raise AssertionError(f"{text!r} never appeared")
            self.read(0.1)

    def send(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def finish(self, timeout: float = 15) -> int:
        end = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < end:
            self.read(0.1)
        code = self.process.wait(timeout=1)
        os.close(self.master)
        return code
