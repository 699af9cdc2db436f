"""Load lesson folders into a :class:`Course`, reporting every problem found.

The loader never raises for anything an author or a damaged disk can do: it
returns the lessons it could build and a list of problems, each naming the
file and line. Files are read once, parsed once, and line numbers are only
worked out for files that have something wrong with them.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from course import collection
from course.lesson_files import COURSE_FILE as COURSE_FILE
from course.lesson_files import LoadResult as LoadResult
from course.lesson_files import file_problem as _file_problem
from course.lesson_files import find_lesson_files as find_lesson_files
from course.model import Course, Lesson, Module
from course.problems import Problem
from course.schema import CourseHeader, Report, parse_course_file, parse_lesson
from course.toml_lines import key_lines, unclosed_string_hint

MAX_FILE_BYTES = 1024 * 1024
LESSON_MARKERS = ("id", "module", "title", "steps")
"""A ``*.toml`` with none of these is another tool's file (``taplo.toml``), not a lesson."""
DEFAULT_TITLE = "Your course"
_LONG_NUMBER = re.compile(r"[0-9_]{1000,}")


class LazyReport(Report):
    """A report that scans the file for line numbers only when first needed."""

    def __init__(self, path: Path, text: str) -> None:
        super().__init__(path, {})
        self._text = text
        self._scanned = False

    def line(self, key: str) -> int:
        if not self._scanned:
            self._scanned = True
            with contextlib.suppress(Exception):  # a line guess must never hide the error
                self.lines.update(key_lines(self._text))
        return super().line(key)

    def line_within(self, key: str, fragments: tuple[str, ...]) -> int:
        start = self.line(key)
        for number, text in enumerate(self._text.splitlines()[start - 1 :], start=start):
            if any(fragment in text for fragment in fragments):
                return number
        return start


class _NotAFile(Exception):
    pass


def _read_regular(path: Path) -> bytes:
    """At most ``MAX_FILE_BYTES + 1`` bytes of ``path``, which must be a regular file.

    Opened without blocking and checked after opening, so a FIFO named like a
    lesson cannot hang the app or ``validate``, and nothing can swap the file
    between the check and the read.
    """
    import os
    import stat

    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise _NotAFile
        return handle.read(MAX_FILE_BYTES + 1)


