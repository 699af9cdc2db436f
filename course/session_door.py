"""What every tool's door shares: its store, and the one way it writes.

A door (``course.session_safety``, ``course.session_treatments``) holds one
tool's verbs for the front ends. It reads the store directly and writes only
through ``Session.write``, which keeps a write that waits on another program,
turns a failed one into a sentence for the learner, and returns None for
either: no verb handles a store error of its own.

No store import at run time: ``Store`` is only named in type hints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

if TYPE_CHECKING:
    from progress import Store

P = ParamSpec("P")
T = TypeVar("T")

Write = Callable[..., Any]
"""``Session.write``: runs one store write, returns None (and tells the learner) on failure."""


class StoreDoor:
    """A door on one store, writing through ``Session.write``."""

    def __init__(self, store: Store, write: Write) -> None:
        self._store = store
        self._write = write

    def _save(
        self, action: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T | None:
        """``action(store, *args)`` as one write: its result, or None if it failed or waits."""
        result: T | None = self._write(action, self._store, *args, **kwargs)
        return result

    def _written(
        self, action: Callable[Concatenate[Store, P], object], *args: P.args, **kwargs: P.kwargs
    ) -> bool:
        """Whether the write was made (whatever it returned)."""
        return self._save(action, *args, **kwargs) is not None

    def _changed(
        self, action: Callable[Concatenate[Store, P], object], *args: P.args, **kwargs: P.kwargs
    ) -> bool:
        """Whether the write was made and says it changed something (a row was there)."""
        return bool(self._save(action, *args, **kwargs))
