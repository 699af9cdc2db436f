"""Grading: right only with exactly the correct choices, and it says why."""

from __future__ import annotations

from course.grading import grade, in_shown_order
from course.model import Choice, Question
from course.plain.lesson import feedback_lines
from course.ui.widgets.quiz_view import feedback_text

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


def test_feedback_follows_the_order_the_learner_saw() -> None:
    a, b, c = MULTI.choices
    result = in_shown_order(grade(MULTI, ["c", "a"]), (c, b, a))
    assert [choice.id for choice in result.chosen] == ["c", "a"]
    assert [choice.id for choice in result.missed] == ["b"]
    assert result.correct is False and result.explanation == "A and B."
    back = in_shown_order(grade(MULTI, ["a", "c"]), (b, a, c))
    assert [choice.id for choice in back.chosen] == ["a", "c"]


def test_each_choices_feedback_sits_on_its_own_line_under_it() -> None:
    """'✓ Are you thinking about suicide?: Yes.' read as someone answering."""
    asked = Question(
        "q",
        "What could you say?",
        (Choice("ask", "Are you thinking about suicide?", True, "Yes. It is clear."),),
        "",
    )
    text = feedback_text(grade(asked, ["ask"]), multiple=False)
    assert text.splitlines()[1:] == ["✓ Are you thinking about suicide?", "  Yes. It is clear."]
    lines = feedback_lines(grade(asked, ["ask"]), multiple=False)
    assert lines[1:] == ["Right: Are you thinking about suicide?", "Yes. It is clear."]
