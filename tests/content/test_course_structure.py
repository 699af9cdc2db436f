"""The bundled course has the shape the content promises.

Five modules in a fixed order (the last for the people who support a
learner), at least nineteen lessons of five to ten minutes, a knowledge check
of three to five questions in every lesson with feedback on every choice,
sources on every lesson, enough reflect and plan steps to leave the learner
with something to take to an appointment, and the crisis lines both in the
"help now" lesson and in the last lesson of the course.

The TOML is read with ``tomli`` directly, so these checks stand on their own;
the schema itself is the validator's job (``trd-course validate``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli

REPO = Path(__file__).resolve().parents[2]
LESSONS = REPO / "lessons"

MODULES = [
    ("understanding", "Understanding TRD"),
    ("treatment", "Treatment options"),
    ("lifestyle", "Lifestyle choices"),
    ("plan", "Sticking to a plan"),
    ("tools", "Your own tools"),
    ("supporters", "For supporters"),
]
MIN_LESSONS = 19
MIN_LESSONS_PER_MODULE = 2
MINUTES = range(5, 11)
MIN_QUESTIONS = 3
MAX_QUESTIONS = 5
MIN_MULTI_SELECT = 4
MIN_REFLECT = 4
MIN_PLAN = 3
CRISIS_FACTS = ("988", "1-800-273-8255", "911", "findahelpline.com")
MAX_READ_WORDS = 150
"""A read page must fit an 80x24 terminal with little scrolling."""

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FILE_NAME = re.compile(r"^[0-9]{2,}-[a-z0-9][a-z0-9-]*\.toml$")
MARKDOWN_LINK = re.compile(r"\[[^\[\]]*\]\([^()\s]*\)")


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomli.load(f)


COURSE = load(LESSONS / "course.toml")
LESSON_FILES = [
    path
    for module in COURSE.get("modules", [])
    for path in sorted((LESSONS / module["id"]).glob("*.toml"))
]
LESSON_IDS = [str(p.relative_to(LESSONS)) for p in LESSON_FILES]


def lessons() -> list[tuple[Path, dict[str, Any]]]:
    return [(path, load(path)) for path in LESSON_FILES]


def steps_of(kind: str) -> Iterator[tuple[Path, dict[str, Any]]]:
    for path, lesson in lessons():
        for step in lesson.get("steps", []):
            if step.get("kind") == kind:
                yield path, step


def questions(lesson: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        q
        for step in lesson.get("steps", [])
        if step.get("kind") == "quiz"
        for q in step.get("questions", [])
    ]


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def blank(value: Any) -> bool:
    return not isinstance(value, str) or not value.strip()


# The course and its modules


def test_modules_in_order() -> None:
    assert COURSE.get("schema") == 1
    found = [(m.get("id"), m.get("title")) for m in COURSE.get("modules", [])]
    assert found == MODULES
    for module in COURSE["modules"]:
        assert not blank(module.get("summary")), f"module {module['id']}: no summary"


def test_every_lesson_folder_is_a_declared_module() -> None:
    declared = {module_id for module_id, _ in MODULES}
    folders = {p.name for p in LESSONS.iterdir() if p.is_dir()}
    folders.discard("__pycache__")
    assert folders <= declared, f"undeclared lesson folders: {folders - declared}"
    stray = sorted(p.name for p in LESSONS.glob("*.toml") if p.name != "course.toml")
    assert not stray, f"lesson files outside a module folder: {stray}"


def test_enough_lessons() -> None:
    assert len(LESSON_FILES) >= MIN_LESSONS
    per_module = Counter(p.parent.name for p in LESSON_FILES)
    for module_id, _ in MODULES:
        assert per_module[module_id] >= MIN_LESSONS_PER_MODULE, (
            f"module {module_id} has {per_module[module_id]} lesson(s)"
        )


def test_lesson_ids_unique_across_the_course() -> None:
    counts = Counter(lesson.get("id") for _, lesson in lessons())
    assert not [i for i, n in counts.items() if n > 1], counts


# Each lesson


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_lesson_shape(path: Path) -> None:
    lesson = load(path)
    where = path.relative_to(REPO)
    assert FILE_NAME.match(path.name), f"{where}: name it NN-slug.toml"
    assert lesson.get("schema", 1) == 1, where
    assert lesson.get("module") == path.parent.name, f"{where}: module vs folder"
    assert lesson.get("minutes") in MINUTES, f"{where}: minutes {lesson['minutes']}"
    for key in ("title", "summary"):
        assert not blank(lesson.get(key)), f"{where}: {key} is missing"
    sources = lesson.get("sources", [])
    assert sources, f"{where}: no sources"
    assert not any(blank(s) for s in sources), f"{where}: a blank source"
    kinds = [step.get("kind") for step in lesson.get("steps", [])]
    assert "quiz" in kinds, f"{where}: no knowledge check"
    assert "read" in kinds, f"{where}: nothing to read"


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_quiz_teaches(path: Path) -> None:
    lesson = load(path)
    where = path.relative_to(REPO)
    qs = questions(lesson)
    assert MIN_QUESTIONS <= len(qs) <= MAX_QUESTIONS, f"{where}: {len(qs)} questions"
    for q in qs:
        at = f"{where}: question {q.get('id')}"
        assert not blank(q.get("prompt")), f"{at}: no prompt"
        assert not blank(q.get("explanation")), f"{at}: no explanation"
        choices = q.get("choices", [])
        assert len(choices) >= 2, f"{at}: fewer than two choices"
        assert any(c.get("correct") is True for c in choices), f"{at}: none correct"
        assert not all(c.get("correct") is True for c in choices), f"{at}: all correct"
        for c in choices:
            assert not blank(c.get("text")), f"{at}, choice {c.get('id')}: no text"
            assert not blank(c.get("feedback")), f"{at}, choice {c.get('id')}: no feedback"


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_ids_are_well_formed_and_unique(path: Path) -> None:
    lesson = load(path)
    where = path.relative_to(REPO)
    seen: list[tuple[str, Any]] = [("lesson", lesson.get("id"))]
    step_ids = [step.get("id") for step in lesson.get("steps", [])]
    question_ids = [q.get("id") for q in questions(lesson)]
    item_ids = [
        item.get("id")
        for step in lesson.get("steps", [])
        if step.get("kind") == "plan"
        for item in step.get("items", [])
    ]
    groups: list[tuple[str, list[Any]]] = [
        ("step", step_ids),
        ("question", question_ids),
        ("plan item", item_ids),
    ]
    for q in questions(lesson):
        groups.append((f"choice in {q.get('id')}", [c.get("id") for c in q.get("choices", [])]))
    for what, ids in groups:
        seen += [(what, i) for i in ids]
        repeated = sorted(i for i, n in Counter(ids).items() if n > 1)
        assert not repeated, f"{where}: repeated {what} ids {repeated}"
    bad = [(what, i) for what, i in seen if not isinstance(i, str) or not ID.match(i)]
    assert not bad, f"{where}: ids must match {ID.pattern}: {bad}"


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_read_pages_fit_a_terminal(path: Path) -> None:
    lesson = load(path)
    for step in lesson.get("steps", []):
        if step.get("kind") != "read":
            continue
        words = len(step.get("body", "").split())
        assert words <= MAX_READ_WORDS, (
            f"{path.relative_to(REPO)}: step {step.get('id')} has {words} words; "
            "split it into two read steps"
        )


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_no_square_brackets_outside_links(path: Path) -> None:
    lesson = load(path)
    for text in strings({k: v for k, v in lesson.items() if k != "sources"}):
        bare = MARKDOWN_LINK.sub("", text)
        assert "[" not in bare and "]" not in bare, (
            f"{path.relative_to(REPO)}: square brackets in {text[:60]!r}"
        )


# Across the course


def test_enough_multi_select_questions() -> None:
    multi = [
        (path.name, q.get("id"))
        for path, lesson in lessons()
        for q in questions(lesson)
        if sum(1 for c in q.get("choices", []) if c.get("correct") is True) >= 2
    ]
    assert len(multi) >= MIN_MULTI_SELECT, multi


def test_enough_reflect_and_plan_steps() -> None:
    reflect = list(steps_of("reflect"))
    plan = list(steps_of("plan"))
    assert len(reflect) >= MIN_REFLECT, [s.get("id") for _, s in reflect]
    assert len(plan) >= MIN_PLAN, [s.get("id") for _, s in plan]
    for path, step in reflect + plan:
        assert not blank(step.get("prompt")), f"{path.name}: {step.get('id')}"
    for path, step in plan:
        assert step.get("items"), f"{path.name}: plan {step.get('id')} has no items"


@pytest.mark.parametrize(
    "path", [LESSONS / "plan" / "03-help-now.toml", LESSON_FILES[-1]], ids=["help-now", "last"]
)
def test_crisis_lines_in_the_help_now_lesson_and_the_last(path: Path) -> None:
    text = "\n".join(strings(load(path)))
    missing = [fact for fact in CRISIS_FACTS if fact not in text]
    assert not missing, f"{path.relative_to(REPO)} does not mention {missing}"


CRISIS_SOURCES = {
    "988": "988 Suicide & Crisis Lifeline. https://988lifeline.org",
    "findahelpline.com": "Find A Helpline. https://findahelpline.com",
}
"""A lesson that sends a reader to a crisis line names it among its sources."""


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_a_lesson_naming_a_crisis_line_cites_it(path: Path) -> None:
    lesson = load(path)
    said = " ".join(strings(lesson.get("steps", []))) + lesson.get("summary", "")
    for fact, source in CRISIS_SOURCES.items():
        if fact in said:
            assert source in lesson["sources"], f"{path.name}: add {source!r} to sources"


def test_first_lesson_points_to_help_early() -> None:
    first = load(LESSON_FILES[0])
    opening = next(step for step in first["steps"] if step.get("kind") == "read")
    for fact in ("988", "911", "F1"):
        assert fact in opening["body"], f"{LESSON_FILES[0].name}: first page lacks {fact}"


def test_loader_sees_the_same_course() -> None:
    loader = pytest.importorskip("course.loader")
    if not hasattr(loader, "load_course"):
        pytest.skip("course.loader has no load_course yet")
    result = loader.load_course([LESSONS])
    assert not result.problems, "\n".join(str(p) for p in result.problems)
    assert [m.id for m in result.course.modules] == [m for m, _ in MODULES]
    assert [lesson.id for lesson in result.course.lessons] == [
        lesson["id"] for _, lesson in lessons()
    ]
