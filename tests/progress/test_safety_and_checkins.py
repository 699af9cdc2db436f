"""The safety plan, check-ins and questions in the store: kept as typed, and truly gone after reset or forget."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from progress import Store, database_path, forget, open_store
from progress.checkins import last_taken, read_checkins, save_checkin
from progress.questions import add_question, read_questions, remove_question, set_picked
from progress.safety_plan import read_parts, save_part

T0 = datetime(2026, 3, 1, 9, tzinfo=UTC)
PLAN_MARK = "Call my sister Zanzibarine 555-0142"
FORM_MARK = "phq9-marker-Quorblex"
QUESTION_MARK = "Ask about Plimsollary"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(database_path(tmp_path / "data"))
    yield opened.store
    opened.store.close()


def fill(store: Store) -> None:
    save_part(store, "helpers", PLAN_MARK, at=T0)
    save_checkin(store, FORM_MARK, [1, 2, 3, 0, 1, 2, 3, 0, 1], 2, 13, True, at=T0)
    add_question(store, QUESTION_MARK, "checkin-item9", at=T0)


def traces(folder: Path) -> list[str]:
    """Which markers any file under ``folder`` still holds, byte for byte."""
    found: list[str] = []
    for path in folder.rglob("*") if folder.exists() else []:
        if path.is_file():
            data = path.read_bytes()
            found += [m for m in (PLAN_MARK, FORM_MARK, QUESTION_MARK) if m.encode() in data]
    return found


text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(part=st.sampled_from(["helpers", "reasons", "x"]), typed=text)
def test_a_part_comes_back_byte_for_byte(store: Store, part: str, typed: str) -> None:
    save_part(store, part, typed)
    if typed.strip():
        assert read_parts(store)[part] == typed
    else:
        assert part not in read_parts(store)


def test_a_lone_surrogate_is_kept_as_a_replacement_not_refused(store: Store) -> None:
    save_part(store, "helpers", "Ana \ud800 phone")
    assert read_parts(store)["helpers"] == "Ana \ufffd phone"


def test_the_plan_survives_reopening(store: Store) -> None:
    save_part(store, "helpers", "Sam: 555-0142\nAna: text her")
    save_part(store, "reasons", "My dog")
    save_part(store, "reasons", "My dog\nThe sea")
    store.close()
    with open_store(store.path).store as again:
        assert read_parts(again) == {
            "helpers": "Sam: 555-0142\nAna: text her",
            "reasons": "My dog\nThe sea",
        }


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    answers=st.lists(st.integers(0, 3), min_size=9, max_size=9),
    difficulty=st.none() | st.integers(0, 3),
    shown=st.booleans(),
)
def test_a_check_in_comes_back_as_saved(
    store: Store, answers: list[int], difficulty: int | None, shown: bool
) -> None:
    before = len(read_checkins(store))
    saved = save_checkin(store, "phq9-v1", answers, difficulty, sum(answers), shown)
    found = read_checkins(store)
    assert len(found) == before + 1
    assert found[-1] == saved
    assert (found[-1].answers, found[-1].difficulty, found[-1].item9_panel_shown) == (
        tuple(answers),
        difficulty,
        shown,
    )


def test_check_ins_come_oldest_first_and_the_last_is_known(store: Store) -> None:
    assert last_taken(store) is None
    save_checkin(store, "phq9-v1", [0] * 9, None, 0, False, at=T0 + timedelta(days=28))
    save_checkin(store, "phq9-v1", [1] * 9, 1, 9, True, at=T0)
    assert [c.total for c in read_checkins(store)] == [9, 0]
    assert last_taken(store) == T0 + timedelta(days=28)


def test_the_store_refuses_a_total_off_the_scale(store: Store) -> None:
    from progress import StoreError

    with pytest.raises(StoreError):
        save_checkin(store, "phq9-v1", [3] * 9, None, 28, False)
    assert read_checkins(store) == ()


def test_questions_add_pick_unpick_remove(store: Store) -> None:
    first = add_question(store, "Is this working?", "own", at=T0)
    second = add_question(store, "What next?", "checkin-item9", picked=False)
    assert [(q.text, q.source, q.picked) for q in read_questions(store)] == [
        ("Is this working?", "own", True),
        ("What next?", "checkin-item9", False),
    ]
    assert set_picked(store, second.id, True)
    assert set_picked(store, first.id, False)
    assert [q.picked for q in read_questions(store)] == [False, True]
    assert remove_question(store, first.id)
    assert not remove_question(store, first.id)
    assert not set_picked(store, 999, True)
    assert [q.id for q in read_questions(store)] == [second.id]


def test_reset_all_clears_plan_check_ins_and_questions_from_store_and_wal(store: Store) -> None:
    fill(store)
    assert store.reset_all()
    assert read_parts(store) == {} and read_checkins(store) == () and read_questions(store) == ()
    assert traces(store.path.parent) == []


def test_reset_of_one_lesson_leaves_them(store: Store) -> None:
    fill(store)
    store.reset_lesson("helpers")
    assert read_parts(store) == {"helpers": PLAN_MARK}
    assert len(read_checkins(store)) == 1 and len(read_questions(store)) == 1


def test_forget_leaves_no_trace_of_plan_or_check_in(tmp_path: Path) -> None:
    data = tmp_path / "data"
    opened = open_store(database_path(data))
    fill(opened.store)
    wal = Path(f"{opened.store.path}-wal")
    assert wal.exists() and traces(data), "the test writes what it looks for"
    opened.store.close()
    forget(data)
    assert not opened.store.path.exists() and not wal.exists()
    assert traces(tmp_path) == []
