"""Write a starter lesson an author can fill in, without ever overwriting a file.

``trd-course new`` is the front door for a clinician who has never seen TOML,
so the file it writes explains every key in plain words and has no errors as
written: the author's first ``trd-course validate`` shows 0 errors, and one
warning per text still to replace (a to-do list with line numbers); every
error after that is one they made and can find by line. Beside the lessons it
keeps a copy of the JSON Schema that the file's first line names, so an editor
checks the lesson as it is typed.

Nothing here imports Textual or sqlite3; the command in
``course.commands.new`` decides which folders to use.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli

from course.loader import COURSE_FILE, find_lesson_files, load_course, read_toml
from course.model import Course
from course.problems import Problem
from course.safe_text import visible
from course.schema import ID_PATTERN, forbidden_character

SLUG_LIMIT = 40
"""Longest slug taken from a title; a longer one is cut at a hyphen."""

FALLBACK_SLUG = "lesson"
"""The slug when a title has no ASCII letters or digits at all."""

_NUMBERED = re.compile(r"([0-9]+)-")
FILE_MODE = 0o644
"""Lesson files are for sharing: readable by all, whatever the umask."""
FOLDER_MODE = 0o755
SCHEMA_LINE = "#:schema ../lesson.schema.json\n"
"""The first line of a new lesson: editors (Even Better TOML, taplo) find the schema
copy one folder up, in the lessons folder."""
COURSE_SCHEMA_LINE = "#:schema ./lesson.schema.json\n"
_MAX_ATTEMPTS = 1000


class ScaffoldError(Exception):
    """Something on disk stops the lesson being written; the message says what to do."""


@dataclass(frozen=True)
class Scaffolded:
    """What ``create_lesson`` wrote."""

    lesson_path: Path
    lesson_id: str
    course_file: Path | None = None
    """The ``course.toml`` that now declares the module, if one was written or extended."""
    course_file_created: bool = False


def title_problem(title: str) -> str | None:
    """Why ``title`` cannot be a lesson title, or None when it can."""
    if not title.strip():
        return "the title must not be empty"
    if forbidden_character(title) or "\n" in title or "\t" in title:
        return "the title must be one line of text without control characters"
    return None


def module_problem(module_id: str) -> str | None:
    """Why ``module_id`` cannot be a module id, or None when it can."""
    if not ID_PATTERN.fullmatch(module_id):
        suggestion = slugify(module_id)
        hint = (
            f"; did you mean '{suggestion}'?"
            if suggestion != FALLBACK_SLUG or module_id.strip().lower() == FALLBACK_SLUG
            else ""
        )
        return (
            f"the module id must be lowercase letters, digits and hyphens "
            f"(such as 'sleep' or 'daily-habits'), not {visible(repr(module_id))}{hint}"
        )
    return None


def slugify(title: str, limit: int = SLUG_LIMIT) -> str:
    """A file-name and id friendly form of ``title``: lowercase ASCII and hyphens.

    Accents are dropped (``Café`` gives ``cafe``), apostrophes vanish
    (``what's`` gives ``whats``), ``&`` reads as ``and``, and every other run
    of punctuation or spaces becomes one hyphen. A slug longer than ``limit``
    is cut at the last hyphen that keeps it within the limit.
    """
    text = unicodedata.normalize("NFKD", title.replace("&", " and "))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['`]", "", text)
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[1:] else slug[:limit]
        slug = slug.strip("-")
    return slug or FALLBACK_SLUG


def humanise(module_id: str) -> str:
    """A readable module title from its id: ``daily-habits`` gives ``Daily habits``."""
    words = " ".join(part for part in module_id.split("-") if part)
    return words[:1].upper() + words[1:]


def toml_string(text: str) -> str:
    """``text`` as a one-line TOML basic string, quotes and backslashes escaped."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif forbidden_character(char):
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def unique_id(slug: str, taken: Iterable[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... whichever is not ``taken``."""
    used = set(taken)
    if slug not in used:
        return slug
    number = 2
    while f"{slug}-{number}" in used:
        number += 1
    return f"{slug}-{number}"


def file_number(name: str) -> int | None:
    """The ``NN`` of an ``NN-slug.toml`` file name, or None for any other name."""
    match = _NUMBERED.match(name)
    return int(match.group(1)) if match and name.endswith(".toml") else None


def next_number(names: Iterable[str]) -> int:
    """One more than the highest ``NN-`` among ``names``; 1 when there is none."""
    numbers = [n for n in (file_number(name) for name in names) if n is not None]
    return max(numbers, default=0) + 1


def lesson_ids_in(folder: Path) -> set[str]:
    """Every lesson ``id`` written in ``folder``, even in files that do not validate.

    A half-finished lesson still claims its id: the author will fix the file,
    and a new lesson must not collide with it when they do.
    """
    ids: set[str] = set()
    if not folder.is_dir():
        return ids
    files, _ = find_lesson_files(folder)
    for path in files:
        parsed = read_toml(path)
        if isinstance(parsed, Problem):
            continue
        lesson_id = parsed[1].get("id")
        if isinstance(lesson_id, str):
            ids.add(lesson_id)
    return ids


def _declared_modules(data: Mapping[str, Any]) -> set[str]:
    modules = data.get("modules")
    if not isinstance(modules, list):
        return set()
    return {m["id"] for m in modules if isinstance(m, dict) and isinstance(m.get("id"), str)}


def module_entry(module_id: str) -> str:
    """A ``[[modules]]`` table declaring ``module_id``, with notes for the author."""
    return f"""\
# A module is a group of lessons on one theme, shown under its own heading.
# Lessons join it by saying module = "{module_id}".
[[modules]]
# The module's permanent name. Keep it as it is once lessons use it.
id = "{module_id}"
# The heading learners see above the module's lessons.
title = {toml_string(humanise(module_id))}
# One line shown under the heading: what the module is about.
summary = "Replace this line with one sentence about what these lessons cover."
"""


COURSE_FILE_HEAD = """\
# This file lists the modules (groups of lessons) that this folder adds to the
# course. Lines starting with # are notes for you; the course ignores them.
#
# The format version of this file. Leave it as 1.
schema = 1

# The course's own title is needed only when this folder is used on its own,
# without the bundled course (trd-course --only --lessons FOLDER). For that,
# remove the # at the start of the next line and write the title in the quotes.
# title = "My course"

"""


def course_file_text(module_id: str) -> str:
    """A new ``course.toml`` that declares one module."""
    return COURSE_FILE_HEAD + module_entry(module_id)


def _plan_course_file(folder: Path, module_id: str) -> tuple[Path, str, bool] | None:
    """What to write so ``module_id`` is declared in ``folder``: (path, text, create).

    None when the folder's ``course.toml`` already declares it. Refuses (with
    :class:`ScaffoldError`) a ``course.toml`` it cannot safely add to, rather
    than guess at a file the author will have to untangle.
    """
    path = folder / COURSE_FILE
    if not path.exists():
        return path, course_file_text(module_id), True
    parsed = read_toml(path)
    if isinstance(parsed, Problem):
        raise ScaffoldError(
            f"{path} cannot be read ({parsed.message}); fix it (trd-course validate "
            f"{folder} shows where), then run this again"
        )
    text, data = parsed
    if module_id in _declared_modules(data):
        return None
    separator = "" if text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    addition = separator + module_entry(module_id)
    try:
        combined = tomli.loads(text + addition)
    except tomli.TOMLDecodeError:
        combined = {}
    if module_id not in _declared_modules(combined):
        raise ScaffoldError(
            f"cannot add module '{module_id}' to {path} automatically; add a [[modules]] "
            f'entry with id = "{module_id}", a title and a summary by hand, then run this again'
        )
    return path, addition, False


def lesson_text(lesson_id: str, module_id: str, title: str) -> str:
    """The starter lesson: one step of each kind, every key explained."""
    return SCHEMA_LINE + LESSON_TEMPLATE.format(
        id=toml_string(lesson_id), module=toml_string(module_id), title=toml_string(title)
    )


def make_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each ``FOLDER_MODE`` whatever the umask.

    Folders that already exist keep their modes: they are the author's.
    """
    missing = [folder, *folder.parents]
    missing = [path for path in missing if not path.exists()]
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir()
            os.chmod(path, FOLDER_MODE)


def write_public(path: Path, text: str, replace: bool = False) -> None:
    """Write ``text`` to ``path`` with mode ``FILE_MODE`` whatever the umask.

    Without ``replace`` the file must not exist (``FileExistsError``); with it,
    the text goes to a new file beside it first and is renamed over, so a
    reader never sees half a file.

    Raises:
        OSError: The file or folder could not be written.
    """
    data = text.encode("utf-8")
    target = path.with_name(f".{path.name}.{os.getpid()}") if replace else path
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(target, flags, FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
        if replace:
            os.replace(target, path)
    except BaseException:
        if replace:
            with contextlib.suppress(OSError):
                target.unlink()
        raise


def keep_schema_copy(folder: Path) -> Path | None:
    """Write or refresh ``folder/lesson.schema.json``; None if it could not be written.

    The copy is what the ``#:schema`` line of a new lesson points at. It is this
    program's own output, so an outdated copy is replaced; a failure only costs
    the editor's checks, never the lesson.
    """
    from course.json_schema import SCHEMA_FILE, text

    path = folder / SCHEMA_FILE
    wanted = text()
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == wanted:
            return path
        write_public(path, wanted, replace=True)
    except (OSError, UnicodeDecodeError):
        return None
    return path


def _write_new(folder: Path, number: int, slug: str, text: str) -> Path:
    """Create ``NN-slug.toml`` in ``folder``, moving to the next number if it exists."""
    for attempt in range(number, number + _MAX_ATTEMPTS):
        path = folder / f"{attempt:02d}-{slug}.toml"
        try:
            write_public(path, text)
        except FileExistsError:
            continue
        return path
    raise ScaffoldError(f"could not find a free file name in {folder}; tidy it up and try again")


def create_lesson(
    folder: Path,
    module_id: str,
    title: str,
    bundled: Path,
    other_folders: Sequence[Path] = (),
) -> Scaffolded:
    """Write a starter lesson to ``folder/<module_id>/NN-<slug>.toml``.

    Args:
        folder: The lessons folder to write into (created if missing).
        module_id: The module the lesson joins; declared in ``folder/course.toml``
            when the bundled course does not declare it already.
        title: The lesson's title, also the source of its id and file name.
        bundled: The bundled course folder: its lesson ids are taken, its
            modules need no declaring, and a lesson joining one of them is
            numbered after that module's bundled lessons so it comes last.
        other_folders: More lesson folders in use whose ids are taken too.

    Raises:
        ScaffoldError: when a file or folder on disk stops the lesson being written.
        ValueError: when ``module_id`` or ``title`` is unusable (check first with
            :func:`module_problem` and :func:`title_problem`).
    """
    problem = module_problem(module_id) or title_problem(title)
    if problem:
        raise ValueError(problem)
    title = title.strip()
    course: Course = load_course([bundled]).course
    taken = {lesson.id for lesson in course.lessons}
    for other in (folder, *other_folders):
        taken |= lesson_ids_in(other)
    lesson_id = unique_id(slugify(title), taken)

    module_folder = folder / module_id
    bundled_module = course.module(module_id)
    names = [lesson.path.name for lesson in bundled_module.lessons] if bundled_module else []
    plan = None if bundled_module else _plan_course_file(folder, module_id)
    try:
        make_folders(module_folder)
        names.extend(p.name for p in module_folder.iterdir())
    except OSError as error:
        raise ScaffoldError(
            f"cannot use the folder {module_folder}: {error.strerror or error}"
        ) from error
    text = lesson_text(lesson_id, module_id, title)
    try:
        lesson_path = _write_new(module_folder, next_number(names), lesson_id, text)
    except OSError as error:
        raise ScaffoldError(
            f"cannot write in {module_folder}: {error.strerror or error}"
        ) from error
    keep_schema_copy(folder)
    if plan is None:
        return Scaffolded(lesson_path, lesson_id)
    course_path, addition, create = plan
    try:
        if create:
            write_public(course_path, COURSE_SCHEMA_LINE + addition)
        else:
            with course_path.open("a", encoding="utf-8", newline="\n") as handle:
                handle.write(addition)
    except OSError as error:
        raise ScaffoldError(
            f"wrote {lesson_path}, but could not declare module '{module_id}' in "
            f"{course_path} ({error.strerror or error}); add it by hand"
        ) from error
    return Scaffolded(lesson_path, lesson_id, course_path, create)


# Braces are str.format fields; literal braces would be doubled ({{ }}).
LESSON_TEMPLATE = """\
# A new lesson for trd-course. Replace every "Replace ..." text with your own.
# After each edit, check the file: run  trd-course validate FOLDER  where FOLDER
# is the lessons folder that holds this lesson's module folder.
#
# How to read this file (it is a TOML file; you only need these few rules):
# - Lines starting with # are notes for you. The course ignores them; keep or
#   delete them as you like.
# - Every other line sets one thing: a name, an equals sign, then its value.
#   Text goes between double quotes, on one line:   title = "Sleep and mood"
#   Longer text goes between three double quotes and may span many lines.
# - Inside quotes, a backslash starts a special code: write \\" for a double
#   quote and \\\\ for a backslash. Between three quotes, plain " is fine.
# - Numbers (minutes) and true/false are written without quotes.
# - A line [[steps]] starts the next step. Learners meet the steps in the
#   order they appear in this file.
# - Every "id" is a permanent name. Learners' saved answers point at the ids,
#   so once people have used this lesson, change the words freely but keep
#   the ids. An id is lowercase letters, digits and hyphens: "sleep-plan".

# The version of this lesson format. Leave it as 1.
schema = 1

# This lesson's permanent name; no other lesson may use it.
id = {id}

# The id of the module (group of lessons) this lesson belongs to.
module = {module}

# The title learners see in the list of lessons.
title = {title}

# About how many minutes the lesson takes: a whole number from 1 to 60.
minutes = 5

# One or two sentences on what the lesson covers, shown when it ends.
summary = "Replace this with one or two sentences about what this lesson covers."

# Where the facts in this lesson come from: one reference per line, each in
# double quotes and followed by a comma. Replace the example with yours.
sources = [
  "Replace with a reference: Author A, Author B. Title. Journal. Year;Volume:Pages. doi:...",
]

# ---------------------------------------------------------------------------
# Step 1: a page to read.
[[steps]]
# This step's permanent name; unique within this lesson.
id = "introduction"
# What kind of step this is: "read", "quiz", "reflect" or "plan".
kind = "read"
# The heading shown above the page.
title = "Replace with the page heading"
# The page itself. It is Markdown: **two stars** make bold, *one star* makes
# italics, a line starting with "- " is a bullet, and an empty line starts a
# new paragraph. Keep it to about one screen.
body = \"\"\"
Replace this with the page. Write for someone who is tired and may be
reading on a bad day: short sentences, one idea per paragraph.

- Explain a medical word the first time you use it.
- Say what the learner can do, not only what is wrong.
\"\"\"

# ---------------------------------------------------------------------------
# Step 2: a quiz that checks understanding and explains every answer.
[[steps]]
id = "check"
kind = "quiz"
title = "Check your understanding"
# One line shown above the questions. You may delete this line.
intro = "Take your time. Every answer comes with a short explanation."

# [[steps.questions]] starts a question in this quiz. To add another question,
# copy from here down to the end of its last choice, and give it a new id.
[[steps.questions]]
# This question's permanent name; unique within this lesson.
id = "main-idea"
# The question itself.
prompt = "Replace with a question about the page above."
# Shown after the learner answers, right or wrong: why the right answer is right.
explanation = "Replace with why the right answer is right."

# [[steps.questions.choices]] starts one answer to pick. A question needs at
# least two. Mark the right one with correct = true; if you mark two or more,
# the question becomes "select all that apply".
[[steps.questions.choices]]
# This choice's permanent name; unique within its question.
id = "right"
# The answer as the learner sees it.
text = "Replace with the right answer"
correct = true
# Shown when the learner picks this choice: say why it is right.
feedback = "Replace with why this is right."

[[steps.questions.choices]]
id = "not-quite"
text = "Replace with a wrong answer people often believe"
# A choice without "correct = true" is a wrong answer.
feedback = "Replace with why this is not right, said kindly."

[[steps.questions.choices]]
id = "also-not"
text = "Replace with another wrong answer, or delete these four lines"
feedback = "Replace with why this is not right, said kindly."

# ---------------------------------------------------------------------------
# Step 3: a private question. The learner's answer stays on their computer.
[[steps]]
id = "your-thoughts"
kind = "reflect"
title = "Replace with a short heading"
# The question the learner thinks about and answers in their own words.
prompt = "Replace with a question the learner answers privately."
# Faint hint text shown in the empty answer box. You may delete this line.
placeholder = "There are no right answers. Write as much or as little as you like."

# ---------------------------------------------------------------------------
# Step 4: a plan, a list of actions the learner can tick.
[[steps]]
id = "next-steps"
kind = "plan"
title = "Replace with a short heading"
# What the list is for.
prompt = "Tick what you will try this week."
# Whether learners may add actions of their own: true or false.
allow_custom = true

# [[steps.items]] starts one action in this plan. Copy the three lines to add
# another, with a new id (unique within this lesson).
[[steps.items]]
id = "first-action"
text = "Replace with one small, concrete action"

[[steps.items]]
id = "second-action"
text = "Replace with another action, or delete these three lines"
"""
