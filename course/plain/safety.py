"""The safety plan, the check-in and the item-9 panel, in plain lines.

The words are the clinician-reviewed ones in ``course/wording/`` (read
through ``course.wording``), printed in full; only the hints that name the
app's keys (F1, Esc, 0-3 presses) are said the line mode's way instead. The
rules are the app's: the plan is saved a line at a time; a check-in is kept
only once it is finished; and a non-zero answer to item 9 prints the panel
before anything else, which stays until the learner types the word it asks
for (a bare Enter never passes it).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from course import wording
from course.plain.context import TO_MAP, Context, Open
from course.plain.io import Leave, Lines
from course.session import Session

CONTINUE_WORD = "continue"
PLAN_WORD = "plan"
ADD_WORD = "add"
ITEM9_SOURCE = "checkin-item9"
"""Where a question added from the item-9 panel says it came from (the app's source)."""

NOT_KEPT = "Your check-in was not finished, so it was not saved: nothing from it is kept."


# -- help: the learner's own helpers -----------------------------------------------


def own_helpers(session: Session) -> Iterator[str]:
    """The parts of the safety plan the help panel shows (helpers, professionals)."""
    from course.safety_plan import has_plan, help_parts

    try:
        words = wording.safety_plan()
        parts = session.safety_plan.parts()
    except Exception:
        return
    if not has_plan(parts):
        yield "You have no safety plan yet: type s at the course map to make one."
        return
    shown = help_parts(words, parts)
    if shown:
        yield words.help_heading
    for part, entries in shown:
        yield part.title
        yield from (f"- {entry}" for entry in entries)
    yield "To see your whole safety plan, type s at the course map."


# -- my safety plan ----------------------------------------------------------------


def safety_plan(ctx: Context) -> Open:
    """The whole plan, then a part to write in by its number."""
    from course.safety_plan import entries

    lines = ctx.lines
    words = wording.safety_plan()
    door = ctx.session.safety_plan
    while True:
        parts = door.parts()
        lines.gap()
        lines.say(words.title)
        lines.say(*words.statements)
        for number, part in enumerate(words.parts, start=1):
            lines.gap()
            lines.say(f"{number}. {part.title}")
            found = entries(parts.get(part.id, ""))
            lines.say(*([f"- {entry}" for entry in found] or ["Nothing written yet."]))
        lines.gap()
        lines.say(f"Source: {words.source}")
        count = len(words.parts)
        while True:
            lines.gap()
            answer = lines.ask(
                f"A part's number (1 to {count}) to write in it, or Enter for the map: "
            )
            if answer in {"", "map", "back", "b", "next", "n"}:
                return TO_MAP
            if answer.isdigit() and 1 <= int(answer) <= count:
                break
            lines.say(f"Type a number from 1 to {count}, or press Enter for the map.")
        write_part(ctx, int(answer) - 1)


def write_part(ctx: Context, index: int) -> None:
    """One part: its prompt and examples, then entries a line at a time, each saved."""
    from course.safety_plan import entries

    lines = ctx.lines
    words = wording.safety_plan()
    door = ctx.session.safety_plan
    part = words.parts[index]
    text = door.parts().get(part.id, "")
    lines.gap()
    lines.say(part.title, part.prompt)
    lines.say(words.examples_label, *(f"- {example}" for example in part.examples))
    found = entries(text)
    if found:
        lines.say("What you wrote:", *(f"- {entry}" for entry in found))
    lines.say(
        "One entry per line, in your own words; each line is saved as you go. "
        "An empty line ends it. To write this part again from the start, type clear."
    )
    while True:
        line, command = lines.ask_text("> ", frozenset({"clear", "map", "back", "next"}))
        if command == "clear":
            if door.save(part.id, ""):
                text = ""
                lines.say("Cleared. Type this part again, one entry per line.")
            continue
        if command is not None or not line.strip():
            lines.say("Saved.")
            return
        joined = f"{text}\n{line}" if text.strip() else line
        if door.save(part.id, joined):
            text = joined


# -- the check-in ------------------------------------------------------------------


def _answer(
    lines: Lines, labels: tuple[str, ...], prompt: str, skip: bool = False
) -> int | str | None:
    """A PHQ-9 answer 0-3 (by number or its words), "back" / "map", or None (skipped)."""
    while True:
        answer = lines.ask(prompt)
        if answer == "" and skip:
            return None
        if answer in {"back", "b", "map"}:
            return "map" if answer == "map" else "back"
        if answer.isdigit() and 0 <= int(answer) < len(labels):
            return int(answer)
        for score, label in enumerate(labels):
            if answer == label.lower():
                return score
        if answer == "":
            lines.say("Type the number of your answer, 0 to 3.")
        else:
            lines.say(f"Type a number from 0 to {len(labels) - 1}: the one before the answer.")


def item9_panel(ctx: Context, item9: int) -> None:
    """The calm panel after a non-zero item 9: printed first, left only by typing "continue"."""
    lines = ctx.lines
    panel = wording.item9()
    added = ctx.session.questions.has(panel.question, ITEM9_SOURCE)

    def show() -> None:
        lines.gap()
        lines.say(panel.title, *panel.lines(item9))
        lines.gap()
        lines.say(f"{PLAN_WORD}: {panel.open_plan}")
        if not added:
            lines.say(f"{ADD_WORD}: {panel.add_question}")
        lines.say(f"{CONTINUE_WORD}: {panel.continue_label}")
        lines.say(f"This stays until you type {CONTINUE_WORD}. Type help for the crisis lines.")

    show()
    while True:
        lines.gap()
        adding = "" if added else f", {ADD_WORD} to add it to your questions,"
        answer = lines.ask(
            f"Type {CONTINUE_WORD} to go on with the check-in, {PLAN_WORD} for your safety plan"
            f"{adding} or help: "
        )
        if answer == CONTINUE_WORD:
            return
        if answer == PLAN_WORD:
            show_plan(ctx)
            show()
        elif answer == ADD_WORD and not added:
            if ctx.session.questions.add(panel.question, ITEM9_SOURCE) is not None:
                added = True
                lines.say(panel.question_added + ".")
        else:
            show()


def show_plan(ctx: Context) -> None:
    """The learner's whole safety plan, read only (from the item-9 panel)."""
    from course.safety_plan import entries

    words = wording.safety_plan()
    parts = ctx.session.safety_plan.parts()
    ctx.lines.gap()
    ctx.lines.say(words.title)
    for part in words.parts:
        found = entries(parts.get(part.id, ""))
        ctx.lines.say(part.title, *([f"- {entry}" for entry in found] or ["Nothing written yet."]))
    ctx.lines.say("To write in your plan, type s at the course map after the check-in.")


def checkin(ctx: Context) -> Open:
    """The PHQ-9 a question at a time; kept once finished, then the result in words."""
    lines = ctx.lines
    form = wording.phq9()
    words = wording.checkin()
    door = ctx.session.checkins
    lines.gap()
    lines.say(form.title, words.intro[0])
    lines.say(
        "Nothing is saved until you reach the end. Answer with the number before an answer "
        "(0 to 3); back goes back a question, map leaves without saving."
    )
    answers: list[int] = []
    panel_shown = False
    try:
        lines.gap()
        lines.say(form.stem)
        while len(answers) < len(form.items):
            number = len(answers) + 1
            lines.gap()
            lines.say(words["question_of"].format(n=number, count=len(form.items)))
            lines.say(form.items[number - 1])
            lines.say(*(f"{score}. {label}" for score, label in enumerate(form.answers)))
            got = _answer(lines, form.answers, "Your answer (0 to 3), or back, map, help: ")
            if got == "map":
                lines.say(NOT_KEPT)
                return TO_MAP
            if not isinstance(got, int):  # back a question
                if answers:
                    answers.pop()
                continue
            answers.append(got)
            if number == len(form.items) and got > 0:
                panel_shown = True
                item9_panel(ctx, got)
        lines.gap()
        lines.say(words["difficulty_heading"], form.difficulty)
        lines.say(*(f"{score}. {label}" for score, label in enumerate(form.difficulty_answers)))
        difficulty = _answer(
            lines,
            form.difficulty_answers,
            "Your answer (0 to 3), Enter to leave it out, or map, help: ",
            skip=True,
        )
        if difficulty == "map":
            lines.say(NOT_KEPT)
            return TO_MAP
    except Leave:
        lines.say(NOT_KEPT)
        raise
    saved = door.save(answers, difficulty if isinstance(difficulty, int) else None, panel_shown)
    if saved is None:
        return TO_MAP
    result(ctx)
    lines.say(form.attribution)
    lines.gap()
    lines.ask("Enter for the map: ")
    return TO_MAP


def result(ctx: Context) -> None:
    from course.checkin import result_lines
    from course.trend_chart import table_lines

    words = wording.checkin()
    points = ctx.session.checkins.points()
    lines = ctx.lines
    lines.gap()
    lines.say(words["result_heading"], *result_lines(points, words.texts))
    if len(points) > 1:
        lines.gap()
        lines.say(words["table_heading"])
        lines.say(*table_lines(points, words.table_columns, words["item9_yes"], words["item9_no"]))
        lines.say(words["table_note"])


def suggestion(session: Session) -> str | None:
    """The calm line the map shows when two weeks have passed since the last check-in."""
    try:
        return session.checkins.suggestion(datetime.now().astimezone())
    except Exception:
        return None
