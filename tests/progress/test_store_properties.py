"""Requirement 7: property tests: text round-trips, plans behave like a set model."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from progress import OWN_ITEM_PREFIX, Store, database_path, open_store

# Any text a learner could type or paste: every code point except lone
# surrogates (which UTF-8 cannot hold; see test_store_api for those).
CHARACTERS = st.characters(exclude_categories=["Cs"])
TEXT = st.text(CHARACTERS, max_size=300)
IDS = st.text(CHARACTERS, min_size=1, max_size=20)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def fresh_store() -> Iterator[Store]:
    """A new store per example (pytest's tmp_path is shared across examples)."""
    with (
        tempfile.TemporaryDirectory() as folder,
        open_store(database_path(Path(folder) / "data")).store as store,
    ):
        yield store


@SETTINGS
@given(lesson_id=IDS, step_id=IDS, texts=st.lists(TEXT, min_size=1, max_size=4))
@example(lesson_id="l", step_id="s", texts=["nul \x00 inside", "\x00", ""])
@example(lesson_id="\x00", step_id="é", texts=["emoji 🫶🏽 and rtl שלום", "\r\n\t"])
def test_reflection_text_round_trips(lesson_id: str, step_id: str, texts: list[str]) -> None:
    with fresh_store() as store:
        for text in texts:
            saved = store.save_reflection(lesson_id, step_id, text)
            assert saved.text == text
        got = store.reflection(lesson_id, step_id)
        assert got is not None and got.text == texts[-1]
        assert store.snapshot().reflections == (got,)


@SETTINGS
@given(
    choices=st.lists(IDS, max_size=5),
    correct=st.booleans(),
    moment=st.datetimes(
        min_value=datetime(1970, 1, 2),
        max_value=datetime(9000, 12, 30),
        timezones=st.integers(-14 * 60, 14 * 60).map(
            lambda minutes: timezone(timedelta(minutes=minutes))
        ),
    ),
)
def test_answers_round_trip(choices: list[str], correct: bool, moment: datetime) -> None:
    with fresh_store() as store:
        recorded = store.record_answer("l1", "q1", choices, correct, at=moment)
        (stored,) = store.attempts()
        assert stored == recorded
        assert stored.choice_ids == tuple(choices)
        assert stored.answered_at == moment
        assert stored.correct is correct


@dataclass
class PlanModel:
    """What a plan step should hold, kept in plain Python."""

    ticked: set[str] = field(default_factory=set)
    own: dict[str, str] = field(default_factory=dict)  # insertion-ordered
    issued: set[str] = field(default_factory=set)


AUTHOR_IDS = st.sampled_from(["walk", "call-a-friend", "sleep", "mine"])
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), AUTHOR_IDS | st.integers(0, 6)),
        st.tuples(st.just("untick"), AUTHOR_IDS | st.integers(0, 6)),
        st.tuples(st.just("add"), TEXT),
        st.tuples(st.just("remove"), AUTHOR_IDS | st.integers(0, 6)),
    ),
    max_size=30,
)


def _item_id(target: str | int, model: PlanModel) -> str:
    """Integers pick one of the learner's items ever issued (or a never-issued id)."""
    if isinstance(target, str):
        return target
    issued = sorted(model.issued)
    return issued[target] if target < len(issued) else f"{OWN_ITEM_PREFIX}{99 + target}"


@SETTINGS
@given(operations=OPERATIONS)
def test_plan_operations_match_a_simple_model(
    operations: list[tuple[str, str | int]],
) -> None:
    model = PlanModel()
    with fresh_store() as store:
        store.add_plan_item("other", "p1", "someone else's step")  # must not leak
        for verb, arg in operations:
            if verb == "add":
                assert isinstance(arg, str)
                item = store.add_plan_item("l1", "p1", arg)
                assert item.item_id not in model.issued  # ids are never reused
                model.issued.add(item.item_id)
                model.own[item.item_id] = arg
                continue
            item_id = _item_id(arg, model)
            if verb == "tick":
                store.tick("l1", "p1", item_id)
                model.ticked.add(item_id)
            elif verb == "untick":
                store.untick("l1", "p1", item_id)
                model.ticked.discard(item_id)
            else:
                expected = item_id in model.own
                assert store.remove_plan_item("l1", "p1", item_id) is expected
                if expected:
                    del model.own[item_id]
                    model.ticked.discard(item_id)
            state = store.plan("l1", "p1")
            assert state.ticked == model.ticked
            assert [(i.item_id, i.text) for i in state.own_items] == list(model.own.items())
        plans = {(p.lesson_id, p.step_id) for p in store.snapshot().plans}
        assert ("other", "p1") in plans


@SETTINGS
@given(
    grades=st.lists(st.tuples(st.sampled_from("abc"), st.booleans()), min_size=1),
)
def test_question_results_summarise_attempts(grades: list[tuple[str, bool]]) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with fresh_store() as store:
        for n, (choice, correct) in enumerate(grades):
            store.record_answer("l1", "q1", [choice], correct, at=start + timedelta(n))
        result = store.question_results("l1")["q1"]
    assert result.attempts == len(grades)
    assert result.first_correct is grades[0][1]
    assert result.latest.correct is grades[-1][1]
    assert result.latest.choice_ids == (grades[-1][0],)
    assert result.latest.answered_at == start + timedelta(len(grades) - 1)


@SETTINGS
@given(
    answers=st.lists(
        st.tuples(st.sampled_from(["l1", "l2"]), st.sampled_from(["q1", "q2"]), st.booleans()),
    ),
)
def test_answer_summaries_match_each_lessons_question_results(
    answers: list[tuple[str, str, bool]],
) -> None:
    """The map's one query says what each lesson's own summaries say, first and latest."""
    with fresh_store() as store:
        for lesson_id, question_id, correct in answers:
            store.record_answer(lesson_id, question_id, ["a"], correct)
        summaries = store.answer_summaries()
        for lesson_id in ("l1", "l2"):
            results = store.question_results(lesson_id)
            expected = {
                qid: (result.first_correct, result.latest.correct)
                for qid, result in results.items()
            }
            assert summaries.get(lesson_id, {}) == expected
    assert set(summaries) == {lesson_id for lesson_id, _, _ in answers}