def read_toml(path: Path) -> tuple[str, dict[str, Any]] | Problem:
    """Read and parse one file, turning every failure into a problem."""
    import tomli  # here, not at the top: a start that finds the course kept never parses

    try:
        raw = _read_regular(path)
    except _NotAFile:
        return _file_problem(
            path,
            "is not a regular file (a pipe, device or socket); a lesson must be a plain text file",
        )
    except PermissionError:
        return _file_problem(
            path, "file cannot be read: permission denied; make it readable (chmod u+r)"
        )
    except IsADirectoryError:
        return _file_problem(path, "is a folder, not a lesson file")
    except OSError as error:
        return _file_problem(path, f"file cannot be read: {error.strerror or error}")
    if len(raw) > MAX_FILE_BYTES:
        return _file_problem(
            path,
            "file is larger than 1 MiB; a lesson should be far smaller, split it up",
        )
    if not raw.strip():
        return _file_problem(
            path,
            "file is empty; a lesson needs id, module, title, minutes, summary and steps",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        return _file_problem(
            path,
            f"file is not UTF-8 text (byte 0x{byte:02x} at offset {error.start}); save it as UTF-8",
            line,
        )
    text = text.removeprefix("\ufeff")
    try:
        return text, tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        line = getattr(error, "lineno", None) or 1
        message = _syntax_message(getattr(error, "msg", None) or str(error))
        hint = unclosed_string_hint(text, line)
        if hint is not None:
            message += f"; {hint}: check that it ends with the same three quotes"
        return _file_problem(path, f"TOML syntax error: {message}", line)
    except RecursionError:
        return _file_problem(path, "TOML is nested too deeply to read; flatten the arrays")
    except ValueError as error:
        match = _LONG_NUMBER.search(text)
        line = text.count("\n", 0, match.start()) + 1 if match else 1
        return _file_problem(path, f"a value could not be read: {error}", line)
    except Exception as error:
        return _file_problem(path, f"could not be read as TOML ({type(error).__name__})")


_DECLARED_TWICE = re.compile(r"Cannot declare \(((?:'[^']*',? ?)+)\) twice")


def _syntax_message(message: str) -> str:
    """tomli's message, with its Python tuple spelled as the TOML the author wrote."""
    match = _DECLARED_TWICE.fullmatch(message)
    if match is None:
        return message
    name = ".".join(re.findall(r"'([^']*)'", match.group(1)))
    return (
        f"[{name}] is declared twice; write [[{name}]] (two brackets) to start "
        "each entry of a list"
    )


class _Loading:
    """State gathered across every folder of one load (a plain class: see Report)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.title: str | None = None
        self.modules: dict[str, Module] = {}
        self.module_files: dict[str, Path] = {}
        self.lessons: list[tuple[Lesson, LazyReport]] = []
        self.broken: list[tuple[str, LazyReport]] = []
        """Module ids named by lessons with errors: still checked, so one run shows all."""
        self.lesson_files = 0
        self.seen_files: set[Path] = set()

    def add_course_file(self, path: Path) -> None:
        resolved = path.resolve()
        if resolved in self.seen_files:
            return  # the same folder named twice (--lessons and the data folder)
        self.seen_files.add(resolved)
        parsed = read_toml(path)
        if isinstance(parsed, Problem):
            self.problems.append(parsed)
            return
        text, data = parsed
        report = LazyReport(path, text)
        header: CourseHeader = parse_course_file(report, data, require_title=self.title is None)
        for module in header.modules:
            if module.id in self.modules:
                other = self.module_files[module.id]
                report.add(
                    "modules",
                    f"module '{module.id}' is already declared in {other}; "
                    "lessons can use it without declaring it again",
                )
                continue
            self.modules[module.id] = module
            self.module_files[module.id] = path
        if self.title is None and header.title:
            self.title = header.title
        self.problems.extend(report.problems)

    def add_lesson_file(self, path: Path) -> None:
        resolved = path.resolve()
        if resolved in self.seen_files:
            return
        self.seen_files.add(resolved)
        self.lesson_files += 1
        parsed = read_toml(path)
        if isinstance(parsed, Problem):
            self.problems.append(parsed)
            return
        text, data = parsed
        if data and not any(key in data for key in LESSON_MARKERS):
            self.lesson_files -= 1
            self.problems.append(
                _file_problem(
                    path,
                    "skipped: not a lesson (it has none of id, module, title, steps); "
                    "move it out of the lessons folder, or name it with a leading '.'",
                ).warning()
            )
            return
        report = LazyReport(path, text)
        lesson = parse_lesson(report, data, path)
        self.problems.extend(report.problems)
        if lesson is not None:
            self.lessons.append((lesson, report))
        elif isinstance(data.get("module"), str) and data["module"]:
            self.broken.append((data["module"], report))

    def add_folder(self, folder: Path) -> None:
        course_file = folder / COURSE_FILE
        if course_file.is_file():
            self.add_course_file(course_file)
        files, problems = find_lesson_files(folder)
        self.problems.extend(problems)
        if not files:
            self.problems.append(
                _file_problem(
                    folder,
                    "no lesson files found; expected files like "
                    f"{folder / '<module-id>' / '01-my-lesson.toml'}",
                )
            )
        for path in files:
            self.add_lesson_file(path)

    def build(self) -> LoadResult:
        by_module: dict[str, list[Lesson]] = {m: [] for m in self.modules}
        first_seen: dict[str, Lesson] = {}
        for module_id, report in self.broken:
            self._check_module(module_id, report, by_module)
        # Load order decides a clash: the bundled course (first) keeps its lesson
        # and the later folder's copy gets the error.
        for lesson, report in self.lessons:
            if lesson.id in first_seen:
                other = first_seen[lesson.id].path
                report.add(
                    "id",
                    f"duplicate lesson id '{lesson.id}': {other} uses it too; "
                    "lesson ids must be unique across every folder",
                )
                self.problems.append(report.problems[-1])
                continue
            if not self._check_module(lesson.module, report, by_module):
                continue
            first_seen[lesson.id] = lesson
        for lesson in self._check_previous_ids(first_seen):
            by_module[lesson.module].append(lesson)
        for lessons in by_module.values():
            lessons.sort(key=lambda lesson: _file_order(lesson.path))
        modules = tuple(
            Module(m.id, m.title, m.summary, tuple(by_module[m.id])) for m in self.modules.values()
        )
        course = Course(self.title or DEFAULT_TITLE, modules)
        problems = tuple(sorted(self.problems, key=_problem_order))
        return LoadResult(course, problems, self.lesson_files)

    def _check_previous_ids(self, accepted: Mapping[str, Lesson]) -> list[Lesson]:
        """The accepted lessons less any whose ``previous_ids`` would mix up progress.

        A previous lesson id must not be another lesson's id, nor be listed by two
        lessons: progress saved under it would not know which lesson it follows.
        """
        reports = {id(lesson): report for lesson, report in self.lessons}
        listed: dict[str, Lesson] = {}
        kept: list[Lesson] = []
        for lesson in accepted.values():
            report = reports[id(lesson)]
            clean = True
            for index, old in enumerate(lesson.previous_ids):
                other = accepted.get(old) or listed.get(old)
                if other is None:
                    listed[old] = lesson
                    continue
                how = "is the id of" if old in accepted else "is also listed by"
                key = f"previous_ids[{index}]"
                report.add(
                    key,
                    f"previous id '{old}' {how} the lesson in {other.path}; "
                    "progress saved under it could not tell the two apart",
                )
                self.problems.append(report.problems[-1])
                clean = False
            if clean:
                kept.append(lesson)
        return kept

    def _check_module(
        self, module_id: str, report: LazyReport, declared: Mapping[str, object]
    ) -> bool:
        if module_id in declared:
            return True
        import difflib  # only for a module that is not declared

        hint = difflib.get_close_matches(module_id, list(declared), n=1)
        names = ", ".join(declared) or "none"
        extra = f"; did you mean '{hint[0]}'?" if hint else f" (declared: {names})"
        report.add("module", f"module '{module_id}' is not declared in any course.toml{extra}")
        self.problems.append(report.problems[-1])
        return False


def _file_order(path: Path) -> tuple[list[str | int], str]:
    """File-name order with numbers compared as numbers, so 10-x follows 9-x."""
    parts = re.split(r"(\d+)", path.name)
    key: list[str | int] = [int(p) if i % 2 else p for i, p in enumerate(parts)]
    return key, str(path)


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return (str(problem.path), problem.line, problem.key)


def load_course(
    folders: Sequence[Path], files: Iterable[Path] = (), course_files: Iterable[Path] = ()
) -> LoadResult:
    """Load lesson folders (each may hold a course.toml) and single lesson files.

    The first folder's ``course.toml`` names the course; later folders may
    declare more modules, and so may each of ``course_files`` (read after the
    folders, before the single files: checking one lesson file needs the
    modules its own folder declares, without that folder's other lessons).
    Lessons that fail validation are left out of the course and their
    problems reported.
    """
    # Loading builds many objects and frees almost none, so collecting during
    # it is wasted work that grows with the course (see the loader bench).
    # Collection resumes as it was after.
    with collection.paused():
        loading = _Loading()
        for folder in folders:
            loading.add_folder(folder)
        for path in course_files:
            loading.add_course_file(path)
        for path in files:
            loading.add_lesson_file(path)
        return loading.build()
