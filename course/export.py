"""The learner's notes as Markdown, to take to an appointment.

A pure function of the course, a snapshot of the store and the time, so it can
be tested without a terminal, a screen or a file, and so the command line and
the app produce the same document.

Two promises shape it:

- Nothing the learner wrote is ever dropped. Progress for lessons, steps,
  questions or plan items the author has since removed (or that failed to
  load) is listed under "Other saved notes" with its ids.
- The learner's words are kept exactly, and shown only as text. Reflections
  are quoted line by line (``> `` before each line), and every character
  Markdown or HTML could act on (``<``, ``&``, ``*``, ``[``, a ``#`` or list
  marker starting a line...) is escaped with a backslash, so no rendering
  lets a reflection leave its quote, become markup, or hide what follows (a
  ``<!--`` once hid the rest of the document). Stripping ``> `` and then the
  backslash before each escaped mark gives back the text as saved. The only
  other changes: line endings become ``\\n``, and control and
  direction-override characters are drawn visibly (``course.safe_text``).
- The author's words are escaped the same way and labelled as the lesson's
  ("The lesson asked:"), never quoted: a prompt cannot forge a quote that
  looks like something the learner wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from course.model import Course, Lesson, PlanStep, Question, QuizStep, ReflectStep
from course.safe_text import visible_lines
from course.standing import score

if TYPE_CHECKING:  # only the record types: importing progress would load sqlite3
    from progress import (
        LessonProgress,
        PlanState,
        QuizAttempt,
        Reflection,
        Snapshot,
    )

PRIVACY_NOTE = (
    "These notes hold private health information. Keep it somewhere safe; share it "
    "only with people you choose, such as your care team."
)
NOT_ADVICE = (
    "The course is education and self-help, not medical advice: talk over anything "
    "here with the people who care for you before changing your treatment."
)
OTHER_HEADING = "Other saved notes"
OTHER_EXPLAINED = (
    "These were saved for lessons, steps, questions or plan items that are not in "
    "the course as it was loaded for this export. The likeliest reason: the lesson "
    "pack they belong to was not loaded. Export again with the same --lessons you "
    "run the course with, and they appear under their lessons. Otherwise an author "
    "removed or renamed them, or a lesson file could not be read. They are kept "
    "here, with their ids, so nothing you wrote is lost."
)
"""Why notes sit under ``OTHER_HEADING``, likeliest cause first: a pack left out of
``--lessons`` looks, to the export, exactly like a removed lesson."""

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""Month names for dates in words (the brief and the treatment history use them too)."""

_BACKTICKS = re.compile("`+")
_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
"""Marks that start markup anywhere in a line: emphasis, code, links, HTML,
entities, tables, strikethrough (and the backslash itself, so escaping can be
undone without doubt)."""
_LINE_START = re.compile(r"^([ \t]*)(#|\+|-|=|\d{1,9}(?=[.)]))")
"""Marks that mean something only at the start of a line: headings, lists,
setext underlines (``*`` and ``>`` are already escaped everywhere)."""


# -- text helpers ------------------------------------------------------------


def safe_text(text: str) -> str:
    """Normalise line endings and make unsafe characters visible; keep the rest."""
    return visible_lines(text)


def escape_line(line: str, inline: re.Pattern[str] = _INLINE) -> str:
    """One line of untrusted text as Markdown that renders as exactly that text.

    Args:
        inline: The marks escaped anywhere in the line (one group); the brief
            adds ``!`` to the export's.
    """
    line = inline.sub(r"\\\1", line)
    match = _LINE_START.match(line)
    if match is None:
        return line
    lead, marker = match.groups()
    rest = line[match.end() :]
    if marker[0].isdigit():  # "1." or "1)": escape the dot or parenthesis
        return f"{lead}{marker}\\{rest}"
    return f"{lead}\\{marker}{rest}"


def escape(text: str) -> list[str]:
    """Untrusted text as escaped Markdown lines (see :func:`escape_line`)."""
    return [escape_line(line) for line in safe_text(text).split("\n")]


def plain_one_line(text: str) -> str:
    """Untrusted text on one line: spaces collapsed, unsafe characters visible."""
    return " ".join(safe_text(text).split())


