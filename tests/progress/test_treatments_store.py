"""The treatment history in the store: byte for byte in, the same out; the brief's choices."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from progress import brief_state, open_store
from progress import treatments as rows
from progress.questions import add_question, set_picked
from progress.treatments import DoseRow, TreatmentRow

texts = st.text(max_size=40)
maybe_bool = st.none() | st.booleans()
treatment_rows = st.builds(
    TreatmentRow,
    kind=st.sampled_from(["medicine", "add-on", "other"]),
    name=texts,
    started=st.none() | st.just("2021-03"),
    stopped=st.none() | texts,
    still_taking=st.booleans(),
    missed_doses=st.none() | st.sampled_from(["rarely", "often"]),
    side_effects=texts,
    side_effects_why_stopped=maybe_bool,
    helped=st.none() | st.just("40%"),
    stopped_working=maybe_bool,
    why_stopped=texts,
    notes=texts,
    questions=texts,
    doses=st.lists(st.builds(DoseRow, texts, st.none() | st.just("2021-05")), max_size=3).map(
        tuple
    ),
)


def _surrogate_free(row: TreatmentRow) -> bool:
    try:
        repr(row).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(treatment_rows, min_size=1, max_size=3))
def test_what_goes_in_comes_out(found: list[TreatmentRow]) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        open_store(Path(folder) / "progress.db").store as store,
    ):
        ids = [rows.add_treatment(store, row) for row in found]
        back = rows.treatments(store)
    assert [b.id for b in back] == ids
    for before, after in zip(found, back, strict=True):
        if _surrogate_free(before):
            assert after.__class__(**{**after.__dict__, "id": None, "updated_at": None}) == before


def test_update_and_remove(tmp_path: Path) -> None:
    with open_store(tmp_path / "progress.db").store as store:
        first = rows.add_treatment(store, TreatmentRow("medicine", "A", doses=(DoseRow("1"),)))
        second = rows.add_treatment(store, TreatmentRow("medicine", "B"))
        changed = TreatmentRow("add-on", "A2", doses=(DoseRow("2", "2022-01"), DoseRow("3")))
        assert rows.update_treatment(store, first, changed)
        assert not rows.update_treatment(store, 999, changed)
        (a, _) = rows.treatments(store)
        assert (a.name, a.kind, a.doses) == ("A2", "add-on", changed.doses)
        assert rows.remove_treatment(store, first)
        assert not rows.remove_treatment(store, first)
        assert [t.id for t in rows.treatments(store)] == [second]
        with store._read() as conn:
            assert conn.execute("SELECT count(*) FROM dose_change").fetchone()[0] == 0
        third = rows.add_treatment(store, TreatmentRow("other", "C"))
        assert third > second  # a removed id is never handed out again


def test_lone_surrogates_are_kept_as_replacement_characters(tmp_path: Path) -> None:
    with open_store(tmp_path / "progress.db").store as store:
        rows.add_treatment(store, TreatmentRow("other", "bad \udcff byte"))
        assert rows.treatments(store)[0].name == "bad \ufffd byte"


def test_brief_choices(tmp_path: Path) -> None:
    with open_store(tmp_path / "progress.db").store as store:
        assert brief_state.goal(store) == ""
        assert brief_state.reflection_picks(store) == frozenset()
        brief_state.set_goal(store, "talk about sleep\n")
        picks = frozenset({("l1", "s1"), ("l2", "s2")})
        brief_state.set_reflection_picks(store, picks)
        first = add_question(store, "Why?", "own").id
        set_picked(store, first, False)
        state = brief_state.read_all(store)
        assert state.goal == "talk about sleep\n"
        assert state.reflection_picks == picks
        assert [(q.text, q.picked) for q in state.questions] == [("Why?", False)]
        brief_state.set_goal(store, "")
        brief_state.set_reflection_picks(store, frozenset())
        assert store.setting(brief_state.GOAL_KEY) is None
        assert brief_state.reflection_picks(store) == frozenset()


@given(st.text(max_size=60))
def test_unreadable_picks_mean_none_picked(value: str) -> None:
    picked = brief_state._picks(value)
    assert all(isinstance(a, str) and isinstance(b, str) for a, b in picked)
