"""Crisis lines: one source for the help panel, the welcome screen and the CLI.

Kept in code rather than a lesson so that no broken or missing lesson file can
ever take help away. The last bundled lesson repeats these facts, and a test
keeps the two the same.
"""

from __future__ import annotations

US_LINE = "988"
US_LINE_OLD = "1-800-273-8255"
EMERGENCY = "911"
WORLDWIDE = "findahelpline.com"

HEADLINE = "If you are in crisis or thinking about suicide, reach out now."

LINES: tuple[tuple[str, str], ...] = (
    (
        f"Call or text {US_LINE}",
        f"Suicide & Crisis Lifeline, US, any time. The older number {US_LINE_OLD} "
        "still connects to it.",
    ),
    (f"Call {EMERGENCY}", "if you or someone else is in immediate danger (US)."),
    (WORLDWIDE, "lists free, confidential helplines outside the US."),
)

PRIVACY = (
    "Nobody watches what you write in this course: it stays on this computer, "
    "so it cannot send for help. If you need help, reach out to a person."
)


def as_text() -> str:
    """The crisis lines as plain text, for a terminal or a Markdown export."""
    lines = [HEADLINE, ""]
    lines += [f"- {what}: {detail}" for what, detail in LINES]
    lines += ["", PRIVACY]
    return "\n".join(lines)