def _one_line(text: str) -> str:
    """Author text for a heading or a label: one line, spaces collapsed, escaped."""
    return escape_line(plain_one_line(text))


def quote_lines(lines: list[str]) -> list[str]:
    """Already escaped lines as a blockquote (an empty line as a bare ``>``)."""
    return [f"> {line}" if line else ">" for line in lines]


def quote(text: str) -> list[str]:
    """The learner's text as a blockquote of escaped lines.

    Dropping ``> `` (or ``>``) from each line, then the backslash before each
    escaped mark, restores it.
    """
    return quote_lines(escape(text))


def code(text: str) -> str:
    """An id as a Markdown code span, whatever backticks it holds."""
    text = plain_one_line(text)
    if not text:
        return "(no id)"
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _item(marker: str, text: str, indent: str = "", *, markdown: bool = False) -> list[str]:
    """A list item whose later lines stay inside the item.

    Args:
        markdown: ``text`` is this module's own Markdown (a code span), not
            untrusted text to escape.
    """
    first, *rest = safe_text(text).split("\n") if markdown else escape(text)
    inner = indent + " " * len(marker)
    return [f"{indent}{marker}{first}".rstrip()] + [
        f"{inner}{line}" if line else "" for line in rest
    ]


def _prompt(text: str) -> list[str]:
    """An author's prompt: escaped, and labelled as the lesson's words, never quoted."""
    lines = escape(safe_text(text).strip("\n"))
    return [f"*The lesson asked:* {lines[0]}", *lines[1:]]


def day_words(day: date) -> str:
    """A day in words: ``2 December 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _date(moment: datetime, zone: datetime) -> str:
    return day_words(moment.astimezone(zone.tzinfo))


def _time_of_day(moment: datetime) -> str:
    zone = moment.strftime("%Z") or "UTC"
    return f"{moment:%H:%M} {zone}"


def _right(correct: bool) -> str:
    return "right" if correct else "wrong"


def _attempts(count: int) -> str:
    return "1 attempt" if count == 1 else f"{count} attempts"


@dataclass(frozen=True)
class _Answered:
    """What the notes show of one question: first grade, latest answer, how many."""

    lesson_id: str
    question_id: str
    attempts: int
    first_correct: bool
    latest: QuizAttempt


def _question_results(snapshot: Snapshot) -> list[_Answered]:
    """Each answered question's summary: from the store's, or from every attempt.

    The export command asks the store for summaries only (a long history of
    answers need not be loaded); a snapshot with every attempt works too.
    """
    if snapshot.question_results or not snapshot.attempts:
        return [
            _Answered(r.lesson_id, r.question_id, r.attempts, r.first_correct, r.latest)
            for r in snapshot.question_results
        ]
    grouped: dict[tuple[str, str], list[QuizAttempt]] = {}
    for attempt in sorted(snapshot.attempts, key=lambda a: a.attempt_id):
        grouped.setdefault((attempt.lesson_id, attempt.question_id), []).append(attempt)
    return [
        _Answered(lesson_id, question_id, len(tries), tries[0].correct, tries[-1])
        for (lesson_id, question_id), tries in grouped.items()
    ]


# -- gathering the snapshot by lesson ----------------------------------------


@dataclass
class _Saved:
    """Everything the snapshot holds for one lesson id."""

    progress: LessonProgress | None = None
    answers: dict[str, _Answered] = field(default_factory=dict)
    reflections: dict[str, Reflection] = field(default_factory=dict)
    plans: dict[str, PlanState] = field(default_factory=dict)


def _by_lesson(snapshot: Snapshot) -> dict[str, _Saved]:
    saved: dict[str, _Saved] = {}
    for progress in snapshot.lessons:
        if progress.started_at is None and progress.completed_at is None:
            continue  # only Continue moved there when the lesson before was finished
        saved.setdefault(progress.lesson_id, _Saved()).progress = progress
    for result in _question_results(snapshot):
        saved.setdefault(result.lesson_id, _Saved()).answers[result.question_id] = result
    for reflection in snapshot.reflections:
        saved.setdefault(reflection.lesson_id, _Saved()).reflections[reflection.step_id] = (
            reflection
        )
    for plan in snapshot.plans:
        saved.setdefault(plan.lesson_id, _Saved()).plans[plan.step_id] = plan
    return saved


# -- the document ------------------------------------------------------------


@dataclass
class _Writer:
    now: datetime
    lines: list[str] = field(default_factory=list)

    def block(self, lines: Iterable[str]) -> None:
        """Add lines as one block, with a blank line before it."""
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.lines.extend(lines)

    def date(self, moment: datetime) -> str:
        return _date(moment, self.now)

    def status(self, progress: LessonProgress | None) -> str:
        if progress is not None and progress.completed_at is not None:
            return f"Completed on {self.date(progress.completed_at)}."
        if progress is not None and progress.started_at is not None:
            return f"Started on {self.date(progress.started_at)}; not finished yet."
        return "Not finished yet."

    def question(self, number: int, question: Question, result: _Answered) -> None:
        lines = _item(f"{number}. ", question.prompt)
        pad = " " * len(f"{number}. ")
        latest = result.latest
        lines.append(f"{pad}- First try: {_right(result.first_correct)}")
        lines.append(f"{pad}- Your latest answer ({_right(latest.correct)}):")
        choices = {choice.id: choice for choice in question.choices}
        for choice_id in latest.choice_ids:
            choice = choices.get(choice_id)
            if choice is None:
                text = f"choice {code(choice_id)} (no longer in the lesson)"
                lines += _item("- ", text, pad + "  ", markdown=True)
            else:
                lines += _item("- ", choice.text, pad + "  ")
        if not latest.choice_ids:
            lines.append(f"{pad}  - (no choice picked)")
        lines.append(f"{pad}- {_attempts(result.attempts)}")
        self.block(lines)

    def reflection(self, reflection: Reflection) -> None:
        if reflection.text.strip():
            self.block(["**You wrote:**"])
            self.block(quote(reflection.text))
        else:
            self.block(["*(left empty)*"])
        self.block([f"*Last changed on {self.date(reflection.updated_at)}.*"])


def _own_items(plan: PlanState) -> list[str]:
    """The learner's own plan items, ticked or not, marked as theirs."""
    lines: list[str] = []
    for own in plan.own_items:
        box = "[x]" if own.item_id in plan.ticked else "[ ]"
        item = _item(f"- {box} ", own.text)
        item[0] += " *(your own)*"
        lines += item
    return lines


