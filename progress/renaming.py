"""Move saved progress from ids an author renamed to the ids that replaced them.

The course says which ids were renamed (``previous_ids`` in a lesson file);
this applies that to the store once, in one write, so every later read (the
map, a lesson, the notes) finds the learner's answers, reflections, ticks and
place under the current ids with no translation anywhere. Where both an old
and a new row exist for the same thing, the new one is kept and the old one
is left as it was, never deleted: nothing the learner wrote is lost.

Uses the store's own transaction (``Store._write``): this module is part of
the ``progress`` package. It speaks only in ids, like the rest of it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from progress.store import _LESSON_TABLES, Store

_BY_LESSON = ("position", *_LESSON_TABLES)
"""Every table keyed by lesson id (the store's list, so a new one is moved too)."""
_BY_STEP = ("position", "reflection", "plan_tick", "plan_own_item", "saved_prompt")


def follow_renames(
    store: Store,
    *,
    lessons: Mapping[str, str],
    steps: Mapping[tuple[str, ...], str],
    questions: Mapping[tuple[str, ...], str],
    choices: Mapping[tuple[str, ...], str],
    items: Mapping[tuple[str, ...], str],
) -> None:
    """Rename saved ids: lessons first, then what sits inside them (keys use new outer ids).

    Args:
        lessons: old lesson id -> current id.
        steps: (current lesson id, old step id) -> current step id.
        questions: (current lesson id, old question id) -> current question id.
        choices: (current lesson id, current question id, old choice id) -> current id.
        items: (current lesson id, current step id, old item id) -> current item id.
    """
    if not (lessons or steps or questions or choices or items):
        return
    with store._write() as conn:
        for old, new in lessons.items():
            for table in _BY_LESSON:
                conn.execute(
                    f"UPDATE OR IGNORE {table} SET lesson_id = ? WHERE lesson_id = ?", (new, old)
                )
        for (lesson_id, old), new in steps.items():
            for table in _BY_STEP:
                conn.execute(
                    f"UPDATE OR IGNORE {table} SET step_id = ? WHERE lesson_id = ? AND step_id = ?",
                    (new, lesson_id, old),
                )
            conn.execute(
                "UPDATE lesson SET last_step_id = ? WHERE lesson_id = ? AND last_step_id = ?",
                (new, lesson_id, old),
            )
        for (lesson_id, old), new in questions.items():
            conn.execute(
                "UPDATE quiz_attempt SET question_id = ? WHERE lesson_id = ? AND question_id = ?",
                (new, lesson_id, old),
            )
        by_question: dict[tuple[str, str], dict[str, str]] = {}
        for (lesson_id, question_id, old), new in choices.items():
            by_question.setdefault((lesson_id, question_id), {})[old] = new
        for (lesson_id, question_id), moves in by_question.items():
            rows = conn.execute(
                "SELECT id, choice_ids FROM quiz_attempt WHERE lesson_id = ? AND question_id = ?",
                (lesson_id, question_id),
            ).fetchall()
            for attempt_id, saved in rows:
                chosen = json.loads(saved)
                moved = [moves.get(choice, choice) for choice in chosen]
                if moved != chosen:
                    conn.execute(
                        "UPDATE quiz_attempt SET choice_ids = ? WHERE id = ?",
                        (json.dumps(moved), attempt_id),
                    )
        for (lesson_id, step_id, old), new in items.items():
            conn.execute(
                "UPDATE OR IGNORE plan_tick SET item_id = ? "
                "WHERE lesson_id = ? AND step_id = ? AND item_id = ?",
                (new, lesson_id, step_id, old),
            )
