"""What the plain mode says first: which mode it is, and, on a first run, what the course is.

The first-run wording is the app's welcome screen's, word for word (a test
holds the two equal); it is kept here too because that screen's module loads
Textual, which the plain mode never imports.
"""

from __future__ import annotations

from pathlib import Path

from course.paths import friendly

FIRST_LINE = (
    "trd-course, plain line mode: plain lines for screen readers and braille displays. "
    "To leave, type quit or press Ctrl+D; for crisis lines, type help at any prompt."
)

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
    return (
        "Nothing you write leaves this computer: the course never uses the network. "
        f"Your progress is saved as you go, in {friendly(store_path)}"
    )


HOW = (
    "How this mode works: each prompt says what you can type. Press Enter to go on. "
    "At any prompt you can type help (crisis lines), map (the course map), "
    "back, next, or quit. Everything is saved as you go."
)
