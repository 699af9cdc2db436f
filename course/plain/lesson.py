"""One lesson in plain lines: pages, quizzes, reflections, plans and the summary.

It keeps the app's rules by using the same session verbs at the same moments:
opening a lesson marks it started, showing a step keeps the place (so the app
continues at that step, and the other way round), every answer, line of a
reflection and tick is saved as it happens, and reaching the summary finishes
the lesson and moves Continue on.

Each step returns where to go: the next step, the one before, the map, or
another lesson.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from course.grading import Grade, grade, in_shown_order
from course.model import Lesson, PlanStep, Question, QuizStep, ReadStep, ReflectStep, Step
from course.plain.context import TO_MAP, Context, Open
from course.plain.markdown_text import plain_lines

if TYPE_CHECKING:
    from course.model import Choice

NEXT, BACK, MAP = "next", "back", "map"
MOVES = frozenset({NEXT, BACK, MAP})


def run_lesson(ctx: Context, target: Open) -> Open:
    """Show ``target.lesson`` from its step until the learner goes elsewhere."""
    lesson = target.lesson
    assert lesson is not None
    session = ctx.session
    session.start_lesson(lesson)
    ctx.lines.gap()
    ctx.lines.say(f"Lesson: {lesson.title} ({lesson.minutes} minutes, {len(lesson.steps)} steps)")
    index = max(0, min(target.step, len(lesson.steps)))
    part, from_end = target.part, target.from_end
    while True:
        if index >= len(lesson.steps):
            went = summary(ctx, lesson)
            if went == BACK and lesson.steps:
                index, part, from_end = len(lesson.steps) - 1, 0, True
                continue
            return went if isinstance(went, Open) else TO_MAP
        step = lesson.steps[index]
        session.reach_step(lesson, step)
        ctx.lines.gap()
        title = f": {step.title}" if step.title else ""
        ctx.lines.say(f"Step {index + 1} of {len(lesson.steps)}{title}")
        last = index == len(lesson.steps) - 1
        move = show_step(ctx, lesson, step, part, from_end, last)
        part, from_end = 0, False
        if move == MAP:
            return TO_MAP
        if move == BACK:
            if index == 0:
                ctx.lines.say("This is the first step. Type map for the course map.")
                continue
            index -= 1
            from_end = True
        else:
            index += 1


def show_step(
    ctx: Context, lesson: Lesson, step: Step, part: int, from_end: bool, last: bool
) -> str:
    if isinstance(step, ReadStep):
        return read_step(ctx, step, last)
    if isinstance(step, QuizStep):
        return quiz_step(ctx, lesson, step, part, from_end, last)
    if isinstance(step, ReflectStep):
        return reflect_step(ctx, lesson, step)
    return plan_step(ctx, lesson, step, last)


def _onward(last: bool) -> str:
    return "Enter to finish the lesson" if last else "Enter for the next step"


def wait_to_move(ctx: Context, prompt: str) -> str:
    """Ask until the answer is a move; Enter is "next"."""
    while True:
        answer = ctx.lines.ask(prompt)
        if answer in {"", "n"}:
            return NEXT
        if answer == "b":
            return BACK
        if answer in MOVES:
            return answer
        ctx.lines.say("Type next (or press Enter), back, map, help or quit.")


# -- a page -------------------------------------------------------------------


def read_step(ctx: Context, step: ReadStep, last: bool) -> str:
    ctx.lines.gap()
    ctx.lines.say(*plain_lines(step.body))
    ctx.lines.gap()
    return wait_to_move(ctx, f"{_onward(last)} (or back, map, help, quit): ")


# -- a quiz -------------------------------------------------------------------


def verdict(result: Grade) -> str:
    """Right or wrong in words; the app's ✓ and ✗ are left to the app."""
    return result.verdict.lstrip("✓✗ ") + "."


def feedback_lines(result: Grade, multiple: bool) -> list[str]:
    """What the app shows after an answer, as lines: verdict, each choice's feedback, why."""
    lines = [verdict(result)]
    for choice in result.chosen:
        mark = "Right" if choice.correct else "Not right"
        lines.append(f"{mark}: {choice.text}")
        lines += [choice.feedback] if choice.feedback else []
    label = "Also right" if multiple else "The right answer"
    for choice in result.missed:
        lines.append(f"{label}: {choice.text}")
        lines += [choice.feedback] if choice.feedback else []
    if result.explanation:
        lines.append(f"Why: {result.explanation}")
    return lines


