"""The first-run words both front ends show: what the course is and is not, and privacy.

One place for the app's welcome screen and the plain mode's first run, so the
two cannot drift apart. Kept free of Textual (the plain mode never imports it)
and of any file reading (the first run must show these even if a data file is
damaged).
"""

from __future__ import annotations

from pathlib import Path

from course.paths import friendly

TITLE = "Welcome to trd-course"

ABOUT = (
    "This is a self-guided course for people living with depression that has "
    "not responded to treatment, and for the people who support them. It offers "
    "education and self-help, one short lesson at a time."
)
NOT = (
    "It is not medical advice, and it does not replace your care team or "
    "emergency help. Talk with your prescriber before any change to your treatment."
)


def privacy(store_path: Path) -> str:
    """That nothing leaves the machine, and where the progress file is."""
    return (
        "Nothing you write leaves this computer: the course never uses the network. "
        f"Your progress is saved as you go, in {friendly(store_path)}"
    )
