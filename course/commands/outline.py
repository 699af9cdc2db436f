"""``trd-course outline``: a pack at a glance, for reviewing it before sharing.

Modules, lessons and steps with their ids, minutes, word counts and whether
each page fits an 80x24 terminal, read from the same course ``validate``
checks (the app's folders and options, plus each PATH).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from course.model import Course, Lesson, PlanStep, QuizStep, ReadStep, ReflectStep, Step


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "outline",
        help="list modules, lessons and steps with ids, minutes, words and page fit",
        description=(
            "Print the course's modules, lessons and steps with their ids, minutes, word "
            "counts and whether each page fits an 80x24 terminal without scrolling. "
            "Reads what the app would load (as 'validate' does), plus each PATH; with "
            "PATHs, lists only the lessons from them. Lessons with errors are left out "
            "(run 'validate'). Exit status: 0 shown, 1 errors found, 2 usage error."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="a folder of lessons or one lesson file to list",
    )
    parser.set_defaults(handler=run)


def words(text: str) -> int:
    return len(text.split())


def step_words(step: Step) -> int:
    """Every word of a step a learner reads, feedback and explanations included."""
    if isinstance(step, ReadStep):
        return words(step.body)
    if isinstance(step, QuizStep):
        total = words(step.intro)
        for question in step.questions:
            total += words(question.prompt) + words(question.explanation)
            total += sum(words(c.text) + words(c.feedback) for c in question.choices)
        return total
    if isinstance(step, ReflectStep):
        return words(step.prompt)
    return words(step.prompt) + sum(words(item.text) for item in step.items)


def step_detail(step: Step) -> str:
    from course.page_fit import READ_HEIGHT, page_lines

    if isinstance(step, ReadStep):
        lines = page_lines(step.body)
        fit = "fits" if lines <= READ_HEIGHT else f"scrolls (over {READ_HEIGHT})"
        return f"{_count(lines, 'line')} at 80x24: {fit}"
    if isinstance(step, QuizStep):
        several = sum(1 for q in step.questions if q.multiple)
        choices = sum(len(q.choices) for q in step.questions)
        extra = f", {several} select-all" if several else ""
        return f"{_count(len(step.questions), 'question')}{extra}, {choices} choices"
    if isinstance(step, PlanStep):
        own = "" if step.allow_custom else ", no own items"
        return f"{_count(len(step.items), 'item')}{own}"
    return "private answer"


def _count(number: int, noun: str) -> str:
    from course.problems import counted

    return counted(number, noun)


def outline_lines(course: Course, only: Sequence[Path] = ()) -> list[str]:
    """The outline as text lines; with ``only``, just lessons from those paths."""
    from course.safe_text import visible

    roots = [path.resolve() for path in only]

    def shown(lesson: Lesson) -> bool:
        where = lesson.path.resolve()
        return not roots or any(where == root or where.is_relative_to(root) for root in roots)

    lines = [visible(course.title)]
    for module in course.modules:
        lessons = [lesson for lesson in module.lessons if shown(lesson)]
        if not lessons:
            continue
        lines += ["", f"module {module.id}: {visible(module.title)}"]
        for lesson in lessons:
            total = sum(step_words(step) for step in lesson.steps)
            lines.append(
                f"  lesson {lesson.id}: {visible(lesson.title)} "
                f"({lesson.minutes} min, {_count(total, 'word')}) {visible(str(lesson.path))}"
            )
            for step in lesson.steps:
                lines.append(
                    f"    {step.kind:<7} {step.id}: {visible(step.title)} "
                    f"({_count(step_words(step), 'word')}; {step_detail(step)})"
                )
    return lines


def run(args: argparse.Namespace) -> int:
    from course.commands.validate import refuse_missing, summary, validate

    if refuse_missing("outline", list(args.paths)):
        return 2
    result = validate(args, list(args.paths))
    _print(outline_lines(result.course, list(args.paths)))
    if result.errors:
        from course.paths import validate_command

        print(
            f"trd-course outline: {summary(result)}; lessons with errors are not listed "
            f"(see them with: {validate_command(args, list(args.paths))})",
            file=sys.stderr,
        )
        return 1
    return 0


def _print(lines: Iterable[str]) -> None:
    for line in lines:
        print(line)