def _lesson_heading(course: Course, lesson: Lesson) -> list[str]:
    lines = [f"## {_one_line(lesson.title)}"]
    module = course.module(lesson.module)
    if module is not None:
        lines += ["", f"Module: {_one_line(module.title)}"]
    return lines


def _lesson_section(w: _Writer, course: Course, lesson: Lesson, saved: _Saved) -> None:
    w.block(_lesson_heading(course, lesson))
    w.block([w.status(saved.progress)])
    answers = {qid: (r.first_correct, r.latest.correct) for qid, r in saved.answers.items()}
    result = score(lesson, answers)
    if result is not None and result.answered:
        first = f"{result.first_try} of {result.answered} answered right on the first try"
        w.block([f"Quiz: {result.describe()} ({first})."])
    for step in lesson.steps:
        if isinstance(step, QuizStep):
            asked = [q for q in step.questions if q.id in saved.answers]
            if not asked:
                continue
            w.block([f"### Quiz: {_one_line(step.title)}"])
            for number, question in enumerate(asked, start=1):
                w.question(number, question, saved.answers[question.id])
        elif isinstance(step, ReflectStep):
            reflection = saved.reflections.get(step.id)
            if reflection is None:
                continue
            w.block([f"### Reflection: {_one_line(step.title)}"])
            w.block(_prompt(step.prompt))
            w.reflection(reflection)
        elif isinstance(step, PlanStep):
            plan = saved.plans.get(step.id)
            if plan is None:
                continue
            w.block([f"### Plan: {_one_line(step.title)}"])
            w.block(_prompt(step.prompt))
            lines: list[str] = []
            for item in step.items:
                box = "[x]" if item.id in plan.ticked else "[ ]"
                lines += _item(f"- {box} ", item.text)
            lines += _own_items(plan)
            w.block(lines)


