"""Grading: right only with exactly the correct choices, and it says why."""

from __future__ import annotations

from course.grading import grade
from course.model import Choice, Question

SINGLE = Question(
    "q",
    "Pick one",
    (Choice("a", "A", True, "A is right."), Choice("b", "B", False, "B is wrong.")),
    "Because A.",
)
MULTI = Question(
    "m",
    "Pick all",
    (Choice("a", "A", True, "fa"), Choice("b", "B", True, "fb"), Choice("c", "C", False, "fc")),
    "A and B.",
)


def test_single_right_and_wrong() -> None:
    right = grade(SINGLE, ["a"])
    assert right.correct and right.verdict.startswith("✓")
    wrong = grade(SINGLE, ["b"])
    assert not wrong.correct and wrong.verdict.startswith("✗")
    assert [c.feedback for c in wrong.chosen] == ["B is wrong."]
    assert wrong.explanation == "Because A."


def test_multi_needs_every_correct_choice_and_no_wrong_one() -> None:
    assert MULTI.multiple and not SINGLE.multiple
    assert grade(MULTI, ["a", "b"]).correct
    partial = grade(MULTI, ["a"])
    assert not partial.correct
    assert [c.id for c in partial.missed] == ["b"]
    assert "part of your answer is right" in partial.verdict
    assert not grade(MULTI, ["a", "b", "c"]).correct


def test_unknown_ids_are_ignored() -> None:
    result = grade(SINGLE, ["zz"])
    assert not result.correct and result.chosen == ()
