"""Schema version 1: turn parsed TOML into model values, collecting problems.

Validation never stops at the first mistake: an author gets every problem in
one run. Each check reports the key path; the loader turns paths into lines.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from course import lesson_format
from course.lesson_format import PREVIOUS
from course.model import (
    SCHEMA_VERSION,
    Choice,
    Lesson,
    Module,
    PlanItem,
    PlanStep,
    Question,
    QuizStep,
    ReadStep,
    ReflectStep,
    Step,
)
from course.page_fit import READ_HEIGHT, code_line, page_lines
from course.problems import Problem, Severity
from course.safe_text import UNSAFE, first_unsafe
from course.toml_lines import line_of

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
STARTER_TEXT = re.compile(r"\s*Replace (?:this|with)\b")
"""How every text ``trd-course new`` writes for the author to replace begins."""
MAX_CHOICES = 6
"""More choices than this make a question too long to take in at 80x24."""
MAX_CHOICE_CHARS = 120
"""About two lines of a choice at 80 columns; a longer one belongs in the feedback."""
MAX_MINUTES = 60
STEP_KINDS = tuple(lesson_format.STEP_KIND)
DEFAULT_TITLES = {
    "read": "Read",
    "quiz": "Check your understanding",
    "reflect": "Reflect",
    "plan": "Plan",
}

_TYPE_NAMES: dict[type, str] = {
    str: "a string",
    int: "an integer",
    bool: "a boolean (true or false)",
    float: "a number",
    list: "an array",
    dict: "a table",
}

T = TypeVar("T")


def describe(value: object) -> str:
    """Name a TOML value's type the way the authoring guide does."""
    if isinstance(value, bool):
        return "a boolean"
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return name
    return "a date or time"


def forbidden_character(text: str) -> str | None:
    """The first control or direction-override character in ``text``, as U+XXXX."""
    return first_unsafe(text)


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


