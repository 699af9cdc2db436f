"""Every "don't stop your medicine" in the course carries its exception.

The course never tells a reader to start, stop or change a medicine. Where a
lesson says not to stop or change one on your own, the same text (a page, a
choice's feedback, an explanation: each is read on its own) adds the
exception, in one wording everywhere: if a side effect feels severe or
frightening, contact your prescriber or pharmacist straight away, or call
911. A reader who only ever sees "keep taking it" might sit through a
dangerous reaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli

REPO = Path(__file__).resolve().parents[2]
LESSON_FILES = sorted((REPO / "lessons").glob("**/*.toml"))
EXCEPTION = (
    "If a side effect feels severe or frightening, contact your prescriber or "
    "pharmacist straight away, or call 911."
)

DONT_STOP = re.compile(
    r"\b(?:don'?t|do not|never|not to)\b[^.!?]*"
    r"\b(?:stop|stopping|change|changing|swap)\b[^.!?]*"
    r"\b(?:medicine|medication|antidepressant|dose)s?\b",
    re.IGNORECASE,
)
"""A sentence telling the reader not to stop or change a medicine."""

ASK_FIRST = re.compile(
    r"(?=[^.!?]*\bprescribers?\b)"
    r"[^.!?]*\b(?:stop|stopping|change|changing|switch|switching|swap)\b[^.!?]*"
    r"\b(?:medicine|medication|antidepressant|dose)s?\b",
    re.IGNORECASE,
)
"""A sentence sending the reader to their prescriber before changing a medicine.

It says "keep taking it" as surely as a "don't" does, so it needs the
exception too.
"""


def tells_not_to_change(text: str) -> bool:
    return any(
        pattern.search(sentence)
        for sentence in re.split(r"(?<=[.!?])\**\s+", text)
        for pattern in (DONT_STOP, ASK_FIRST)
    )


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def flat(text: str) -> str:
    """The text on one line, with curly apostrophes made straight."""
    return " ".join(text.replace("\u2019", "'").split())


def missing_exception(document: dict[str, Any]) -> list[str]:
    """Texts that say not to stop or change a medicine, without the exception."""
    return [
        flat(text)[:90]
        for text in strings(document)
        if tells_not_to_change(flat(text)) and EXCEPTION not in flat(text)
    ]


@pytest.mark.parametrize("path", LESSON_FILES, ids=[p.name for p in LESSON_FILES])
def test_dont_stop_always_comes_with_its_exception(path: Path) -> None:
    with path.open("rb") as f:
        document = tomli.load(f)
    bad = missing_exception(document)
    assert not bad, f"{path.relative_to(REPO)}: add {EXCEPTION!r} to:\n" + "\n".join(
        f"  {t}" for t in bad
    )


def test_the_course_says_it_somewhere() -> None:
    texts = [flat(t) for p in LESSON_FILES for t in strings(tomli.loads(p.read_text("utf-8")))]
    assert sum(1 for t in texts if EXCEPTION in t) >= 5


def test_detector() -> None:
    assert missing_exception({"a": "Please don't stop a medicine on your own."})
    assert missing_exception({"a": "Never change how you take a medicine."})
    assert not missing_exception(
        {"a": f"Don't stop or change a medicine on your own. {EXCEPTION}"}
    )
    assert not missing_exception({"a": "Don't start supplements on your own."})
    assert missing_exception(
        {"a": "Ask your prescriber before you change how you take a medicine."}
    )
    assert missing_exception(
        {"a": "Any change to a medicine is one to plan with your prescriber."}
    )
    assert not missing_exception(
        {"a": "Your prescriber hears about changes in sleep. Take a medicine."}
    )
