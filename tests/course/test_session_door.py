"""``StoreDoor``: every tool's verbs write through ``Session.write``, with the door's store."""

from __future__ import annotations

from typing import Any

from course.session_door import StoreDoor


class _Door(StoreDoor):
    def save(self, result: object, *args: object, **kwargs: object) -> object:
        return self._save(lambda store, *a, **k: result, *args, **kwargs)

    def written(self, result: object) -> bool:
        return self._written(lambda store: result)

    def changed(self, result: object) -> bool:
        return self._changed(lambda store: result)


def test_writes_go_through_session_write_with_the_store_first() -> None:
    calls: list[tuple[Any, ...]] = []
    store: Any = object()

    def write(action: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append((args, kwargs))
        return action(*args, **kwargs)

    door = _Door(store, write)
    assert door.save("done", 1, at=2) == "done"
    assert calls == [((store, 1), {"at": 2})]


def test_written_and_changed_differ_only_on_a_falsy_result() -> None:
    store: Any = object()
    door = _Door(store, lambda action, *args, **kwargs: action(*args, **kwargs))
    assert door.written(False) and not door.changed(False)  # made, but no row was there
    assert door.written(True) and door.changed(True)
    failed = _Door(store, lambda action, *args, **kwargs: None)  # Session.write on failure
    assert not failed.written(True) and not failed.changed(True)
    assert failed.save("never") is None
