"""The JSON Schema of lesson and course files, built from ``course.lesson_format``.

Editors that read TOML through a JSON Schema (VS Code's Even Better TOML, the
``taplo`` command) then offer completion, show each key's meaning and mark
mistakes as the author types, offline. The schema says what one file can
say on its own: key names, types, required keys, id and number ranges, no
control characters, at least one correct choice. ``trd-course validate``
stays the authority: it also checks what spans files (unique ids, declared
modules) and gives the warnings.

``course/lesson.schema.json`` is this module's output, checked in and shipped
in the wheel; a test holds the two equal.
"""

from __future__ import annotations

import json
from typing import Any

from course.lesson_format import PREVIOUS, STEP_KIND, TABLES, Key, step_keys
from course.model import SCHEMA_VERSION
from course.safe_text import UNSAFE

SCHEMA_FILE = "lesson.schema.json"
SCHEMA_ID = "https://trd-course.invalid/schema/lesson-1.json"
"""A name, never fetched: the schema is only ever read from a file."""

MAX_MINUTES = 60
ID_REGEX = "^[a-z0-9][a-z0-9-]*$"


def _escaped_class(pattern: str) -> str:
    """``UNSAFE``'s character class with every character written as ``\\uXXXX``.

    JSON Schema patterns are read by regex engines of other languages (Rust's
    in taplo); ``\\uXXXX`` is the one spelling they all accept.
    """
    inner = pattern[pattern.index("[") + 1 : pattern.rindex("]")]
    return "".join(char if char == "-" else f"\\u{ord(char):04X}" for char in inner)


_SAFE = _escaped_class(UNSAFE.pattern)
TEXT_PATTERN = f"^[^{_SAFE}]*$"
FILLED_PATTERN = f"^[^{_SAFE}]*[^{_SAFE}\\s][^{_SAFE}]*$"


def _value(key: Key) -> dict[str, Any]:
    kind = key.kind
    schema: dict[str, Any]
    if kind == "version":
        schema = {"const": SCHEMA_VERSION}
    elif kind == "id":
        schema = {"type": "string", "pattern": ID_REGEX}
    elif kind in ("text", "markdown"):
        schema = {"type": "string", "pattern": TEXT_PATTERN}
        if key.required:
            schema.update(minLength=1, allOf=[{"pattern": "\\S"}])
    elif kind == "minutes":
        schema = {"type": "integer", "minimum": 1, "maximum": MAX_MINUTES}
    elif kind == "boolean":
        schema = {"type": "boolean"}
    elif kind == "ids":
        schema = {
            "type": "array",
            "items": {"type": "string", "pattern": ID_REGEX},
            "uniqueItems": True,
        }
    elif kind == "texts":
        schema = {
            "type": "array",
            "items": {"type": "string", "minLength": 1, "pattern": FILLED_PATTERN},
        }
    elif kind == "step-kind":
        schema = {"enum": list(STEP_KIND)}
    elif kind == "tables":
        schema = {
            "type": "array",
            "minItems": key.minimum,
            "items": {"$ref": f"#/definitions/{key.entries}"},
        }
    else:  # pragma: no cover - a new kind must be added here
        raise ValueError(f"no JSON Schema for key kind {kind!r}")
    schema["description"] = key.doc
    if key.default is not None:
        schema["default"] = key.default
    return schema


def _table(keys: dict[str, Key], closed: bool = True) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {name: _value(key) for name, key in keys.items()},
    }
    required = [name for name, key in keys.items() if key.required]
    if required:
        schema["required"] = required
    if closed:
        schema["additionalProperties"] = False
    return schema


def _step() -> dict[str, Any]:
    """A step: every step key offered for completion, each kind's own keys enforced."""
    every: dict[str, Key] = {}
    for kind in STEP_KIND:
        every.update(step_keys(kind))
    schema = _table(every, closed=False)
    schema["required"] = [
        name for name, key in every.items() if key.required and name in ("id", "kind")
    ]
    schema["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {
                "properties": {name: True for name in step_keys(kind)},
                "required": [name for name, key in step_keys(kind).items() if key.required],
                "additionalProperties": False,
            },
        }
        for kind in STEP_KIND
    ]
    return schema


def build() -> dict[str, Any]:
    """The schema of both file kinds: a ``course.toml`` has ``modules``, a lesson not."""
    defs = {name: _table(keys) for name, keys in TABLES.items()}
    defs["step"] = _step()
    defs["question"]["properties"]["choices"]["contains"] = {
        "type": "object",
        "properties": {"correct": {"const": True}},
        "required": ["correct"],
    }
    for name in ("lesson", "step", "question", "choice", "item"):
        assert PREVIOUS in defs[name]["properties"], name
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "trd-course lesson or course.toml (schema version 1)",
        "description": (
            "A trd-course lesson file, or a lessons folder's course.toml. Written from "
            "the definitions trd-course validate uses; run it for the checks that span "
            "files (unique ids, declared modules) and for the warnings."
        ),
        "definitions": defs,
        "if": {"type": "object", "required": ["modules"]},
        "then": {"$ref": "#/definitions/course"},
        "else": {"$ref": "#/definitions/lesson"},
    }


def text() -> str:
    """The schema as the file ships it: indented JSON, ending in a newline."""
    return json.dumps(build(), indent=2, ensure_ascii=True) + "\n"