def parse_numbers(answer: str, count: int) -> tuple[list[int], str | None]:
    """Choice numbers from "2" or "1 3" (commas too); or the sentence saying what went wrong."""
    words = answer.replace(",", " ").split()
    if not words or not all(word.isdigit() for word in words):
        return [], None
    numbers: list[int] = []
    for word in words:
        number = int(word)
        if not 1 <= number <= count:
            return [], f"There is no choice {number}: type a number from 1 to {count}."
        if number not in numbers:
            numbers.append(number)
    return numbers, None


def quiz_step(
    ctx: Context, lesson: Lesson, step: QuizStep, part: int, from_end: bool, last: bool
) -> str:
    questions = step.questions
    index = len(questions) - 1 if from_end else max(0, min(part, len(questions) - 1))
    if step.intro and index == 0:
        ctx.lines.gap()
        ctx.lines.say(*plain_lines(step.intro))
    while True:
        move = ask_question(ctx, lesson, questions[index], index, len(questions), last)
        if move == NEXT:
            if index + 1 >= len(questions):
                return NEXT
            index += 1
        elif move == BACK:
            if index == 0:
                return BACK
            index -= 1
        else:
            return move


def _choice_lines(choices: Sequence[Choice], picked: set[str]) -> list[str]:
    return [
        f"{number}. {choice.text}" + (" (your answer)" if choice.id in picked else "")
        for number, choice in enumerate(choices, start=1)
    ]


def ask_question(
    ctx: Context, lesson: Lesson, question: Question, index: int, total: int, last: bool
) -> str:
    """One question: its choices numbered, answered by number, feedback after."""
    session, lines = ctx.session, ctx.lines
    choices = session.choices(question)
    latest = session.latest_answers(lesson).get(question.id)
    lines.gap()
    if total > 1:
        lines.say(f"Question {index + 1} of {total}")
    lines.say(question.prompt)
    if question.multiple:
        lines.say("Select all that apply: type every number that fits, like 1 3.")
    else:
        lines.say("Pick one: type its number.")
    lines.say(*_choice_lines(choices, set(latest or ())))
    answered = latest is not None
    if latest is not None:
        lines.gap()
        lines.say("Your last answer:")
        lines.say(
            *feedback_lines(in_shown_order(grade(question, latest), choices), question.multiple)
        )
    onward = "next question" if index + 1 < total else ("finish" if last else "next step")
    while True:
        lines.gap()
        if answered:
            prompt = f"Enter for the {onward}, or another answer to check again: "
        elif question.multiple:
            prompt = "Your answers (numbers like 1 3), or next, back, map, help: "
        else:
            prompt = "Your answer (a number), or next, back, map, help: "
        answer = lines.ask(prompt)
        if (answer == "" and answered) or answer in {NEXT, "n"}:
            return NEXT
        if answer in {BACK, "b"}:
            return BACK
        if answer == MAP:
            return MAP
        if answer == "":
            lines.say("Type the number of your answer, or next to leave this question for now.")
            continue
        numbers, problem = parse_numbers(answer, len(choices))
        if problem is not None or not numbers:
            lines.say(problem or f"Type a number from 1 to {len(choices)}, or next, back or map.")
            continue
        if not question.multiple and len(numbers) > 1:
            lines.say("This question takes one answer: type one number.")
            continue
        chosen = tuple(choices[number - 1].id for number in numbers)
        result = session.answer(lesson, question, chosen)
        if result is None:
            continue  # not saved: the learner has been told why
        lines.gap()
        lines.say(*feedback_lines(in_shown_order(result, choices), question.multiple))
        answered = True


# -- a reflection ---------------------------------------------------------------

CLEAR = "clear"