class Report:
    """Problems found in one file, with the line map to place them.

    A plain class, not a dataclass: it is a working list, never compared or
    printed, and creating a dataclass is a cost every start would pay.
    """

    def __init__(self, path: Path, lines: dict[str, int]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def line(self, key: str) -> int:
        return line_of(self.lines, key)

    def line_within(self, key: str, fragments: tuple[str, ...]) -> int:
        """The line, at or after ``key``'s, where its value holds one of ``fragments``.

        A problem inside a long string (a control character, an indented line)
        is reported at its own line, not at the ``body = \"\"\"`` line; a plain
        report, without the text, falls back to the key's line.
        """
        return self.line(key)

    def add(
        self,
        key: str,
        message: str,
        severity: Severity = Severity.ERROR,
        line: int | None = None,
    ) -> None:
        where = self.line(key) if line is None else line
        self.problems.append(Problem(self.path, where, key or "(file)", message, severity))

    def warn(self, key: str, message: str, line: int | None = None) -> None:
        self.add(key, message, Severity.WARNING, line)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


def check_strings(report: Report, value: object, path: str = "") -> None:
    """Refuse control characters anywhere, keys included, before anything renders.

    Almost every file has none, so one search over all its text comes first;
    only a file that has one is walked again to name where.
    """
    if not path and not UNSAFE.search(" ".join(_all_strings(value))):
        return
    _check_strings(report, value, path)


def _all_strings(value: object) -> list[str]:
    """Every string in a parsed TOML document, keys included (a loop, not recursion)."""
    found: list[str] = []
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            found.extend(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return found


def _check_strings(report: Report, value: object, path: str) -> None:
    if isinstance(value, str):
        bad = forbidden_character(value)
        if bad:
            code = int(bad[2:], 16)
            spelled = (chr(code), f"\\u{code:04x}", f"\\u{code:04X}", f"\\U{code:08x}")
            line = report.line_within(path, spelled)
            report.add(path, f"contains the control character {bad}; remove it", line=line)
    elif isinstance(value, dict):
        for key, item in value.items():
            bad = forbidden_character(key)
            if bad:
                report.add(path, f"a key contains the control character {bad}; remove it")
            _check_strings(report, item, join(path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_strings(report, item, join(path, index))


class Table:
    """Typed access to one TOML table that records what the author got wrong."""

    def __init__(self, report: Report, data: Mapping[str, Any], path: str, keys: tuple[str, ...]):
        self.report = report
        self.data = data
        self.path = path
        self.ok = True
        for key in data:
            if key not in keys:
                hint = difflib.get_close_matches(key, keys, n=1)
                extra = (
                    f"; did you mean '{hint[0]}'?"
                    if hint
                    else f"; expected one of: {', '.join(keys)}"
                )
                self.error(key, f"unknown key '{key}'{extra}")

    def error(self, key: str | int, message: str) -> None:
        self.ok = False
        self.report.add(join(self.path, key), message)

    def _get(self, key: str, kind: type[T], required: bool, what: str) -> T | None:
        if key not in self.data:
            if required:
                self.ok = False
                self.report.add(self.path, f"missing required key '{key}' ({what})")
            return None
        value = self.data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.error(key, f"expected {what}, found {describe(value)}")
            return None
        return value

    def text(self, key: str, required: bool = True, default: str = "") -> str:
        value = self._get(key, str, required, "a string")
        if value is None:
            return default
        if not value.strip():
            if required:
                self.error(key, "must not be empty")
            return default
        self.starter(key, value)
        return value

    def starter(self, key: str, value: str) -> None:
        """Warn about text still as ``trd-course new`` wrote it."""
        if STARTER_TEXT.match(value):
            self.report.warn(
                join(self.path, key),
                "still holds the starter text from 'trd-course new'; write your own",
            )

    def ident(self, key: str = "id", what: str = "an id such as 'my-lesson'") -> str:
        value = self._get(key, str, True, what)
        if value is None:
            return ""
        if not ID_PATTERN.fullmatch(value):
            self.error(
                key,
                f"expected an id of lowercase letters, digits and hyphens, found {value!r}",
            )
            return ""
        return value

    def previous_ids(self) -> tuple[str, ...]:
        """The ``previous_ids`` an entry lists: ids it had before a rename."""
        values = self._get(PREVIOUS, list, False, "an array of ids such as ['old-id']")
        if values is None:
            return ()
        result: list[str] = []
        for index, item in enumerate(values):
            key = index_key(PREVIOUS, index)
            if not isinstance(item, str):
                self.error(key, f"expected an id string, found {describe(item)}")
            elif not ID_PATTERN.fullmatch(item):
                self.error(
                    key,
                    f"expected an id of lowercase letters, digits and hyphens, found {item!r}",
                )
            elif item in result:
                self.error(key, f"previous id '{item}' is listed twice; list it once")
            else:
                result.append(item)
        return tuple(result)

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int:
        value = self._get(key, int, default is None, "an integer")
        if value is None:
            return default if default is not None else low
        if not low <= value <= high:
            self.error(key, f"expected an integer from {low} to {high}, found {value}")
            return low
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, bool, False, "a boolean (true or false)")
        return default if value is None else value

    def texts(self, key: str) -> tuple[str, ...]:
        values = self._get(key, list, False, "an array of strings")
        if values is None:
            return ()
        result = []
        for index, item in enumerate(values):
            if not isinstance(item, str):
                self.error(index_key(key, index), f"expected a string, found {describe(item)}")
            elif not item.strip():
                self.error(index_key(key, index), "must not be empty")
            else:
                self.starter(index_key(key, index), item)
                result.append(item)
        return tuple(result)

    def tables(self, key: str, minimum: int, what: str) -> Iterator[tuple[Mapping[str, Any], str]]:
        """Yield each table of an array of tables with its key path."""
        values = self._get(key, list, True, f"an array of tables ([[{what}]])")
        if values is None:
            return
        if len(values) < minimum:
            noun = "entry" if minimum == 1 else "entries"
            self.error(key, f"expected at least {minimum} {noun}, found {len(values)}")
        for index, item in enumerate(values):
            item_path = join(join(self.path, key), index)
            if isinstance(item, dict):
                yield item, item_path
            else:
                self.ok = False
                self.report.add(item_path, f"expected a table, found {describe(item)}")


def index_key(key: str, index: int) -> str:
    return f"{key}[{index}]"


def check_unique(report: Report, entries: list[tuple[str, str]], what: str) -> None:
    """Report each (id, path) whose id appeared earlier in ``entries``."""
    first: dict[str, str] = {}
    for ident, path in entries:
        if not ident:
            continue
        if ident in first:
            line = report.line(first[ident])
            report.add(
                join(path, "id"),
                f"duplicate {what} id '{ident}' (first used at line {line})",
            )
        else:
            first[ident] = path


Owner = tuple[str, str, tuple[str, ...]]
"""An entry that has an id: its id, its key path and its previous ids."""


def check_previous(report: Report, owners: list[Owner], what: str) -> None:
    """Refuse previous ids that would make saved progress ambiguous.

    Progress saved under a previous id is moved to its entry's current id, so
    within the scope where ids must be unique, a previous id may belong to one
    entry only and must not be any entry's current id.
    """
    current = {ident: path for ident, path, _ in owners if ident}
    listed: dict[str, str] = {}
    for ident, path, previous in owners:
        for index, old in enumerate(previous):
            key = join(join(path, PREVIOUS), index)
            if old == ident:
                report.add(key, f"previous id '{old}' is this {what}'s own id; remove it")
            elif old in current:
                line = report.line(current[old])
                report.add(
                    key,
                    f"previous id '{old}' is the id of the {what} at line {line}; "
                    "saved progress could not tell the two apart",
                )
            elif old in listed:
                line = report.line(listed[old])
                report.add(
                    key,
                    f"previous id '{old}' is also listed by the {what} at line {line}; "
                    "an old id can move to one place only",
                )
            else:
                listed[old] = path


def read_schema_version(table: Table, required: bool) -> None:
    version = table._get("schema", int, required, "an integer")
    if version is not None and version != SCHEMA_VERSION:
        table.error(
            "schema",
            f"schema version {version} is not supported; this program reads version {SCHEMA_VERSION}",
        )


COURSE_KEYS = tuple(lesson_format.COURSE)
MODULE_KEYS = tuple(lesson_format.MODULE)


@dataclass(frozen=True)
class CourseHeader:
    """What a ``course.toml`` declares: the title and modules, without lessons."""

    title: str
    modules: tuple[Module, ...]


def parse_course_file(
    report: Report, data: Mapping[str, Any], require_title: bool = True
) -> CourseHeader:
    """Read a ``course.toml``; only the first folder's must name the course."""
    check_strings(report, data)
    table = Table(report, data, "", COURSE_KEYS)
    read_schema_version(table, required=True)
    title = table.text("title", required=require_title)
    modules: list[Module] = []
    seen: list[tuple[str, str]] = []
    for item, path in table.tables("modules", _least(lesson_format.COURSE, "modules"), "modules"):
        entry = Table(report, item, path, MODULE_KEYS)
        module = Module(entry.ident(), entry.text("title"), entry.text("summary"))
        seen.append((module.id, path))
        if module.id:
            modules.append(module)
    check_unique(report, seen, "module")
    return CourseHeader(title, tuple(modules))


LESSON_KEYS = tuple(lesson_format.LESSON)
STEP_KEYS: dict[str, tuple[str, ...]] = {
    kind: tuple(lesson_format.step_keys(kind)) for kind in lesson_format.STEP_KIND
}
ALL_STEP_KEYS = tuple(dict.fromkeys(k for keys in STEP_KEYS.values() for k in keys))
QUESTION_KEYS = tuple(lesson_format.QUESTION)
CHOICE_KEYS = tuple(lesson_format.CHOICE)
ITEM_KEYS = tuple(lesson_format.ITEM)


def _least(table: dict[str, lesson_format.Key], key: str) -> int:
    return table[key].minimum


class _Ids:
    """Ids collected across a lesson, checked for duplicates once at the end."""

    def __init__(self) -> None:
        self.steps: list[Owner] = []
        self.questions: list[Owner] = []
        self.items: list[Owner] = []

    def check(self, report: Report) -> None:
        for owners, what in (
            (self.steps, "step"),
            (self.questions, "question"),
            (self.items, "plan item"),
        ):
            check_unique(report, [(ident, path) for ident, path, _ in owners], what)
            check_previous(report, owners, what)


def parse_lesson(report: Report, data: Mapping[str, Any], path: Path) -> Lesson | None:
    """Build a lesson, or return None when an error makes it unusable."""
    check_strings(report, data)
    table = Table(report, data, "", LESSON_KEYS)
    read_schema_version(table, required=False)
    lesson_id = table.ident()
    previous = table.previous_ids()
    check_previous(report, [(lesson_id, "", previous)], "lesson")
    module = table.ident("module", "the id of a module declared in a course.toml")
    title = table.text("title")
    minutes = table.integer("minutes", 1, MAX_MINUTES)
    summary = table.text("summary")
    sources = table.texts("sources")
    if not sources and "sources" not in data:
        report.warn("", "lesson has no 'sources'; list the references its facts come from")
    elif not sources and isinstance(data.get("sources"), list):
        report.warn("sources", "lesson has no sources; list the references its facts come from")
    ids = _Ids()
    steps: list[Step] = []
    for item, step_path in table.tables("steps", _least(lesson_format.LESSON, "steps"), "steps"):
        step = _parse_step(report, item, step_path, ids)
        if step is not None:
            steps.append(step)
    ids.check(report)
    if report.has_errors:
        return None
    return Lesson(
        lesson_id, module, title, minutes, summary, tuple(steps), sources, path, previous
    )


def _parse_step(report: Report, data: Mapping[str, Any], path: str, ids: _Ids) -> Step | None:
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in STEP_KINDS:
        table = Table(report, data, path, ALL_STEP_KEYS)
        table.ident()
        if "kind" not in data:
            table.error("kind", f"missing required key 'kind' (one of: {', '.join(STEP_KINDS)})")
        elif isinstance(kind, str):
            hint = difflib.get_close_matches(kind, STEP_KINDS, n=1)
            extra = f"; did you mean '{hint[0]}'?" if hint else ""
            table.error(
                "kind",
                f"expected one of {', '.join(STEP_KINDS)}, found {kind!r}{extra}",
            )
        else:
            table.error("kind", f"expected a string, found {describe(kind)}")
        return None
    table = Table(report, data, path, STEP_KEYS[kind])
    step_id = table.ident()
    previous = table.previous_ids()
    ids.steps.append((step_id, path, previous))
    title = table.text("title", required=False, default=DEFAULT_TITLES[kind])
    builder = _STEP_BUILDERS[kind]
    step = builder(table, step_id, title, ids)
    return dataclasses.replace(step, previous_ids=previous) if previous else step


def _read(table: Table, step_id: str, title: str, ids: _Ids) -> Step:
    body = table.text("body")
    check_page(table.report, join(table.path, "body"), body)
    return ReadStep(step_id, title, body)


def check_page(report: Report, key: str, body: str) -> None:
    """Warn about a page that would not look the way its author meant."""
    index = code_line(body)
    if index is not None:
        text = body.splitlines()[index]
        report.warn(
            key,
            "a line indented by 4 or more spaces shows as code, exactly as typed "
            "(no bold, no bullets); remove the indent, or indent list lines by 2",
            report.line_within(key, (text,)),
        )
    lines = page_lines(body)
    if lines > READ_HEIGHT:
        report.warn(
            key,
            f"page is about {lines} lines at 80x24, and {READ_HEIGHT} fit without "
            "scrolling; shorten it or split it into two read steps",
        )


def _quiz(table: Table, step_id: str, title: str, ids: _Ids) -> Step:
    intro = table.text("intro", required=False)
    questions = []
    for item, path in table.tables(
        "questions", _least(lesson_format.STEP_KIND["quiz"], "questions"), "steps.questions"
    ):
        question = _question(table.report, item, path)
        ids.questions.append((question.id, path, question.previous_ids))
        questions.append(question)
    return QuizStep(step_id, title, tuple(questions), intro)


def _question(report: Report, data: Mapping[str, Any], path: str) -> Question:
    table = Table(report, data, path, QUESTION_KEYS)
    question_id = table.ident()
    previous = table.previous_ids()
    prompt = table.text("prompt")
    shuffle = table.flag("shuffle", True)
    explanation = table.text("explanation", required=False)
    if "explanation" not in data:
        report.warn(path, "question has no 'explanation'; say why the right answer is right")
    elif _blank(data["explanation"]):
        report.warn(
            join(path, "explanation"),
            "'explanation' is empty; say why the right answer is right",
        )
    choices = []
    seen: list[Owner] = []
    all_readable = True
    for item, choice_path in table.tables(
        "choices", _least(lesson_format.QUESTION, "choices"), "steps.questions.choices"
    ):
        entry = Table(report, item, choice_path, CHOICE_KEYS)
        choice = Choice(
            entry.ident(),
            entry.text("text"),
            entry.flag("correct", False),
            entry.text("feedback", required=False),
            entry.previous_ids(),
        )
        all_readable = all_readable and entry.ok
        if "feedback" not in item:
            report.warn(choice_path, "choice has no 'feedback'; say why it is right or wrong")
        elif _blank(item["feedback"]):
            report.warn(
                join(choice_path, "feedback"),
                "'feedback' is empty; say why this choice is right or wrong",
            )
        if len(choice.text) > MAX_CHOICE_CHARS:
            report.warn(
                join(choice_path, "text"),
                f"choice is {len(choice.text)} characters, more than the "
                f"{MAX_CHOICE_CHARS} that read well beside a checkbox; shorten it and "
                "put the detail in its feedback",
            )
        seen.append((choice.id, choice_path, choice.previous_ids))
        choices.append(choice)
    check_unique(report, [(ident, where) for ident, where, _ in seen], "choice")
    check_previous(report, seen, "choice")
    # A choice whose 'correct' could not be read must not also be blamed here.
    if choices and all_readable and table.ok and not any(c.correct for c in choices):
        table.error("choices", "no choice is marked 'correct = true'; mark at least one")
    elif len(choices) >= 2 and all_readable and all(c.correct for c in choices):
        report.warn(
            join(path, "choices"),
            "every choice is correct, so any answer is right; add a choice that is not",
        )
    if len(choices) > MAX_CHOICES:
        report.warn(
            join(path, "choices"),
            f"{len(choices)} choices is more than {MAX_CHOICES}, too many to weigh on one "
            "screen; keep the ones that teach the most",
        )
    return Question(question_id, prompt, tuple(choices), explanation, shuffle, previous)


def _blank(value: object) -> bool:
    return isinstance(value, str) and not value.strip()


def _reflect(table: Table, step_id: str, title: str, ids: _Ids) -> Step:
    return ReflectStep(
        step_id, title, table.text("prompt"), table.text("placeholder", required=False)
    )


def _plan(table: Table, step_id: str, title: str, ids: _Ids) -> Step:
    prompt = table.text("prompt")
    allow_custom = table.flag("allow_custom", True)
    items = []
    for item, path in table.tables(
        "items", _least(lesson_format.STEP_KIND["plan"], "items"), "steps.items"
    ):
        entry = Table(table.report, item, path, ITEM_KEYS)
        plan_item = PlanItem(entry.ident(), entry.text("text"), entry.previous_ids())
        ids.items.append((plan_item.id, path, plan_item.previous_ids))
        items.append(plan_item)
    return PlanStep(step_id, title, prompt, tuple(items), allow_custom)


_STEP_BUILDERS: dict[str, Callable[[Table, str, str, _Ids], Step]] = {
    "read": _read,
    "quiz": _quiz,
    "reflect": _reflect,
    "plan": _plan,
}
