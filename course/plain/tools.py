"""The learner's own tools in plain lines, and the help every prompt gives.

Each tool is a function of the context that prints and asks, then says where
to go (the map, or a lesson). The map lists only the tools this copy of the
course has; tools whose door is not there yet are simply absent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from course import crisis
from course.plain.context import TO_MAP, Context, Open
from course.session import Session


@dataclass(frozen=True)
class PlainTool:
    """One tool on the plain map.

    Attributes:
        key: The letter that opens it (the app's map key for the same tool).
        word: A word that opens it too.
        title: What the learner sees.
        summary: One line saying what it is for.
        run: Shows the tool; returns where to go after.
    """

    key: str
    word: str
    title: str
    summary: str
    run: Callable[[Context], Open]


# -- help -------------------------------------------------------------------------


def help_lines(session: Session | None) -> Iterator[str]:
    """The crisis lines, then the learner's own helpers, then that nobody watches.

    In the app's order (the F1 panel's), each block after an empty line so a
    screen reader user can tell where the crisis lines end and their own
    people begin.
    """
    yield "Get help now"
    yield crisis.HEADLINE
    for what, detail in crisis.LINES:
        yield f"- {what}: {detail}"
    if session is not None:
        helpers = list(own_helpers(session))
        if helpers:
            yield ""
            yield from helpers
    yield ""
    yield crisis.PRIVACY


def own_helpers(session: Session) -> Iterator[str]:
    """The helpers and professionals from the learner's safety plan."""
    from course.plain.safety import own_helpers as from_plan

    return from_plan(session)


# -- my notes ---------------------------------------------------------------------


def note_lines(session: Session) -> list[str]:
    """Every reflection and plan the learner wrote, under its lesson, with its prompt."""
    out: list[str] = []
    lesson_id: str | None = None
    for note in session.notes():
        if note.lesson.id != lesson_id:
            lesson_id = note.lesson.id
            out += ["", f"Lesson: {note.lesson.title}"]
        out.append(f"The lesson asked: {note.prompt}")
        if note.text is not None:
            out.append("You wrote:")
            out += note.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        else:
            out += [
                f"- {item.text}{' (your own)' if item.own else ''}: "
                f"{'ticked' if item.ticked else 'not ticked'}"
                for item in note.items
            ]
        out.append("")
    while out and out[-1] == "":
        out.pop()
    return out


def notes(ctx: Context) -> Open:
    lines = ctx.lines
    lines.gap()
    lines.say("My notes: every reflection and plan you wrote.")
    found = note_lines(ctx.session)
    if found:
        lines.say(*found)
    else:
        lines.say("Nothing yet. Reflections and plans you write in the lessons appear here.")
    lines.gap()
    lines.say("To keep a copy as a file for an appointment: trd-course export")
    while True:
        answer = lines.ask("Enter for the map (or help, quit): ")
        if answer in {"", "map", "back", "b", "next", "n"}:
            return TO_MAP
        lines.say("Press Enter for the map.")


def available_tools() -> tuple[PlainTool, ...]:
    """The tools this copy of the course has, in the app's order."""
    from course.plain import safety

    return (
        PlainTool(
            "s",
            "safety plan",
            "My safety plan",
            "Your own plan for a crisis: signs, what helps, who to call.",
            safety.safety_plan,
        ),
        PlainTool(
            "k",
            "check-in",
            "Check-in",
            "How the last two weeks have been (the PHQ-9), and your trend.",
            safety.checkin,
        ),
        PlainTool("m", "notes", "My notes", "Every reflection and plan you wrote.", notes),
    )
