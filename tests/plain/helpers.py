"""Drive the plain mode with typed lines, on a throwaway course and store."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

from course.loader import load_course
from course.plain import run_plain
from course.session import Session
from progress import database_path, open_store

DRAWN = re.compile("[\x1b\u2500-\u259f]")
"""ESC, and the box-drawing and block characters (U+2500-U+259F): none may be printed."""


def typed(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


def drive(
    lessons: Path,
    data_dir: Path,
    lines: Sequence[str] | str,
    acknowledged: bool = True,
) -> tuple[int, str]:
    """Run the plain mode on ``lessons`` with ``lines`` as its whole input; (exit code, output)."""
    text = lines if isinstance(lines, str) else typed(*lines)
    opened = open_store(database_path(data_dir))
    try:
        if acknowledged and opened.store.first_run_acknowledged_at() is None:
            opened.store.acknowledge_first_run()
        out = io.StringIO()
        code = run_plain(
            load_course([lessons]), opened.store, opened.notices, io.StringIO(text), out
        )
    finally:
        opened.store.close()
    return code, out.getvalue()


def numbers(lessons: Path, data_dir: Path, question_id: str, *choice_ids: str) -> str:
    """The numbers the plain mode shows ``choice_ids`` under (choices are shuffled per learner)."""
    course = load_course([lessons]).course
    opened = open_store(database_path(data_dir))
    try:
        session = Session(course, opened.store, lambda sentence: None)
        for lesson in course.lessons:
            for question in lesson.questions:
                if question.id == question_id:
                    order = [choice.id for choice in session.choices(question)]
                    return " ".join(str(order.index(cid) + 1) for cid in choice_ids)
    finally:
        opened.store.close()
    raise LookupError(question_id)


def after(output: str, marker: str) -> str:
    """The output from the last time ``marker`` was printed."""
    return output[output.rindex(marker) :]
