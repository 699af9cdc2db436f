"""A learner has to read the lesson to pass its knowledge check.

A quiz whose right answer is always first, always the longest, or always the
one without "never" in it can be passed by pattern alone, and then it teaches
nothing. These checks count such tells over the whole bundled course (as the
loader builds it) and hold them under the limits the content rules set:

- the correct choice comes first in at most half of single-answer questions;
- no select-all question puts all its wrong choices after all its right ones;
- select-all questions do not all have the same number of right choices;
- where a select-all question has one wrong choice, no one place (first,
  second...) holds it in more than half of them ("all but the second" is
  as much a tell as "all but the last");
- the correct choice is the strictly longest in at most half of questions;
- few questions put an absolute word (never, only, always...) in a wrong
  choice while no right choice has one;
- at most one wrong choice in the whole course voices self-blame ("not
  enough willpower"): it hurts to read on a bad day.

Run ``python -m tests.content.test_quiz_balance`` to print the counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from course.loader import load_course
from course.model import Choice, Question, QuizStep
from course.paths import bundled_lessons

ABSOLUTE = re.compile(r"\b(never|only|always|none|nothing|nobody|everyone|every|all)\b", re.I)
"""Words that make a wrong choice easy to spot without reading the lesson."""

SELF_BLAME = re.compile(
    r"willpower|hard enough|your fault|my fault|not trying|didn'?t try|"
    r"properly|badly enough|lazy|weak|effort|want to get better",
    re.I,
)
"""Phrases that put the blame for depression or its treatment on the learner."""

MAX_ABSOLUTE_TELLS = 2
"""Questions whose absolute words sit in wrong choices only."""


@dataclass(frozen=True)
class Counts:
    """How often each tell appears across the course's questions."""

    questions: int
    single: int
    single_correct_first: int
    multi: int
    multi_wrong_all_last: int
    multi_correct_counts: tuple[int, ...]
    lone_wrong_places: tuple[int, ...]
    correct_strictly_longest: int
    absolute_tells: int
    self_blame: tuple[str, ...]

    def report(self) -> str:
        return "\n".join(
            [
                f"questions: {self.questions}",
                f"single-answer: {self.single}, correct first: {self.single_correct_first}",
                f"select-all: {self.multi}, wrong choices all last: {self.multi_wrong_all_last}",
                f"right choices per select-all question: {sorted(self.multi_correct_counts)}",
                f"place of a lone wrong choice (1 = first): {sorted(self.lone_wrong_places)}",
                f"correct choice strictly longest: {self.correct_strictly_longest}",
                f"absolute words only in wrong choices: {self.absolute_tells}",
                f"self-blame wrong choices: {len(self.self_blame)} {list(self.self_blame)}",
            ]
        )


def all_questions() -> list[tuple[str, Question]]:
    result = load_course([bundled_lessons()])
    assert result.ok, "\n".join(p.format() for p in result.errors)
    return [
        (f"{lesson.id}/{question.id}", question)
        for lesson in result.course.lessons
        for step in lesson.steps
        if isinstance(step, QuizStep)
        for question in step.questions
    ]


def wrong_all_last(choices: tuple[Choice, ...]) -> bool:
    """Whether every wrong choice comes after every right one."""
    flags = [c.correct for c in choices]
    first_wrong = flags.index(False)
    return all(not f for f in flags[first_wrong:])


def lone_wrong_place(choices: tuple[Choice, ...]) -> int | None:
    """Where a question's only wrong choice sits (1 = first), if it has just one."""
    wrong = [place for place, c in enumerate(choices, start=1) if not c.correct]
    return wrong[0] if len(wrong) == 1 else None


def correct_strictly_longest(choices: tuple[Choice, ...]) -> bool:
    longest = max(len(c.text) for c in choices)
    top = [c for c in choices if len(c.text) == longest]
    return len(top) == 1 and top[0].correct


