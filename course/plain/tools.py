"""The learner's own tools in plain lines, and the help every prompt gives.

Each tool is a function of the context that prints and asks, then says where
to go (the map, or a lesson). The map lists only the tools this copy of the
course has; tools whose door is not there yet are simply absent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from course import crisis
from course.model import PlanStep, ReflectStep
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
    """The crisis lines, then the learner's own helpers from their safety plan."""
    yield "Get help now"
    yield crisis.HEADLINE
    for what, detail in crisis.LINES:
        yield f"- {what}: {detail}"
    yield crisis.PRIVACY
    if session is not None:
        yield from own_helpers(session)


def own_helpers(session: Session) -> Iterator[str]:
    """The people and places the learner wrote in their safety plan, if there is one."""
    return iter(())


# -- my notes ---------------------------------------------------------------------


def note_lines(session: Session) -> list[str]:
    """Every reflection and plan the learner wrote, under its lesson, with its prompt."""
    out: list[str] = []
    for lesson in session.course.lessons:
        section: list[str] = []
        for step in lesson.steps:
            if isinstance(step, ReflectStep):
                text = session.reflection(lesson, step)
                if text.strip():
                    section += ["", f"Reflection: {step.title}" if step.title else "Reflection"]
                    section.append(f"The lesson asked: {step.prompt}")
                    section.append("You wrote:")
                    section += text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            elif isinstance(step, PlanStep):
                state = session.plan(lesson, step)
                rows = [(item.text, item.id in state.ticked) for item in step.items]
                rows += [
                    (own.text + " (your own)", own.item_id in state.ticked)
                    for own in state.own_items
                ]
                if state.ticked or state.own_items:
                    section += ["", f"Plan: {step.title}" if step.title else "Plan"]
                    section.append(f"The lesson asked: {step.prompt}")
                    section += [
                        f"- {text}: {'ticked' if ticked else 'not ticked'}"
                        for text, ticked in rows
                    ]
        if section:
            out += ["", f"Lesson: {lesson.title}", *section]
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
    return (PlainTool("m", "notes", "My notes", "Every reflection and plan you wrote.", notes),)
