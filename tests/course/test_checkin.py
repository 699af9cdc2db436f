"""PHQ-9 scoring, bands at every boundary, the change rules and when a check-in is suggested."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course import checkin, wording
from course.checkin import (
    Point,
    band,
    changes,
    due,
    is_meaningful,
    needs_checking_back,
    result_lines,
    total,
)

START = datetime(2026, 1, 5, 12, tzinfo=UTC)


def points(*totals: int, item9: int = 0) -> list[Point]:
    return [Point(START + timedelta(days=14 * i), t, item9) for i, t in enumerate(totals)]


@pytest.mark.parametrize(
    ("score", "name"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_band_at_every_boundary(score: int, name: str) -> None:
    assert band(score).name == name
    assert band(score).low <= score <= band(score).high


@pytest.mark.parametrize("score", [-1, 28])
def test_band_refuses_totals_outside_the_scale(score: int) -> None:
    with pytest.raises(ValueError):
        band(score)


def test_bands_cover_0_to_27_without_gaps_and_match_the_wording_file() -> None:
    found = checkin.bands()
    assert found[0].low == 0 and found[-1].high == 27
    assert all(a.high + 1 == b.low for a, b in itertools.pairwise(found))
    assert wording.phq9().bands == checkin.BAND_LOWS


@given(st.lists(st.integers(0, 3), min_size=9, max_size=9))
def test_total_is_the_sum_of_nine_answers(answers: list[int]) -> None:
    assert total(answers) == sum(answers)
    assert 0 <= total(answers) <= 27


@pytest.mark.parametrize("answers", [[0] * 8, [0] * 10, [0] * 8 + [4], [0] * 8 + [-1]])
def test_total_refuses_a_wrong_form(answers: list[int]) -> None:
    with pytest.raises(ValueError):
        total(answers)


def test_item9_panel_for_every_answer_but_not_at_all() -> None:
    assert [checkin.shows_item9_panel(a) for a in range(4)] == [False, True, True, True]
    assert checkin.item9_flagged([0] * 8 + [1])
    assert not checkin.item9_flagged([3] * 8 + [0])


@pytest.mark.parametrize(
    ("change", "meaningful"),
    [(0, False), (4, False), (-4, False), (5, True), (-5, True), (11, True)],
)
def test_five_points_is_meaningful(change: int, meaningful: bool) -> None:
    assert is_meaningful(change) is meaningful


@pytest.mark.parametrize(
    ("totals", "remind"),
    [
        ([18], False),  # nothing to compare yet
        ([18, 18], True),
        ([18, 14], True),  # 4 below: not yet at least 5
        ([18, 13], False),  # 5 below
        ([18, 25, 12], False),
        ([18, 10, 16], True),  # judged against the first, not the best
        ([10, 15], True),
    ],
)
def test_checking_back_when_the_latest_is_not_five_below_the_first(
    totals: list[int], remind: bool
) -> None:
    assert needs_checking_back(totals) is remind
    words = wording.checkin().texts
    lines = result_lines(points(*totals), words)
    assert (words["checking_back"] in lines) is remind


def test_result_says_total_band_and_not_a_diagnosis() -> None:
    words = wording.checkin().texts
    lines = result_lines(points(14), words)
    assert "Your total is 14 out of 27: in the moderate range (10-14)." in lines
    assert "This is a checklist, not a diagnosis: take it to your provider." in lines
    assert words["first_time"] in lines
    assert words["meaningful"] not in lines


def test_result_gives_the_change_since_the_last_and_the_first() -> None:
    words = wording.checkin().texts
    text = "\n".join(result_lines(points(20, 16, 15), words))
    assert "Since your last check-in (" in text and "down 1 point from 16" in text
    assert "Since your first check-in (" in text and "down 5 points from 20" in text
    assert "A change of 5 points or more is what clinicians usually treat as meaningful." in text
    assert words["checking_back"] not in text
    up = "\n".join(result_lines(points(9, 20), words))
    assert "up 11 points from 9" in up and "Since your first" not in up
    same = "\n".join(result_lines(points(9, 9), words))
    assert "the same as then" in same


def test_changes_need_an_earlier_check_in() -> None:
    assert changes(points(5)) == (None, None)
    last, first = changes(points(5, 7, 12))
    assert last is not None and last.points == 5
    assert first is not None and first.points == 7


def test_due_after_fourteen_days_and_never_before_a_first_check_in() -> None:
    assert not due(None, START)
    assert not due(START, START + timedelta(days=13, hours=23))
    assert due(START, START + timedelta(days=14))
    assert due(START, START + timedelta(days=400))


def test_result_gives_no_treatment_advice() -> None:
    words = wording.checkin().texts
    text = " ".join(
        " ".join(result_lines(points(*series), words)) for series in ([20], [20, 22], [9, 20, 3])
    ).lower()
    for advice in ("increase", "dose", "switch", "stop taking", "medication", "streak", "missed"):
        assert advice not in text
