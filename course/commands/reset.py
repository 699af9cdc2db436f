"""``trd-course reset``: start over, all lessons or one, without losing the past.

A reset erases what a learner wrote, so it asks first (unless ``--yes``) and
always copies the progress file to a timestamped backup before it changes
anything: a reset typed in a bad moment is undone by ``trd-course restore``
with that file, which the reset prints. It refuses while the course is open
(the open copy would go on showing and saving what was erased). Nothing is
created when there is no saved progress.
"""

from __future__ import annotations

import argparse
import difflib
import shlex
from typing import TYPE_CHECKING

from course.commands.common import (
    CommandError,
    confirm,
    data_dir,
    guarded,
    hold_folder,
    load_lessons,
    open_existing,
)

if TYPE_CHECKING:
    from progress import Snapshot

NAME = "reset"
OWN_TOOLS = (
    "your own tools: your safety plan, check-ins, treatment history and questions "
    "for your provider"
)
"""What a full reset erases beyond the lessons (the store's tool tables), said
wherever a reset is confirmed: a learner must not find their safety plan gone
after reading only about quiz answers. Settings such as the theme stay."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        NAME,
        help="erase your progress (all lessons, or one), keeping a backup",
        description=(
            "Erase your saved progress: quiz answers, reflections, plans and where you "
            f"got to, and {OWN_TOOLS}. With --lesson, only that lesson's quiz answers, "
            "reflections and plans; your own tools are kept. A backup copy of the progress "
            "file is made first, and the 'trd-course restore' command that undoes the "
            "reset is printed. "
            "Asks you to type 'yes' first unless --yes is given. Refuses while the "
            "course is open. Exit status: 0 reset or nothing to reset, 1 cancelled "
            "or failed, 2 usage error (such as an unknown lesson id)."
        ),
    )
    parser.add_argument(
        "--lesson",
        metavar="ID",
        help="reset only this lesson (its id, as in the lesson file); progress saved "
        "for a lesson no longer in the course can be reset by its id too",
    )
    parser.add_argument(
        "--yes",
        "-y",
        action="store_true",
        help="do not ask first (for scripts); the backup is still made",
    )
    parser.set_defaults(handler=run)


def saved_lesson_ids(snapshot: Snapshot) -> set[str]:
    """Every lesson id the store holds anything for."""
    return (
        {p.lesson_id for p in snapshot.lessons}
        | {a.lesson_id for a in snapshot.attempts}
        | {r.lesson_id for r in snapshot.question_results}
        | {r.lesson_id for r in snapshot.reflections}
        | {p.lesson_id for p in snapshot.plans}
    )


def has_progress(snapshot: Snapshot) -> bool:
    """Whether the snapshot holds lesson progress a full reset would erase.

    The snapshot does not carry the learner's own tools; a full reset also asks
    the store (``Store.holds_own_tools``) before it says there is nothing to reset.
    """
    return bool(
        saved_lesson_ids(snapshot)
        or snapshot.position is not None
        or snapshot.first_run_acknowledged_at is not None
    )


def reset(args: argparse.Namespace) -> int:
    from progress import database_path  # here, not at the top: see course.commands.common

    folder = data_dir(args)
    db_path = database_path(folder)
    lesson_id: str | None = args.lesson
    if not db_path.exists():
        print(f"There is no saved progress in {folder}, so there is nothing to reset.")
        return 0
    course = load_lessons(NAME, args, folder).course if lesson_id is not None else None
    with hold_folder(NAME, folder), open_existing(NAME, db_path) as store:
        snapshot = store.snapshot(every_attempt=False)
        saved = saved_lesson_ids(snapshot)
        if lesson_id is None:
            if not has_progress(snapshot) and not store.holds_own_tools():
                print(f"There is no saved progress in {db_path}, so there is nothing to reset.")
                return 0
            started = "1 lesson" if len(saved) == 1 else f"{len(saved)} lessons"
            in_lessons = f" in {started}" if saved else ""
            what = (
                f"all your progress{in_lessons}: quiz answers, reflections, plans and "
                f"where you got to, and {OWN_TOOLS}"
            )
            done = (
                "All your progress has been erased. Your safety plan, check-ins, "
                "treatment history and questions for your provider were erased with it."
            )
        else:
            assert course is not None
            lesson = course.lesson(lesson_id)
            if lesson is None and lesson_id not in saved:
                known = sorted({item.id for item in course.lessons} | saved)
                hint = difflib.get_close_matches(lesson_id, known, n=1)
                extra = f"; did you mean '{hint[0]}'?" if hint else ""
                raise CommandError(
                    f"there is no lesson with id '{lesson_id}' in the course and no "
                    f"progress saved for it{extra} (a lesson's id is the 'id' line in "
                    "its file)",
                    2,
                )
            name = f"'{lesson.title}' ({lesson_id})" if lesson else f"'{lesson_id}'"
            if lesson_id not in saved:
                print(f"There is no saved progress for {name}, so there is nothing to reset.")
                return 0
            what = (
                f"your progress in {name}: quiz answers, reflections and plans. Your "
                "safety plan, check-ins, treatment history and questions for your "
                "provider are kept"
            )
            done = f"Your progress in {name} has been erased."
        if not args.yes and not confirm(
            f"This erases {what}. A backup copy of {db_path} is made first.", "yes"
        ):
            raise CommandError("cancelled; nothing was changed.")
        backup = store.make_backup()
        print(f"Backup of your progress before the reset: {backup}")
        wiped = store.reset_all() if lesson_id is None else store.reset_lesson(lesson_id)
    print(done)
    print(f"To undo it: trd-course{_data_dir_option(args)} restore {shlex.quote(str(backup))}")
    if not wiped:
        print(
            "Another program has the progress file open: close it, or old text may "
            "stay in the progress folder's journal file until it is reused."
        )
    return 0


def _data_dir_option(args: argparse.Namespace) -> str:
    """The ``--data-dir`` the learner gave, repeated so the undo line works as typed."""
    given = getattr(args, "data_dir", None)
    return "" if given is None else f" --data-dir {shlex.quote(str(given))}"


def run(args: argparse.Namespace) -> int:
    return guarded(NAME, reset, args)
