"""Crisis lines: one source for the help panel, the welcome screen and the CLI.

The wording is in ``course/wording/crisis.toml`` so a clinician can review it
without reading Python. Help must never depend on a file being readable,
though: if that file is missing or broken, the bare facts below (988, 911,
findahelpline.com) are shown instead, and ``trd-course``'s tests fail until
the file is fixed. The last bundled lesson repeats these facts, and a test
keeps the two the same.

The names ``HEADLINE``, ``LINES``, ``PRIVACY``, ``US_LINE``, ``US_LINE_OLD``,
``EMERGENCY`` and ``WORLDWIDE`` are read from the file on first use.
"""

from __future__ import annotations

from typing import Any

from course.wording import CrisisWording, WordingError

FALLBACK = CrisisWording(
    headline="If you are in crisis or thinking about suicide, reach out now.",
    lines=(
        ("Call or text 988", "Suicide & Crisis Lifeline, US, any time."),
        ("Call 911", "if you or someone else is in immediate danger (US)."),
        ("findahelpline.com", "lists free, confidential helplines outside the US."),
    ),
    privacy="This course cannot send for help. If you need help, reach out to a person.",
    us_line="988",
    us_line_old="1-800-273-8255",
    emergency="911",
    worldwide="findahelpline.com",
)
"""Shown only if ``crisis.toml`` cannot be read: help is never taken away by a bad file."""


def wording() -> CrisisWording:
    """The crisis wording from its file, or the bare fallback if the file is broken."""
    from course import wording as files

    try:
        return files.crisis()
    except WordingError:
        return FALLBACK


_NAMES = {
    "HEADLINE": "headline",
    "LINES": "lines",
    "PRIVACY": "privacy",
    "US_LINE": "us_line",
    "US_LINE_OLD": "us_line_old",
    "EMERGENCY": "emergency",
    "WORLDWIDE": "worldwide",
}


def __getattr__(name: str) -> Any:
    if name in _NAMES:
        return getattr(wording(), _NAMES[name])
    raise AttributeError(f"module 'course.crisis' has no attribute {name!r}")


def as_text() -> str:
    """The crisis lines as plain text, for a terminal or a Markdown export."""
    words = wording()
    lines = [words.headline, ""]
    lines += [f"- {what}: {detail}" for what, detail in words.lines]
    lines += ["", words.privacy]
    return "\n".join(lines)