def absolute_tell(choices: tuple[Choice, ...]) -> bool:
    in_wrong = any(ABSOLUTE.search(c.text) for c in choices if not c.correct)
    in_right = any(ABSOLUTE.search(c.text) for c in choices if c.correct)
    return in_wrong and not in_right


def count(questions: list[tuple[str, Question]]) -> Counts:
    single = [q for _, q in questions if len(q.correct_ids) == 1]
    multi = [q for _, q in questions if len(q.correct_ids) > 1]
    return Counts(
        questions=len(questions),
        single=len(single),
        single_correct_first=sum(1 for q in single if q.choices[0].correct),
        multi=len(multi),
        multi_wrong_all_last=sum(1 for q in multi if wrong_all_last(q.choices)),
        multi_correct_counts=tuple(len(q.correct_ids) for q in multi),
        lone_wrong_places=tuple(
            place for q in multi if (place := lone_wrong_place(q.choices)) is not None
        ),
        correct_strictly_longest=sum(
            1 for _, q in questions if correct_strictly_longest(q.choices)
        ),
        absolute_tells=sum(1 for _, q in questions if absolute_tell(q.choices)),
        self_blame=tuple(
            f"{where}/{c.id}"
            for where, q in questions
            for c in q.choices
            if not c.correct and SELF_BLAME.search(c.text)
        ),
    )


COUNTS = count(all_questions())


def test_the_course_has_both_kinds_of_question() -> None:
    assert COUNTS.single >= 10 and COUNTS.multi >= 4, COUNTS.report()


def test_correct_choice_is_first_in_at_most_half_of_single_answer_questions() -> None:
    assert COUNTS.single_correct_first * 2 <= COUNTS.single, COUNTS.report()


def test_no_select_all_question_puts_its_wrong_choices_last() -> None:
    assert COUNTS.multi_wrong_all_last == 0, COUNTS.report()


def test_select_all_questions_vary_how_many_are_right() -> None:
    assert len(set(COUNTS.multi_correct_counts)) >= 2, COUNTS.report()


def test_no_one_place_holds_most_lone_wrong_choices() -> None:
    places = COUNTS.lone_wrong_places
    most = max((places.count(place) for place in set(places)), default=0)
    assert most * 2 <= len(places), COUNTS.report()


def test_correct_choice_is_strictly_longest_in_at_most_half_of_questions() -> None:
    assert COUNTS.correct_strictly_longest * 2 <= COUNTS.questions, COUNTS.report()


def test_absolute_words_are_rarely_the_tell() -> None:
    assert COUNTS.absolute_tells <= MAX_ABSOLUTE_TELLS, COUNTS.report()


def test_at_most_one_wrong_choice_voices_self_blame() -> None:
    assert len(COUNTS.self_blame) <= 1, COUNTS.report()


def _choices(*spec: tuple[str, bool]) -> tuple[Choice, ...]:
    return tuple(Choice(id=f"c{i}", text=text, correct=ok) for i, (text, ok) in enumerate(spec))


def test_counters_see_each_tell() -> None:
    tells = _choices(("the long right answer", True), ("never", False), ("no", False))
    assert correct_strictly_longest(tells)
    assert absolute_tell(tells)
    mixed = _choices(("a", True), ("bb", False), ("cc", True))
    assert not wrong_all_last(mixed)
    assert not correct_strictly_longest(mixed)
    assert wrong_all_last(_choices(("a", True), ("b", True), ("c", False)))
    assert lone_wrong_place(_choices(("a", True), ("b", False), ("c", True))) == 2
    assert lone_wrong_place(_choices(("a", False), ("b", False), ("c", True))) is None
    tie = _choices(("same", True), ("four", False))
    assert not correct_strictly_longest(tie)
    assert SELF_BLAME.search("You didn't try hard enough")
    assert not SELF_BLAME.search("Tell your provider about missed doses")


if __name__ == "__main__":
    print(COUNTS.report())
