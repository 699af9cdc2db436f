"""The loader only ever returns a course and a list of problems; it never raises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.loader import LoadResult, load_course
from course.safe_text import UNSAFE
from tests.course.lesson_text import LESSON, write_folder

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _load(tmp_path: Path, content: str | bytes) -> LoadResult:
    root = write_folder(tmp_path / "lessons", {"m/01-one.toml": content})
    result = load_course([root])
    assert isinstance(result, LoadResult)
    for problem in result.problems:
        assert problem.line >= 1
        assert problem.path.name in {"01-one.toml", "lessons"}
        # What validate prints is harmless and one line, whatever the file held.
        printed = problem.format()
        assert UNSAFE.search(printed) is None, printed
        assert "\n" not in printed
    if result.errors:
        assert result.course.lessons == ()
    return result


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(tmp_path: Path, content: bytes) -> None:
    _load(tmp_path, content)


@FUZZ
@given(st.text(max_size=400))
def test_random_text(tmp_path: Path, content: str) -> None:
    _load(tmp_path, content)


_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "duplicate-line", "drop-line"]),
        st.integers(min_value=0, max_value=len(LESSON)),
        st.integers(min_value=0, max_value=40),
        st.text(alphabet="[]{}=\"'#.,\n abcdefxyz0123456789\\\x1b\u202e", max_size=12),
    ),
    min_size=1,
    max_size=6,
)


@FUZZ
@given(_EDITS)
def test_mutated_lesson_text(tmp_path: Path, edits: list[tuple[str, int, int, str]]) -> None:
    text = LESSON
    for action, position, length, insert in edits:
        lines = text.splitlines(keepends=True)
        line = position % max(len(lines), 1)
        if action == "delete":
            text = text[:position] + text[position + length :]
        elif action == "insert":
            text = text[:position] + insert + text[position:]
        elif action == "duplicate-line" and lines:
            lines.insert(line, lines[line])
            text = "".join(lines)
        elif lines:
            del lines[line]
            text = "".join(lines)
    _load(tmp_path, text)


_SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.just(dt.date(2020, 1, 2)),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "kind", "text", "x"]), inner, max_size=3)
    ),
    max_leaves=8,
)


def _toml_string(text: str) -> str:
    escaped = "".join(
        f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F or c in '"\\' else c for c in text
    )
    return f'"{escaped}"'


def _toml_value(value: Any) -> str:
    """A tiny inline-TOML writer: enough to feed odd types to the schema."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{_toml_string(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


@FUZZ
@given(st.data())
def test_values_of_the_wrong_type(tmp_path: Path, data: st.DataObject) -> None:
    lesson = tomli.loads(LESSON)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        path = data.draw(st.sampled_from(_paths(lesson)))
        parent: Any = lesson
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = data.draw(_VALUES)
    text = "\n".join(f"{_toml_string(k)} = {_toml_value(v)}" for k, v in lesson.items())
    assert tomli.loads(text) is not None
    _load(tmp_path, text)
