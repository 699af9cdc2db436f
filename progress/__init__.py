"""Durable, private learner state for trd-course, kept in SQLite.

This package imports nothing from ``course`` and nothing from Textual: it
speaks only in ids (lesson, step, question, choice and plan item ids) and
plain values, so the domain and the UI can change without touching how a
learner's progress is kept, and the store can be tested on its own.

Typical use::

    data_dir = resolve_data_dir(args.data_dir, os.environ)
    opened = open_store(database_path(data_dir))
    for notice in opened.notices:
        show(notice.message)
    store = opened.store
"""

from typing import TYPE_CHECKING, Any

from progress.errors import StoreBusy, StoreError
from progress.files import forget, store_files
from progress.holding import AlreadyOpen, Held, hold_data_folder
from progress.location import (
    DATA_DIR_ENV,
    DB_FILENAME,
    database_path,
    resolve_data_dir,
)
from progress.opening import OpenedStore, open_store
from progress.records import LessonProgress, Notice, Position
from progress.schema import SCHEMA_VERSION
from progress.store import OWN_ITEM_PREFIX, Store

if TYPE_CHECKING:
    from progress.answers import QuestionResult, QuizAttempt
    from progress.own_work import OwnPlanItem, PlanState, Reflection
    from progress.snapshot import Snapshot

_LATER = {
    "QuestionResult": "progress.answers",
    "QuizAttempt": "progress.answers",
    "OwnPlanItem": "progress.own_work",
    "PlanState": "progress.own_work",
    "Reflection": "progress.own_work",
    "Snapshot": "progress.snapshot",
}
"""Records a start does not need, imported on first use (see ``progress.store``)."""


def __getattr__(name: str) -> Any:
    if name in _LATER:
        import importlib

        return getattr(importlib.import_module(_LATER[name]), name)
    raise AttributeError(f"module 'progress' has no attribute {name!r}")


__all__ = [
    "DATA_DIR_ENV",
    "DB_FILENAME",
    "OWN_ITEM_PREFIX",
    "SCHEMA_VERSION",
    "AlreadyOpen",
    "Held",
    "LessonProgress",
    "Notice",
    "OpenedStore",
    "OwnPlanItem",
    "PlanState",
    "Position",
    "QuestionResult",
    "QuizAttempt",
    "Reflection",
    "Snapshot",
    "Store",
    "StoreBusy",
    "StoreError",
    "database_path",
    "forget",
    "hold_data_folder",
    "open_store",
    "resolve_data_dir",
    "store_files",
]