def _orphans(lesson: Lesson | None, saved: _Saved) -> _Saved:
    """What in ``saved`` the lesson (None: not in the course) has no place for."""
    if lesson is None:
        return saved
    questions = {q.id for q in lesson.questions}
    reflect_steps = {s.id for s in lesson.steps if isinstance(s, ReflectStep)}
    plan_steps = {s.id: s for s in lesson.steps if isinstance(s, PlanStep)}
    left = _Saved(
        answers={q: result for q, result in saved.answers.items() if q not in questions},
        reflections={s: r for s, r in saved.reflections.items() if s not in reflect_steps},
    )
    for step_id, plan in saved.plans.items():
        step = plan_steps.get(step_id)
        if step is None:
            left.plans[step_id] = plan
            continue
        known = {item.id for item in step.items} | {own.item_id for own in plan.own_items}
        lost_ticks = plan.ticked - known
        if lost_ticks:
            left.plans[step_id] = replace(plan, ticked=frozenset(lost_ticks), own_items=())
    return left


def _has_any(saved: _Saved) -> bool:
    return bool(saved.progress or saved.answers or saved.reflections or saved.plans)


def _other_section(w: _Writer, lesson_id: str, lesson: Lesson | None, saved: _Saved) -> None:
    if lesson is None:
        w.block([f"### Lesson {code(lesson_id)} (no longer in the course)"])
        if saved.progress is not None:
            w.block([w.status(saved.progress)])
    else:
        w.block([f"### {_one_line(lesson.title)} ({code(lesson_id)})"])
    for question_id, result in saved.answers.items():
        latest = result.latest
        picked = ", ".join(code(c) for c in latest.choice_ids) or "(no choice picked)"
        w.block(
            [
                f"- Quiz question {code(question_id)}",
                f"  - First try: {_right(result.first_correct)}",
                f"  - Your latest answer ({_right(latest.correct)}): choices {picked}",
                f"  - {_attempts(result.attempts)}",
            ]
        )
    for step_id, reflection in saved.reflections.items():
        w.block([f"#### Reflection {code(step_id)}"])
        w.reflection(reflection)
    for step_id, plan in saved.plans.items():
        w.block([f"#### Plan {code(step_id)}"])
        lines = [
            f"- [x] item {code(item_id)} (no longer in the lesson)"
            for item_id in sorted(plan.ticked - {own.item_id for own in plan.own_items})
        ]
        lines += _own_items(plan)
        w.block(lines)


def notes_markdown(course: Course, snapshot: Snapshot, now: datetime) -> str:
    """The learner's notes as a Markdown document.

    Args:
        course: The course as loaded now; lessons appear in its order, and only
            those with any saved progress.
        snapshot: Everything in the store (``Store.snapshot()``).
        now: The export time; every date is shown in its time zone (a naive
            ``now`` counts as UTC).

    Returns:
        The document, ending with a newline.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    from course.renames import renames, translate_snapshot

    snapshot = translate_snapshot(snapshot, renames(course))
    w = _Writer(now)
    w.block([f"# My notes: {_one_line(course.title)}"])
    w.block([f"Exported on {w.date(now)} at {_time_of_day(now)}."])
    w.block(quote_lines([f"**Private health information.** {PRIVACY_NOTE}"]))
    w.block([NOT_ADVICE])

    saved = _by_lesson(snapshot)
    lessons = [lesson for lesson in course.lessons if lesson.id in saved]
    if not saved:
        w.block(["You have not started any lessons yet, so there are no notes to show."])
    else:
        done = sum(
            1
            for lesson in lessons
            if (p := saved[lesson.id].progress) is not None and p.completed_at is not None
        )
        w.block([f"Lessons completed: {done} of {len(course.lessons)}."])
    for lesson in lessons:
        _lesson_section(w, course, lesson, saved[lesson.id])

    known = {lesson.id: lesson for lesson in course.lessons}
    order = [lesson.id for lesson in lessons] + sorted(set(saved) - set(known))
    others = [
        (lesson_id, known.get(lesson_id), left)
        for lesson_id in order
        if _has_any(left := _orphans(known.get(lesson_id), saved[lesson_id]))
    ]
    if others:
        w.block([f"## {OTHER_HEADING}"])
        w.block([OTHER_EXPLAINED])
        for lesson_id, maybe_lesson, left in others:
            _other_section(w, lesson_id, maybe_lesson, left)
    return "\n".join(w.lines).rstrip("\n") + "\n"
