"""A small valid lesson, and helpers to write lesson folders in tests."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

COURSE = """\
schema = 1
title = "Test course"

[[modules]]
id = "m"
title = "Module"
summary = "A module."
"""

# Line numbers matter: tests point at them. Keep this text stable.
LESSON = """\
id = "lesson-one"
module = "m"
title = "Lesson one"
minutes = 5
summary = "What it covers."
sources = ["Someone. A paper. A journal. 2020."]

[[steps]]
id = "page"
kind = "read"
body = "Some text."

[[steps]]
id = "check"
kind = "quiz"

[[steps.questions]]
id = "q1"
prompt = "Which?"
explanation = "Because."

[[steps.questions.choices]]
id = "a"
text = "This one"
correct = true
feedback = "Yes."

[[steps.questions.choices]]
id = "b"
text = "That one"
feedback = "No."

[[steps]]
id = "think"
kind = "reflect"
prompt = "What do you think?"

[[steps]]
id = "todo"
kind = "plan"
prompt = "Tick these."
items = [
  { id = "one", text = "Do one thing" },
  { id = "two", text = "Do another" },
]
"""


def write_folder(root: Path, lessons: Mapping[str, str | bytes], course: str = COURSE) -> Path:
    """Write a lessons folder: a course.toml and lesson files by relative path."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "course.toml").write_text(course, encoding="utf-8")
    for name, content in lessons.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
