"""What the plain mode says first: which mode it is, and, on a first run, what the course is.

The first-run words are the app's welcome's, from ``course.welcome_text``
(the screen's own module loads Textual, which the plain mode never imports);
only what is about this mode is kept here.
"""

from __future__ import annotations

from course.welcome_text import ABOUT, NOT, TITLE, privacy

__all__ = ["ABOUT", "FIRST_LINE", "HOW", "NOT", "TITLE", "privacy"]

FIRST_LINE = (
    "trd-course, plain line mode: plain lines for screen readers and braille displays. "
    "To leave, type quit or press Ctrl+D; for crisis lines, type help at any prompt."
)

HOW = (
    "How this mode works: each prompt says what you can type. Press Enter to go on. "
    "At any prompt you can type help (crisis lines), map (the course map), "
    "back, next, or quit. Everything is saved as you go."
)
