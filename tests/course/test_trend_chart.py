"""The trend chart keeps the fixed 0-27 scale, marks the bands, and the table reads in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course.checkin import Point
from course.trend_chart import (
    BAND_LINE,
    FULL,
    axis,
    bar,
    chart_lines,
    checkin_table_markdown,
    table_lines,
    table_markdown,
)

START = datetime(2026, 1, 5, 12, tzinfo=UTC)


def series(*totals: int) -> list[Point]:
    return [Point(START + timedelta(days=14 * i), t, i % 2) for i, t in enumerate(totals)]


def filled(line: str) -> int:
    return line.count(FULL)


def test_nine_to_twenty_draws_a_bigger_change_than_twenty_to_twenty_one() -> None:
    big = chart_lines(series(9, 20))[1:]
    small = chart_lines(series(20, 21))[1:]
    assert filled(big[1]) - filled(big[0]) == 11
    assert filled(small[1]) - filled(small[0]) == 1
    # A chart fitted to the data's own range would draw both as the full height.
    assert len(big[0]) == len(small[0])


@given(st.integers(0, 27))
def test_one_cell_per_point_and_every_bar_the_same_width(score: int) -> None:
    drawn = bar(score)
    assert filled(drawn) == score
    assert len(drawn) == len(bar(0)) == len(bar(27))
    assert drawn.count(BAND_LINE) == 4


@pytest.mark.parametrize("start", [5, 10, 15, 20])
def test_band_lines_sit_where_the_bands_start(start: int) -> None:
    below, at = bar(start - 1), bar(start)
    line = axis()
    column = line.index(str(start), 1 if start == 5 else 0)
    assert below[column] == BAND_LINE and at[column] == BAND_LINE
    assert at[column + 1] == FULL and below[column + 1] != FULL


def test_axis_labels_both_ends() -> None:
    line = axis()
    assert line.startswith("0") and line.endswith("27")


def test_chart_fits_60_columns_and_rows_carry_date_and_total() -> None:
    lines = chart_lines(series(3, 27))
    assert all(len(line) <= 60 for line in lines)
    assert lines[1].startswith("2026-01-05") and lines[1].endswith(" 3")
    assert lines[2].endswith("27")


def test_refuses_totals_off_the_scale() -> None:
    with pytest.raises(ValueError):
        bar(28)


def test_table_in_words() -> None:
    lines = table_lines(series(4, 15))
    assert lines[0].split() == ["Date", "Total", "Band", "Item", "9"]
    assert lines[1].split() == ["2026-01-05", "4", "minimal", "no"]
    assert lines[2].split() == ["2026-01-19", "15", "moderately", "severe", "yes"]
    markdown = table_markdown(series(4))
    assert "| 2026-01-05 | 4 | minimal | no |" in markdown.splitlines()


def test_export_section_has_the_table_and_the_attribution() -> None:
    text = checkin_table_markdown(series(9, 20))
    assert text.startswith("## Check-ins (PHQ-9)")
    assert "| 2026-01-19 | 20 | severe | yes |" in text
    assert "Developed by Drs. Robert L. Spitzer" in text
    assert "not a diagnosis" in text
    assert "No check-ins yet." in checkin_table_markdown([])