def reflect_step(ctx: Context, lesson: Lesson, step: ReflectStep) -> str:
    """Lines typed until an empty one; the whole text is saved after every line."""
    session, lines = ctx.session, ctx.lines
    text = session.reflection(lesson, step)
    lines.gap()
    lines.say(step.prompt)
    if step.placeholder:
        lines.say(f"Hint: {step.placeholder}")
    lines.say("This stays on this computer. Nobody reads it but you.")
    if text:
        lines.gap()
        lines.say("What you wrote before:")
        lines.say(*text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        lines.gap()
        lines.say(
            "Type more lines to add to it, or press Enter to keep it as it is. "
            "To write it again from the start, type clear."
        )
    else:
        lines.say(
            "Type your answer, one line at a time: each line is saved as you go. "
            "An empty line ends it. To skip it for now, press Enter."
        )
    while True:
        line, command = lines.ask_text("> ", MOVES | {CLEAR})
        if command == CLEAR:
            if session.save_reflection(lesson, step, ""):
                text = ""
                lines.say("Cleared. Type your answer again, one line at a time.")
            continue
        if command is not None:
            return command
        if line.strip() == "":
            if text:
                lines.say("Saved.")
            return NEXT
        joined = f"{text}\n{line}" if text else line
        if session.save_reflection(lesson, step, joined):
            text = joined


# -- a plan ---------------------------------------------------------------------

ADD = "a"


def _plan_rows(ctx: Context, lesson: Lesson, step: PlanStep) -> list[tuple[str, str, bool]]:
    """(item id, text, ticked) for the author's items, then the learner's own."""
    state = ctx.session.plan(lesson, step)
    rows = [(item.id, item.text, item.id in state.ticked) for item in step.items]
    rows += [(own.item_id, own.text, own.item_id in state.ticked) for own in state.own_items]
    return rows


def _plan_line(number: int, text: str, ticked: bool) -> str:
    return f"{number}. {text}: {'ticked' if ticked else 'not ticked'}"


def plan_step(ctx: Context, lesson: Lesson, step: PlanStep, last: bool) -> str:
    session, lines = ctx.session, ctx.lines
    lines.gap()
    lines.say(step.prompt)

    def show_all() -> list[tuple[str, str, bool]]:
        rows = _plan_rows(ctx, lesson, step)
        lines.say(*(_plan_line(n, text, on) for n, (_, text, on) in enumerate(rows, start=1)))
        return rows

    rows = show_all()
    adding = ", a to add your own" if step.allow_custom else ""
    prompt = f"A number to tick or untick{adding}, list, or {_onward(last)}: "
    while True:
        lines.gap()
        answer = lines.ask(prompt)
        if answer in {"", NEXT, "n"}:
            return NEXT
        if answer in {BACK, "b"}:
            return BACK
        if answer == MAP:
            return MAP
        if answer in {"list", "l"}:
            rows = show_all()
            continue
        if answer == ADD and step.allow_custom:
            own, command = lines.ask_text("Your own action (an empty line to cancel): ", MOVES)
            if command is not None:
                return command
            if own.strip():
                added = session.add_own_item(lesson, step, own.strip())
                if added is not None:
                    rows = _plan_rows(ctx, lesson, step)
                    lines.say(f"Added and ticked: {added.text} (number {len(rows)}).")
            continue
        numbers, problem = parse_numbers(answer, len(rows))
        if problem is not None or not numbers:
            lines.say(problem or f"Type a number from 1 to {len(rows)}{adding}, or Enter.")
            continue
        for number in numbers:
            item_id, text, ticked = rows[number - 1]
            session.tick(lesson, step, item_id, not ticked)
        rows = _plan_rows(ctx, lesson, step)
        for number in numbers:
            _, text, ticked = rows[number - 1]
            lines.say(_plan_line(number, text, ticked))


# -- the summary ----------------------------------------------------------------


def first_unanswered(ctx: Context, lesson: Lesson) -> tuple[int, int] | None:
    """The step and question of the first question not answered yet, if any."""
    answered = ctx.session.latest_answers(lesson)
    for index, step in enumerate(lesson.steps):
        if isinstance(step, QuizStep):
            for part, question in enumerate(step.questions):
                if question.id not in answered:
                    return index, part
    return None


def summary(ctx: Context, lesson: Lesson) -> Open | str:
    """The lesson's end: finished, its summary, the score in words, and the ways on."""
    session, lines = ctx.session, ctx.lines
    session.finish_lesson(lesson)
    following = session.lesson_after(lesson)
    score = session.lesson_score(lesson)
    rest = first_unanswered(ctx, lesson)
    lines.gap()
    lines.say(f"You finished the lesson: {lesson.title}")
    lines.say(lesson.summary)
    if score is not None:
        if score.answered:
            lines.say(f"Quiz: {score.describe()}.")
        else:
            lines.say(f"Quiz: {score.total} questions to answer whenever you like.")
    lines.gap()
    ways = []
    if following is not None:
        ways.append(f"Enter for the next lesson, {following.title}")
    else:
        ways.append("Enter for the map")
    if rest is not None:
        ways.append("rest to answer the rest")
    ways.append("again to go through it again")
    ways.append("map")
    prompt = "; ".join(ways) + ": "
    while True:
        answer = lines.ask(prompt)
        if answer in {"", NEXT, "n"}:
            return Open(following) if following is not None else TO_MAP
        if answer == MAP:
            return TO_MAP
        if answer in {BACK, "b"}:
            return BACK
        if answer in {"again", "a"}:
            return Open(lesson)
        if answer in {"rest", "r"} and rest is not None:
            return Open(lesson, rest[0], rest[1])
        lines.say("Type one of: " + prompt.removesuffix(": ").replace("; ", ", or "))
