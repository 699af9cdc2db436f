"""Standard-library helpers a benchmark child needs before anything else loads.

Kept free of Textual and of the course so that importing it costs the
minimal app and the course the same few microseconds at start-up.
"""

from __future__ import annotations

import resource
import socket
from pathlib import Path


def forbid_network() -> None:
    """Make any connection attempt fail: a benchmark must never reach the network."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("trd-course benchmarks never use the network")

    for name in ("connect", "connect_ex"):
        setattr(socket.socket, name, refuse)
    setattr(socket, "create_connection", refuse)  # noqa: B010


def peak_rss_mib() -> float:
    """The process's peak resident set size so far (VmHWM), in MiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
