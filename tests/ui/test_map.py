"""The map's "Your own tools" rows, read whole, and its check-in suggestion."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from course.paths import bundled_lessons
from course.ui.app import CourseApp
from course.ui.tools import SUMMARY_ROW_WIDTH, available_tools
from tests.ui.helpers import running


def list_lines(app: CourseApp) -> list[str]:
    """The map's list as it is drawn, one string a screen line."""
    lessons = app.screen.query_one("#map-lessons", OptionList)
    return [lessons.render_line(y).text.rstrip() for y in range(lessons.size.height)]


def test_every_tool_row_fits_the_narrowest_map() -> None:
    for item in available_tools():
        row = f"{item.key} {item.title} · {item.summary}"
        assert len(row) <= SUMMARY_ROW_WIDTH, row


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_each_tool_summary_is_on_the_map_whole_on_one_line(size: tuple[int, int]) -> None:
    # The whole course: its list scrolls, so the scrollbar takes its columns too.
    async with running(bundled_lessons(), size=size) as (app, _):
        lessons = app.screen.query_one("#map-lessons", OptionList)
        assert lessons.show_vertical_scrollbar
        lines = list_lines(app)
        tools = available_tools()
        assert tools
        for item in tools:
            assert f"{item.key} {item.title} · {item.summary}" in lines, (item.id, lines)
