"""The HTML brief's layout for one printed page with a full history.

Printed to Letter in Chromium, three treatments, four questions, four plan
items and twelve check-ins took two pages: the notes and the follow-up line
went to the second. The trend now goes in two or three tables side by side,
long lists in two columns, and the follow-up line stays with the notes.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from course.brief import LIST_ONE_COLUMN, TREND_ONE_COLUMN, Brief, TrendPoint, brief_html
from course.treatments_wording import brief_wording

DAY = date(2026, 12, 2)


def brief(checkins: int, questions: int = 2, plan: int = 2) -> Brief:
    start = datetime(2026, 1, 5, 12, tzinfo=UTC)
    trend = tuple(
        TrendPoint(start + timedelta(days=14 * n), 10 + n % 5, "moderate") for n in range(checkins)
    )
    return Brief(
        goal="What to try next",
        questions=tuple(f"Question {n}?" for n in range(questions)),
        treatments=(),
        trend=trend,
        plan_items=tuple(f"Plan item {n}" for n in range(plan)),
        reflections=(),
        today=DAY,
    )


def trend_tables(page: str) -> list[str]:
    return re.findall(r'<table class="(trend[^"]*)">', page)


def rows_in(page: str) -> int:
    checkins = page.split('<section class="checkins">')[1].split("</section>")[0]
    return checkins.count("<tr><td>")


@pytest.mark.parametrize(
    ("checkins", "tables"),
    [(1, 1), (TREND_ONE_COLUMN, 1), (TREND_ONE_COLUMN + 1, 2), (8, 2), (9, 3), (12, 3)],
)
def test_the_trend_goes_in_tables_side_by_side(checkins: int, tables: int) -> None:
    page = brief_html(brief(checkins))
    found = trend_tables(page)
    assert len(found) == tables
    assert all(css == ("trend" if tables == 1 else f"trend parts-{tables}") for css in found)
    assert rows_in(page) == checkins, "every check-in shown still has its row"


def test_the_trend_reads_oldest_first_down_each_table() -> None:
    page = brief_html(brief(12))
    dates = re.findall(r"<tr><td>(\d+ \w+ \d{4})</td>", page)
    assert dates[0] == "5 January 2026" and dates[-1].endswith("2026")
    taken = [datetime.strptime(d, "%d %B %Y") for d in dates]
    assert taken == sorted(taken)


def test_long_lists_print_in_two_columns() -> None:
    short = brief_html(brief(1, questions=LIST_ONE_COLUMN, plan=LIST_ONE_COLUMN))
    assert "two-columns" not in short.split("</style>")[1]
    long = brief_html(brief(1, questions=LIST_ONE_COLUMN + 1, plan=LIST_ONE_COLUMN + 1))
    assert '<ol class="two-columns">' in long and '<ul class="two-columns">' in long


def test_the_follow_up_line_is_kept_with_the_notes_and_last() -> None:
    page = brief_html(brief(12, questions=4, plan=4))
    notes = page.split('<section class="notes">')[1].split("</section>")[0]
    follow_up = brief_wording().text["follow_up"]
    assert f'<p class="follow-up">{follow_up}</p>' in notes
    assert page.rstrip().endswith("</section>\n</body></html>")
    assert "section.notes { break-inside: avoid" in page
