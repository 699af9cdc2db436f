"""The course map as a numbered list, each lesson's status in words.

What the app's map shows, read from the store the same way (one
``map_view``): how many lessons are done, where Continue goes, the learner's
own tools, and every lesson under its module with its number, status and
length. The learner answers with a lesson's number, ``c`` to continue, or a
tool's letter.
"""

from __future__ import annotations

from collections.abc import Sequence

from course.model import Lesson
from course.plain.context import Context, Open
from course.plain.tools import PlainTool


def map_lines(ctx: Context, tools: Sequence[PlainTool]) -> tuple[list[str], Open | None]:
    """The map's lines, and where Continue goes (None on a fresh start)."""
    course = ctx.session.course
    view = ctx.session.map_view()
    lines = [course.title, f"{view.done} of {len(course.lessons)} lessons done."]
    place = view.continue_place
    target: Open | None = None
    if place is not None:
        target = Open(place.lesson, place.step)
        lines.append(
            f"c: Continue with {place.lesson.title}, "
            f"step {place.step + 1} of {len(place.lesson.steps)}."
        )
    if any(tool.key == "k" for tool in tools):
        from course.plain.safety import suggestion

        due = suggestion(ctx.session)
        if due is not None:
            lines.append(due)
    if tools:
        lines += ["", "Your own tools:"]
        lines += [f"{tool.key}: {tool.title}. {tool.summary}" for tool in tools]
    number = 0
    for module in course.modules:
        if not module.lessons:
            continue
        lines += ["", f"Module: {module.title}"]
        for lesson in module.lessons:
            number += 1
            standing = view.standings[lesson.id]
            lines.append(
                f"{number}. {lesson.title}: {standing.describe()}, {lesson.minutes} minutes."
            )
    return lines, target


def choose(ctx: Context, tools: Sequence[PlainTool]) -> Open | PlainTool:
    """Show the map and ask until the learner picks a lesson, Continue or a tool."""
    lessons: tuple[Lesson, ...] = ctx.session.course.lessons
    shown, target = map_lines(ctx, tools)
    ctx.lines.gap()
    ctx.lines.say(*shown)
    start = "Enter to continue" if target is not None else "Enter to start with lesson 1"
    letters = "".join(f", {tool.key} for {tool.title}" for tool in tools)
    prompt = f"Lesson number (1 to {len(lessons)}), {start}{letters}, help or quit: "
    while True:
        ctx.lines.gap()
        answer = ctx.lines.ask(prompt)
        if answer in {"", "c", "continue", "next", "n"}:
            place = ctx.session.continue_place()  # read again: the store is the truth
            if place is not None:
                return Open(place.lesson, place.step)
            return Open(lessons[0]) if lessons else Open()
        if answer in {"map", "back", "b", "list", "l"}:
            shown, target = map_lines(ctx, tools)
            ctx.lines.gap()
            ctx.lines.say(*shown)
            continue
        for tool in tools:
            if answer in {tool.key, tool.word}:
                return tool
        if answer.isdigit() and 1 <= int(answer) <= len(lessons):
            lesson = lessons[int(answer) - 1]
            place = ctx.session.resume_place(lesson)
            return Open(place.lesson, place.step)
        ctx.lines.say(f"Type a lesson number from 1 to {len(lessons)}, or press Enter.")
